import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAll, type OrganisationStore, type Person } from '@weerbaar/shared';
import { openSqliteOrganisationStore } from '../src/stores/sqlite/index.js';
import { departmentSyncJob } from '../src/jobs/department-sync-job.js';

function person(upn: string, department: string | null, municipalityCode = '0164'): Person {
  return { upn, displayName: upn, objectId: upn, municipalityCode, department, roles: ['employee'], locale: 'nl-NL', startDate: '2020-01-01' };
}

describe('the nightly department sync from Graph', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function store(): Promise<OrganisationStore> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-sync-'));
    dirs.push(dir);
    return openSqliteOrganisationStore({ file: path.join(dir, 'organisation.db') });
  }

  it('adds the missing departments once, with the common manager as head, and logs no names', async () => {
    const organisation = await store();
    const boss = person('hoofd.vergunningen@hengelo.example', 'Vergunningen');
    const people = [boss, person('a@hengelo.example', 'Vergunningen'), person('b@hengelo.example', 'Vergunningen'), person('c@hengelo.example', 'Wijkzaken')];
    const logs: unknown[] = [];
    const job = departmentSyncJob({
      directory: {
        peopleOf: async () => people,
        managerOf: async (id) => (id === boss.upn ? undefined : boss),
      },
      organisation,
      clock: { now: () => new Date('2027-02-01T05:45:00Z') },
      municipalityCodes: ['0164'],
      logger: { info: (details: unknown) => logs.push(details), error: (details: unknown) => logs.push(details) },
    });
    await job.run(new Date('2027-02-01T04:45:00Z'));
    await job.run(new Date('2027-02-02T04:45:00Z'));
    const departments = await listAll(organisation, 'departments', { filter: { MunicipalityCode: '0164' } });
    expect(departments.map((d) => d.fields.Title).sort()).toEqual(['Vergunningen', 'Wijkzaken']);
    expect(departments.find((d) => d.fields.Title === 'Vergunningen')?.fields.HeadUpn).toBe(boss.upn);
    expect(JSON.stringify(logs)).not.toMatch(/Vergunningen|Wijkzaken|hengelo\.example/);
  });

  it('goes on with the next municipality when Graph fails for one', async () => {
    const organisation = await store();
    const logs: unknown[] = [];
    const job = departmentSyncJob({
      directory: {
        peopleOf: async (code) => {
          if (code === '1774') throw new Error('Graph answered 503');
          return [person('d@tubbergen.example', 'Burgerzaken', '0183')];
        },
        managerOf: async () => undefined,
      },
      organisation,
      clock: { now: () => new Date('2027-02-01T05:45:00Z') },
      municipalityCodes: ['1774', '0183'],
      logger: { info: (details: unknown) => logs.push(details), error: (details: unknown) => logs.push(details) },
    });
    await job.run(new Date('2027-02-01T04:45:00Z'));
    const tubbergen = await listAll(organisation, 'departments', { filter: { MunicipalityCode: '0183' } });
    expect(tubbergen.map((d) => d.fields.Title)).toEqual(['Burgerzaken']);
    expect(logs).toHaveLength(2);
  });
});
