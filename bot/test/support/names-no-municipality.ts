import { expect } from 'vitest';

/**
 * Random ids are hex and can hold a run of four digits that happens to equal a CBS code
 * ("…effc471735" holds Hof van Twente's 1735). They are opaque, so they are masked before the
 * text is searched for municipality codes; every other character of the body is still checked.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The body as JSON text with every random id masked, to search for municipality codes. */
export function textWithoutIds(body: unknown): string {
  return JSON.stringify(body).replace(UUID, '<id>');
}

export function expectNamesNoMunicipality(body: unknown, municipalities: readonly { code: string; name: string }[]): void {
  const text = textWithoutIds(body);
  for (const m of municipalities) {
    expect(text, `the body names ${m.name}`).not.toContain(m.code);
    expect(text, `the body names ${m.name}`).not.toContain(m.name);
  }
}
