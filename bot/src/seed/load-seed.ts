import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseSeed, type Municipality, type Person } from '@weerbaar/shared';

export interface Seed {
  municipalities: Municipality[];
  people: Person[];
}

/** Reads and validates shared/seed (or SEED_DIR); a malformed file stops the start, naming file and field. */
export function loadSeed(seedDir: string | null): Seed {
  const dir = seedDir ?? defaultSeedDir();
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const municipalities = parseSeed('municipalities', read('municipalities.json'), 'municipalities.json');
  const people = parseSeed('people', read('people.json'), 'people.json');
  return { municipalities, people };
}

export function defaultSeedDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@weerbaar/shared/seed/municipalities.json'));
}
