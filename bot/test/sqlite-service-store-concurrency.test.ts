import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, NotFoundError, type NewOutboxMessage } from '@weerbaar/shared';
import { openSqliteServiceStore, type SqliteServiceStore } from '../src/stores/sqlite/index.js';
import { makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

const T0 = '2026-03-02T09:00:00.000Z';
const T1 = '2026-03-02T09:01:00.000Z';
const T2 = '2026-03-02T09:02:00.000Z';
const T5 = '2026-03-02T09:05:00.000Z';

function message(n: number): NewOutboxMessage {
  return {
    idempotencyKey: `signal:s-${n}:notify:mt-contact`,
    tenantId: 't-hengelo',
    municipalityCode: '0164',
    recipientObjectId: `oid-${n}`,
    conversationId: null,
    payload: { text: `Nieuw signaal ${n}`, kind: 'signal-received' },
    notBefore: T0,
  };
}

describe('SQLite service store: idempotency, versions and coordination', () => {
  let folder: string;
  let file: string;
  const masterKey = testMasterKey();
  const open: SqliteServiceStore[] = [];
  const openStore = async () => {
    const store = await openSqliteServiceStore({ file, masterKey });
    open.push(store);
    return store;
  };

  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder, 'tenant-0164.db');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    removeFolder(folder);
  });

  it('stores a redelivered signal only once and returns the first one', async () => {
    const store = await openStore();
    const signal = makeSignal();
    expect(await store.signals.create(signal, 'activity-42')).toEqual({ signal, created: true });

    const again = await store.signals.create({ ...makeSignal(), content: { description: 'dubbel', location: 'x' } }, 'activity-42');
    expect(again).toEqual({ signal, created: false });
    expect((await store.signals.list({ municipalityCodes: ['0164'] })).items).toEqual([signal]);
  });

  it('refuses an update based on an old version, and bumps the version on success', async () => {
    const store = await openStore();
    const signal = makeSignal();
    await store.signals.create(signal, 'activity-1');

    const acknowledged = await store.signals.update({ ...signal, status: 'acknowledged', acknowledgedAt: T1 }, 1);
    expect(acknowledged.version).toBe(2);
    await expect(store.signals.update({ ...signal, status: 'closed', closedAt: T2 }, 1)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.signals.get(signal.id)).toEqual(acknowledged);
    await expect(store.signals.update(makeSignal(), 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('draws distinct reference numbers per municipality and year, also from two processes', async () => {
    const [a, b] = [await openStore(), await openStore()];
    const numbers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => (n % 2 ? a : b).signals.nextReferenceNumber('0164', 2026)),
    );
    expect(numbers.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await a.signals.nextReferenceNumber('0153', 2026)).toBe(1);
    expect(await b.signals.nextReferenceNumber('0164', 2027)).toBe(1);
  });

  it('checks dialog state eTags: a stale eTag is a conflict, every write gets a fresh eTag', async () => {
    const store = await openStore();
    const first = await store.dialogState.write('conv/user', { step: 1 }, undefined);
    const second = await store.dialogState.write('conv/user', { step: 2 }, first);
    expect(second).not.toBe(first);

    await expect(store.dialogState.write('conv/user', { step: 3 }, first)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.dialogState.read(['conv/user', 'unknown'])).toEqual({ 'conv/user': { value: { step: 2 }, etag: second } });

    const forced = await store.dialogState.write('conv/user', { step: 4 }, '*');
    expect(forced).not.toBe(second);
    await store.dialogState.delete(['conv/user']);
    expect(await store.dialogState.read(['conv/user'])).toEqual({});
  });

  it('enqueues a message once per idempotency key, across processes', async () => {
    const [a, b] = [await openStore(), await openStore()];
    const first = await a.outbox.enqueue(message(1));
    const second = await b.outbox.enqueue({ ...message(1), payload: { text: 'anders', kind: 'signal-received' } });

    expect(first.created).toBe(true);
    expect(second).toEqual({ message: first.message, created: false });
    expect(await a.outbox.countByStatus()).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0, 'recipient-gone': 0 });
  });

  it('never lets two workers on one database file claim the same message', async () => {
    const [a, b] = [await openStore(), await openStore()];
    for (let n = 0; n < 12; n += 1) await a.outbox.enqueue(message(n));

    const claimedBy = new Map<string, string[]>();
    for (let round = 0; round < 5; round += 1) {
      const [byA, byB] = await Promise.all([a.outbox.claimDue(T1, 3, T5, 'worker-a'), b.outbox.claimDue(T1, 3, T5, 'worker-b')]);
      for (const [worker, claimed] of [['worker-a', byA], ['worker-b', byB]] as const) {
        for (const m of claimed) claimedBy.set(m.id, [...(claimedBy.get(m.id) ?? []), worker]);
      }
    }

    expect(claimedBy.size).toBe(12);
    expect([...claimedBy.values()].every((workers) => workers.length === 1)).toBe(true);
    expect(new Set([...claimedBy.values()].flat())).toEqual(new Set(['worker-a', 'worker-b']));
    expect((await a.outbox.countByStatus()).sending).toBe(12);
  });

  it('lets a worker record an attempt only while it holds the claim', async () => {
    const [a, b] = [await openStore(), await openStore()];
    const { message: queued } = await a.outbox.enqueue(message(1));
    await a.outbox.claimDue(T1, 10, T2, 'worker-a');

    // worker-a hangs past its claim; worker-b takes the message over.
    const [takenOver] = await b.outbox.claimDue(T5, 10, '2026-03-02T09:10:00.000Z', 'worker-b');
    expect(takenOver?.id).toBe(queued.id);

    await a.outbox.recordAttempt(queued.id, 'worker-a', { kind: 'failed', transient: true, status: 503 }, {
      status: 'pending', nextAttemptAt: '2026-03-02T09:30:00.000Z', finishedAt: null,
    });
    expect((await a.outbox.get(queued.id))?.status).toBe('sending');

    await b.outbox.recordAttempt(queued.id, 'worker-b', { kind: 'sent', activityId: 'act-1' }, {
      status: 'sent', nextAttemptAt: T5, finishedAt: T5,
    });
    expect(await a.outbox.get(queued.id)).toMatchObject({ status: 'sent', attempts: 1, lastOutcome: 'sent', finishedAt: T5 });
  });

  it('gives a scheduler tick to exactly one of two processes', async () => {
    const [a, b] = [await openStore(), await openStore()];
    const results = await Promise.all([
      a.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-a'),
      b.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-b'),
      a.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-a'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await b.leases.claimTick('retention', '2026-03-04T02:00:00.000Z', 'proc-b')).toBe(true);
  });

  it('holds a lease for one holder until it expires or is released', async () => {
    const [a, b] = [await openStore(), await openStore()];
    expect(await a.leases.acquire('outbox', 'proc-a', T0, T2)).toBe(true);
    expect(await b.leases.acquire('outbox', 'proc-b', T1, T5)).toBe(false);
    expect(await a.leases.acquire('outbox', 'proc-a', T1, T5)).toBe(true); // renewal by the holder

    await b.leases.release('outbox', 'proc-b'); // not the holder: no effect
    expect(await b.leases.acquire('outbox', 'proc-b', T2, T5)).toBe(false);
    expect(await b.leases.acquire('outbox', 'proc-b', T5, '2026-03-02T09:10:00.000Z')).toBe(true); // expired

    await b.leases.release('outbox', 'proc-b');
    expect(await a.leases.acquire('outbox', 'proc-a', T5, '2026-03-02T09:10:00.000Z')).toBe(true);
  });

  it('claims an idempotency key once', async () => {
    const [a, b] = [await openStore(), await openStore()];
    expect(await a.idempotency.claim('activity-7', T0)).toBe(true);
    expect(await b.idempotency.claim('activity-7', T1)).toBe(false);
  });
});
