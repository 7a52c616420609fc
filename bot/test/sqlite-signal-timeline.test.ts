import { randomUUID } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, NotFoundError, type SignalTimelineEntry } from '@weerbaar/shared';
import { openSqliteServiceStore, type SqliteServiceStore } from '../src/stores/sqlite/index.js';
import { filesContaining, makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

const AT = '2026-03-05T10:00:00.000Z';

function entry(signalId: string, overrides: Partial<SignalTimelineEntry>): SignalTimelineEntry {
  return { id: randomUUID(), signalId, at: AT, kind: 'note', actor: 'oid-mt', ...overrides };
}

describe('signal timeline in the SQLite service store', () => {
  let folder: string;
  let store: SqliteServiceStore;
  let masterKey: Buffer;
  const open = () => openSqliteServiceStore({ file: path.join(folder, 'tenant-0164.db'), masterKey });
  beforeEach(async () => {
    folder = makeTempFolder();
    masterKey = testMasterKey();
    store = await open();
  });
  afterEach(async () => {
    await store.close();
    removeFolder(folder);
  });

  it('keeps entries in the order written and seals their text at rest', async () => {
    const signal = makeSignal();
    await store.signals.create(signal, 'activity-1');
    const note = entry(signal.id, { text: 'Vermoedelijk katvanger, navragen bij Burgerzaken' });
    const reply = entry(signal.id, { kind: 'message-from-reporter', actor: 'reporter', text: 'Het busje stond er om 23 uur' });
    await store.timeline.append([note]);
    await store.timeline.append([reply]);
    expect(await store.timeline.list(signal.id)).toEqual([note, reply]);
    expect(await store.timeline.get(signal.id, reply.id)).toEqual(reply);
    await store.close();
    for (const secret of ['katvanger', 'busje stond']) expect(filesContaining(folder, secret)).toEqual([]);
    store = await open();
    expect(await store.timeline.list(signal.id)).toEqual([note, reply]);
  });

  it('commits a change with its entries only against the current version', async () => {
    const signal = makeSignal();
    await store.signals.create(signal, 'activity-2');
    const committed = await store.timeline.commit({
      signal: { ...signal, status: 'acknowledged', acknowledgedAt: AT },
      expectedVersion: 1,
      entries: [entry(signal.id, { kind: 'status', status: 'acknowledged', action: 'acknowledge' })],
    });
    expect(committed.version).toBe(2);
    await expect(
      store.timeline.commit({ signal: { ...signal, assignedTo: 'x@hengelo.example' }, expectedVersion: 1, entries: [entry(signal.id, { text: 'stale' })] }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.timeline.list(signal.id)).map((e) => e.kind)).toEqual(['status']);
    expect((await store.signals.get(signal.id))?.assignedTo).toBeNull();
  });

  it('refuses entries for an unknown or shredded signal without creating a key', async () => {
    const signal = makeSignal({ status: 'closed', closedAt: AT, outcome: 'opgepakt' });
    await store.signals.create(signal, 'activity-3');
    await store.timeline.append([entry(signal.id, { kind: 'forward', forward: { organisation: 'riec', forwardedOn: '2026-03-04', legalBasis: 'Convenant RIEC' } })]);
    await store.signals.shred(signal.id, '2027-03-05T00:00:00.000Z');
    await expect(store.timeline.append([entry(signal.id, { text: 'te laat' })])).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.timeline.append([entry(randomUUID(), { text: 'onbekend' })])).rejects.toBeInstanceOf(NotFoundError);
    const keys = new BetterSqlite3(store.keyFile, { readonly: true });
    expect(keys.prepare('SELECT count(*) FROM data_keys WHERE key_id LIKE ?').pluck().get('signal:%')).toBe(0);
    keys.close();
    const data = new BetterSqlite3(path.join(folder, 'tenant-0164.db'), { readonly: true });
    expect(data.prepare('SELECT count(*) FROM signal_timeline').pluck().get()).toBe(0);
    data.close();
    // The disclosure register (no content) outlives the signal, like the tombstone.
    const register = await store.timeline.disclosures({ municipalityCodes: ['0164'] });
    expect(register.items).toEqual([expect.objectContaining({ signalId: signal.id, reference: signal.reference, organisation: 'riec', legalBasis: 'Convenant RIEC' })]);
  });

  it('pages the disclosure register newest first', async () => {
    const signal = makeSignal();
    await store.signals.create(signal, 'activity-4');
    const forwards = [1, 2, 3].map((n) =>
      entry(signal.id, { kind: 'forward', at: `2026-03-0${n}T10:00:00.000Z`, forward: { organisation: 'politie', forwardedOn: `2026-03-0${n}`, legalBasis: 'art. 6 lid 1 sub e AVG' } }),
    );
    await store.timeline.append(forwards);
    const first = await store.timeline.disclosures({ municipalityCodes: ['0164'], limit: 2 });
    const second = await store.timeline.disclosures({ municipalityCodes: ['0164'], limit: 2, cursor: first.nextPageToken! });
    expect([...first.items, ...second.items].map((d) => d.forwardedOn)).toEqual(['2026-03-03', '2026-03-02', '2026-03-01']);
    expect(second.nextPageToken).toBeUndefined();
    expect(await store.timeline.disclosures({ municipalityCodes: ['0153'] })).toEqual({ items: [] });
  });
});
