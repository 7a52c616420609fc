import { ValidationError } from '@weerbaar/shared';

/**
 * Opaque paging tokens: base64url JSON of the last position seen. Callers must treat
 * them as opaque (Graph's skip tokens are), so the format may change freely.
 */
export function encodePageToken(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position inside `token`, checked against the expected element types. */
export function decodePageToken<const T extends readonly ('string' | 'number')[]>(
  token: string,
  shape: T,
  field: string,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== shape.length ||
    !parsed.every((value: unknown, index) => typeof value === shape[index])
  ) {
    throw new ValidationError(`Ongeldig paginatoken (invalid page token)`, field);
  }
  return parsed as { [K in keyof T]: T[K] extends 'number' ? number : string };
}
