import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LearningRecords, actorFromPerson, listAll, type Directory, type OrganisationStore, type Person } from '@weerbaar/shared';
import { openSqliteOrganisationStore } from '../src/stores/sqlite/index.js';

const HENGELO = '0164';

function person(name: string, roles: Person['roles'] = ['employee']): Person {
  return { upn: `${name}@hengelo.example`, displayName: name, objectId: `oid-${name}`, municipalityCode: HENGELO, department: 'Vergunningen', roles, locale: 'nl-NL', startDate: '2020-01-01' };
}
const admin = person('beheerder', ['employee', 'app-admin']);
const directory: Directory = {
  findByObjectId: async () => undefined,
  findByUpn: async () => undefined,
  holdersOf: async () => [],
  isAbsent: async () => false,
  peopleOf: async () => [admin, person('anna'), person('bert')],
};

let folder: string;
let organisation: OrganisationStore & { close?: () => Promise<void> };

beforeEach(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-learning-retention-'));
  organisation = await openSqliteOrganisationStore({ file: path.join(folder, 'organisation.db') });
});
afterEach(async () => {
  await organisation.close?.();
  rmSync(folder, { recursive: true, force: true });
});

describe('learning completion records', () => {
  it('are written only while recording is on, and deleted 24 months after the completion', async () => {
    const records = new LearningRecords({ organisation, directory, municipalities: [{ code: HENGELO, name: 'Hengelo' }] });
    expect(await records.recordCompletion(person('anna'), 'v1', new Date('2024-11-01T10:00:00Z'))).toEqual({ recorded: false });

    await records.setRecording(actorFromPerson(admin), HENGELO, { enabled: true, basis: 'Instemming OR 2024-11' }, new Date('2024-11-01T09:00:00Z'));
    await records.recordCompletion(person('anna'), 'v1', new Date('2024-11-20T10:00:00Z'));
    await records.recordCompletion(person('bert'), 'v1', new Date('2025-06-01T10:00:00Z'));
    expect(await listAll(organisation, 'learningCompletions')).toHaveLength(2);

    expect(await records.deleteExpired(new Date('2026-11-19T12:00:00Z'))).toBe(0);
    expect(await records.deleteExpired(new Date('2026-11-20T12:00:00Z'))).toBe(1);
    expect((await listAll(organisation, 'learningCompletions')).map((item) => item.fields.PersonUpn)).toEqual(['bert@hengelo.example']);

    // Switched off: nothing new is written, whoever completes it.
    await records.setRecording(actorFromPerson(admin), HENGELO, { enabled: false }, new Date('2026-11-21T09:00:00Z'));
    expect(await records.recordCompletion(person('anna'), 'v1', new Date('2026-11-21T10:00:00Z'))).toEqual({ recorded: false });
    expect(await listAll(organisation, 'learningCompletions')).toHaveLength(1);
  });
});
