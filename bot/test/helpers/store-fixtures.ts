import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Signal } from '@weerbaar/shared';

/** A fresh folder under the OS temp dir; remove it with removeFolder. */
export function makeTempFolder(prefix = 'weerbaar-store-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

export const testMasterKey = (): Buffer => randomBytes(32);

let referenceCounter = 0;

/** A plausible Hengelo signal; every call gets its own id and reference. */
export function makeSignal(overrides: Partial<Signal> = {}): Signal {
  referenceCounter += 1;
  return {
    id: randomUUID(),
    reference: `HGL-2026-${String(referenceCounter).padStart(4, '0')}-${randomBytes(3).toString('hex')}`,
    municipalityCode: '0164',
    category: 'witwassen',
    confidentiality: 'confidential',
    status: 'received',
    concernsMtContact: false,
    department: 'Vergunningen',
    receivedAt: '2026-03-02T09:00:00.000Z',
    acknowledgedAt: null,
    closedAt: null,
    outcome: null,
    assignedTo: null,
    legalBasis: 'AVG art. 6 lid 1 sub e; Wet Bibob',
    retentionUntil: null,
    content: {
      description: 'Een aanvrager betaalt de leges steeds contant met grote biljetten.',
      location: 'Stadhuis Hengelo, balie vergunningen',
      occurredOn: '2026-02-27',
      involved: 'Aanvrager van een exploitatievergunning',
      noticedHow: 'Aan de balie',
    },
    reporter: { objectId: randomUUID(), upn: 'm.jansen@hengelo.example', displayName: 'Marieke Jansen' },
    version: 1,
    ...overrides,
  };
}

/** Every byte of every file in `folder` (database, WAL, shared memory, key files). */
export function filesIn(folder: string): { name: string; bytes: Buffer }[] {
  return readdirSync(folder).map((name) => ({ name, bytes: readFileSync(path.join(folder, name)) }));
}

/** Names of the files in `folder` that contain `needle` (UTF-8). */
export function filesContaining(folder: string, needle: string | Uint8Array): string[] {
  const pattern = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle);
  return filesIn(folder)
    .filter((file) => file.bytes.includes(pattern))
    .map((file) => file.name);
}
