import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, type Signal } from '@weerbaar/shared';
import { openSqliteServiceStore, type SqliteServiceStore } from '../src/stores/sqlite/index.js';
import { makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

describe('SQLite service store: queries', () => {
  let folder: string;
  let store: SqliteServiceStore;

  beforeEach(async () => {
    folder = makeTempFolder();
    store = await openSqliteServiceStore({ file: path.join(folder, 'tenant-0153.db'), masterKey: testMasterKey() });
  });
  afterEach(async () => {
    await store.close();
    removeFolder(folder);
  });

  it('lists signals newest first, page by page, only for the municipalities asked for', async () => {
    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;
    const dinkelland: Signal[] = [];
    for (let n = 1; n <= 5; n += 1) {
      const signal = makeSignal({ municipalityCode: '1774', receivedAt: day(n), category: n % 2 ? 'drugs' : 'vastgoed' });
      dinkelland.push(signal);
      await store.signals.create(signal, `activity-${n}`);
    }
    await store.signals.create(makeSignal({ municipalityCode: '1735', receivedAt: day(9) }), 'activity-tubbergen');

    const first = await store.signals.list({ municipalityCodes: ['1774'], limit: 2 });
    const second = await store.signals.list({ municipalityCodes: ['1774'], limit: 2, cursor: first.nextPageToken });
    const third = await store.signals.list({ municipalityCodes: ['1774'], limit: 2, cursor: second.nextPageToken });
    expect([...first.items, ...second.items, ...third.items].map((s) => s.receivedAt)).toEqual([day(5), day(4), day(3), day(2), day(1)]);
    expect(third.nextPageToken).toBeUndefined();

    const drugs = await store.signals.list({ municipalityCodes: ['1774'], category: 'drugs' });
    expect(drugs.items.map((s) => s.id).sort()).toEqual(dinkelland.filter((s) => s.category === 'drugs').map((s) => s.id).sort());
    expect((await store.signals.list({ municipalityCodes: [] })).items).toEqual([]);
  });

  it('shreds once: a repeat returns the same tombstone, an unknown id is NotFound, a late redelivery does not bring it back', async () => {
    const signal = makeSignal();
    await store.signals.create(signal, 'activity-1');
    const tombstone = await store.signals.shred(signal.id, '2027-03-02T00:00:00.000Z');
    expect(await store.signals.shred(signal.id, '2027-04-01T00:00:00.000Z')).toEqual(tombstone);
    await expect(store.signals.shred('bestaat-niet', '2027-03-02T00:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.signals.create(makeSignal(), 'activity-1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists audit events newest first, per record, and pages backwards with `before`', async () => {
    for (let n = 1; n <= 4; n += 1) {
      await store.audit.record({
        id: `audit-${n}`, at: `2026-03-02T09:0${n}:00.000Z`, actor: 'oid-mt', action: 'signal.read',
        recordType: 'signal', recordId: n % 2 ? 'sig-odd' : 'sig-even', municipalityCode: '0153',
      });
    }
    await store.audit.record({
      id: 'audit-other', at: '2026-03-02T09:09:00.000Z', actor: 'system', action: 'signal.create',
      recordType: 'signal', recordId: 'sig-x', municipalityCode: '0141',
    });

    const ids = async (query: Parameters<typeof store.audit.list>[0]) => (await store.audit.list(query)).map((e) => e.id);
    expect(await ids({ municipalityCodes: ['0153'] })).toEqual(['audit-4', 'audit-3', 'audit-2', 'audit-1']);
    expect(await ids({ municipalityCodes: ['0153'], recordId: 'sig-odd' })).toEqual(['audit-3', 'audit-1']);
    expect(await ids({ municipalityCodes: ['0153'], limit: 2, before: 'audit-3' })).toEqual(['audit-2', 'audit-1']);
  });

  it('keeps conversation references per tenant and user, replacing on save', async () => {
    await store.conversations.save('t-1', 'user-1', { conversation: { id: 'a' } }, '2026-03-02T09:00:00.000Z');
    await store.conversations.save('t-1', 'user-1', { conversation: { id: 'b' } }, '2026-03-02T09:05:00.000Z');
    expect(await store.conversations.get('t-1', 'user-1')).toEqual({ conversation: { id: 'b' } });
    expect(await store.conversations.get('t-2', 'user-1')).toBeUndefined();
    await store.conversations.delete('t-1', 'user-1');
    expect(await store.conversations.get('t-1', 'user-1')).toBeUndefined();
  });
});
