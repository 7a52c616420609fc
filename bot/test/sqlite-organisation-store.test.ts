import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAll } from '@weerbaar/shared';
import { describeOrganisationStoreContract } from '../../shared/test/contracts/organisation-store.contract.js';
import { openSqliteOrganisationStore, openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

describeOrganisationStoreContract('SQLite, own database file', async () => {
  const folder = makeTempFolder();
  const store = await openSqliteOrganisationStore({ file: path.join(folder, 'data', 'organisation.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      removeFolder(folder);
    },
  };
});

describeOrganisationStoreContract('SQLite, sharing the service store database', async () => {
  const folder = makeTempFolder();
  const service = await openSqliteServiceStore({ file: path.join(folder, 'instance.db'), masterKey: testMasterKey() });
  const store = await openSqliteOrganisationStore({ database: service.database });
  return {
    store,
    cleanup: async () => {
      await service.close();
      removeFolder(folder);
    },
  };
});

describe('SQLite organisation store', () => {
  let folder: string;
  beforeEach(() => {
    folder = makeTempFolder();
  });
  afterEach(() => removeFolder(folder));

  const department = {
    Title: 'Burgerzaken',
    MunicipalityCode: '0164',
    HeadUpn: 'hoofd@hengelo.example',
    AddedOn: '2026-01-05T08:00:00.000Z',
    Active: true,
  };

  it('keeps its items across a restart', async () => {
    const file = path.join(folder, 'organisation.db');
    const first = await openSqliteOrganisationStore({ file });
    const created = await first.create('departments', department, 'beheerder@hengelo.example');
    await first.close();

    const second = await openSqliteOrganisationStore({ file });
    expect(await second.get('departments', created.id)).toEqual(created);
    const next = await second.create('departments', { ...department, Title: 'Sociaal domein' }, 'beheerder@hengelo.example');
    expect(Number(next.id)).toBeGreaterThan(Number(created.id));
    await second.close();
  });

  it('uses the configured default page size when a query names none', async () => {
    const store = await openSqliteOrganisationStore({ file: path.join(folder, 'organisation.db'), pageSize: 2 });
    for (const title of ['A', 'B', 'C']) await store.create('departments', { ...department, Title: title }, 'beheerder@hengelo.example');

    const first = await store.list('departments');
    expect(first.items).toHaveLength(2);
    expect(first.nextPageToken).toBeDefined();
    expect((await listAll(store, 'departments')).map((i) => i.fields.Title).sort()).toEqual(['A', 'B', 'C']);
    await store.close();
  });

  it('refuses a page token it did not issue', async () => {
    const store = await openSqliteOrganisationStore({ file: path.join(folder, 'organisation.db') });
    await expect(store.list('departments', { pageToken: 'niet-van-ons' })).rejects.toMatchObject({ field: 'pageToken' });
    await store.close();
  });
});
