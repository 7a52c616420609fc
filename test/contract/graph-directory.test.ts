import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAll, type Clock } from '@weerbaar/shared';
import { GraphDirectory, municipalityByDomain } from '../../bot/src/directory/graph-directory.js';
import { syncDepartmentsFromGraph } from '../../bot/src/directory/sync-departments.js';
import { openSqliteOrganisationStore } from '../../bot/src/stores/sqlite/organisation-store.js';
import { startGraphHarness, type GraphHarness } from './graph-harness.js';
import type { TestUser } from './graph-test-users.js';

const HENGELO = '0164';
const clock: Clock = { now: () => new Date('2026-03-02T10:00:00Z') };

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const USERS: TestUser[] = [
  { id: id(1), userPrincipalName: 'directeur@hengelo.example', displayName: 'Dirk Directeur', department: 'Directie' },
  { id: id(2), userPrincipalName: 'hoofd.vergunningen@hengelo.example', displayName: 'Hanna Hoofd', department: 'Vergunningen', managerId: id(1), preferredLanguage: 'en-GB' },
  { id: id(3), userPrincipalName: 'jan@hengelo.example', displayName: 'Jan', department: 'Vergunningen', managerId: id(2), employeeHireDate: '2019-05-01T00:00:00Z' },
  { id: id(4), userPrincipalName: 'piet@hengelo.example', displayName: 'Piet', department: 'Vergunningen', managerId: id(2) },
  { id: id(5), userPrincipalName: 'hoofd.belastingen@hengelo.example', displayName: 'Bas', department: 'Belastingen', managerId: id(1) },
  { id: id(6), userPrincipalName: 'kees@hengelo.example', displayName: 'Kees', department: 'Belastingen', managerId: id(5) },
  { id: id(7), userPrincipalName: 'zonder.afdeling@hengelo.example', displayName: 'Zonder', department: null, managerId: id(1) },
  // Another municipality in the same tenant: never one of Hengelo's people.
  { id: id(8), userPrincipalName: 'eva@borne.example', displayName: 'Eva', department: 'Vergunningen', managerId: id(2) },
];

describe('GraphDirectory and the department sync against the local Graph test server', () => {
  let harness: GraphHarness;
  let dir: string;
  let organisation: Awaited<ReturnType<typeof openSqliteOrganisationStore>>;
  let directory: GraphDirectory;

  beforeAll(async () => {
    harness = await startGraphHarness();
    harness.server.directory.users.push(...USERS);
    harness.server.directory.pageSize = 3;
    dir = mkdtempSync(path.join(os.tmpdir(), 'graph-directory-'));
    organisation = await openSqliteOrganisationStore({ file: path.join(dir, 'organisation.db') });
    directory = new GraphDirectory({
      graph: harness.graph,
      organisation,
      clock,
      municipalityOfUpn: municipalityByDomain([HENGELO], JSON.stringify({ 'hengelo.example': HENGELO, 'borne.example': '0147' })),
    });
  });
  afterAll(async () => {
    await harness?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds a user by object id and by UPN, with locale and start date from Graph, and no one unknown', async () => {
    const byId = await directory.findByObjectId(id(3));
    expect(byId).toMatchObject({ upn: 'jan@hengelo.example', municipalityCode: HENGELO, department: 'Vergunningen', roles: ['employee'], startDate: '2019-05-01', locale: 'nl-NL' });
    expect((await directory.findByUpn('Hoofd.Vergunningen@hengelo.example'))?.locale).toBe('en-US');
    expect(await directory.findByUpn('niemand@hengelo.example')).toBeUndefined();
    expect(await directory.findByUpn('eva@borne.example')).toBeUndefined();
    const selects = harness.server.requests.filter((r) => r.path.startsWith('/v1.0/users/')).map((r) => r.query.$select);
    expect(selects.every((s) => s === 'id,userPrincipalName,displayName,preferredLanguage,department,employeeHireDate')).toBe(true);
  });

  it('reads the manager, and none for the top of the organisation', async () => {
    expect((await directory.managerOf(id(3)))?.upn).toBe('hoofd.vergunningen@hengelo.example');
    expect(await directory.managerOf(id(1))).toBeUndefined();
  });

  it('lists the municipality over every page of /users', async () => {
    const people = await directory.peopleOf(HENGELO);
    expect(people.map((p) => p.objectId).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map(id));
    expect(harness.server.requests.filter((r) => r.path === '/v1.0/users').length).toBe(3);
  });

  it('proposes departments with their common manager as head, creates the missing ones once', async () => {
    await organisation.create(
      'departments',
      { Title: 'belastingen', MunicipalityCode: HENGELO, HeadUpn: null, DeputyHeadUpn: null, AddedOn: clock.now().toISOString(), Active: true },
      'beheer@hengelo.example',
    );
    const deps = { directory, organisation, clock, editor: 'graph-sync' };
    const first = await syncDepartmentsFromGraph(deps, HENGELO);
    expect(first.proposed).toEqual([
      { name: 'Belastingen', headUpn: 'hoofd.belastingen@hengelo.example' },
      { name: 'Directie', headUpn: null },
      { name: 'Vergunningen', headUpn: 'hoofd.vergunningen@hengelo.example' },
    ]);
    expect(first.created).toEqual(['Directie', 'Vergunningen']);
    const second = await syncDepartmentsFromGraph(deps, HENGELO);
    expect(second.created).toEqual([]);
    const stored = await listAll(organisation, 'departments', { filter: { MunicipalityCode: HENGELO } });
    expect(stored.map((d) => [d.fields.Title, d.fields.HeadUpn])).toEqual(
      expect.arrayContaining([
        ['belastingen', null],
        ['Directie', null],
        ['Vergunningen', 'hoofd.vergunningen@hengelo.example'],
      ]),
    );
    expect(stored).toHaveLength(3);
  });

  it('makes a department head of whoever heads a department in the store, and adds assigned roles', async () => {
    await organisation.create('roleAssignments', { Title: `mt-contact ${HENGELO}`, MunicipalityCode: HENGELO, Role: 'mt-contact', PersonUpn: 'directeur@hengelo.example' }, 'beheer@hengelo.example');
    const head = await directory.findByUpn('hoofd.vergunningen@hengelo.example');
    expect(head?.roles).toEqual(['employee', 'department-head']);
    expect(head?.department).toBe('Vergunningen');
    expect((await directory.holdersOf(HENGELO, 'mt-contact')).map((p) => p.upn)).toEqual(['directeur@hengelo.example']);
  });

  it('answers absence from the absences list', async () => {
    await organisation.create(
      'absences',
      { Title: 'Verlof', MunicipalityCode: HENGELO, PersonUpn: 'jan@hengelo.example', StartsOn: '2026-03-01', EndsOn: '2026-03-06' },
      'beheer@hengelo.example',
    );
    expect(await directory.isAbsent('Jan@hengelo.example', clock.now())).toBe(true);
    expect(await directory.isAbsent('jan@hengelo.example', new Date('2026-03-09T10:00:00Z'))).toBe(false);
  });
});
