import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, NotFoundError } from '../../src/domain/errors.js';
import type { Signal } from '../../src/domain/signal.js';
import type { NewOutboxMessage, ServiceStore } from '../../src/ports/service-store.js';
import { makeSignal as signalFixture } from '../signal-fixture.js';

export interface ServiceStoreFixture {
  /**
   * Opens the store under test. Every call opens its own connection(s) to the same data,
   * as a second service process would, so two opened stores model two processes.
   */
  open(): Promise<ServiceStore>;
  /** Changes or removes an audit row directly in the database, bypassing the store. */
  tamperWithAudit(statement: 'update' | 'delete', auditId: string): Promise<void>;
  /** For each needle: where in the raw storage (files, tables, columns) it occurs as UTF-8 bytes. */
  rawStorageContaining(needles: readonly string[]): Promise<string[][]>;
  /**
   * Whether two opened stores may run multi-statement transactions at the same moment
   * inside ONE process. SQLite cannot (its lock wait blocks the event loop the other
   * transaction needs), so there the race is run one after the other.
   */
  concurrentTransactionsInOneProcess: boolean;
  cleanup(): Promise<void>;
}

const T0 = '2026-03-02T09:00:00.000Z';
const T1 = '2026-03-02T09:01:00.000Z';
const T2 = '2026-03-02T09:02:00.000Z';
const T5 = '2026-03-02T09:05:00.000Z';
const T10 = '2026-03-02T09:10:00.000Z';

/**
 * The service-store contract every adapter (SQLite, PostgreSQL) must meet: idempotent
 * intake, optimistic versions, shredding with tombstones, dialog-state eTags, an outbox
 * whose claims never overlap, scheduler ticks and leases that hold across processes, an
 * append-only audit trail, and nothing confidential in plaintext at rest.
 */
export function describeServiceStoreContract(name: string, makeFixture: () => Promise<ServiceStoreFixture>): void {
  describe(`ServiceStore contract: ${name}`, () => {
    let fixture: ServiceStoreFixture;
    const opened: ServiceStore[] = [];
    const open = async () => {
      const store = await fixture.open();
      opened.push(store);
      return store;
    };
    const two = async () => [await open(), await open()] as const;
    let serial = 0;
    const runTag = Math.random().toString(36).slice(2, 8);
    const makeSignal = (overrides: Partial<Signal> = {}): Signal => {
      serial += 1;
      return signalFixture({ id: `sig-${runTag}-${serial}`, reference: `HGL-2026-${runTag}-${serial}`, version: 1, ...overrides });
    };
    const message = (n: number): NewOutboxMessage => ({
      idempotencyKey: `signal:s-${n}:notify:mt-contact`,
      tenantId: 't-hengelo',
      municipalityCode: '0164',
      recipientObjectId: `oid-${n}`,
      conversationId: null,
      payload: { text: `Nieuw signaal ${n}`, kind: 'signal-received' },
      notBefore: T0,
    });

    beforeEach(async () => {
      fixture = await makeFixture();
    });
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await fixture.cleanup();
    });

    describe('signals', () => {
      it('stores a redelivered signal only once and returns the first one', async () => {
        const store = await open();
        const signal = makeSignal();
        expect(await store.signals.create(signal, 'activity-42')).toEqual({ signal, created: true });
        const again = await store.signals.create({ ...makeSignal(), content: { description: 'dubbel', location: 'x' } }, 'activity-42');
        expect(again).toEqual({ signal, created: false });
        expect((await store.signals.list({ municipalityCodes: ['0164'] })).items).toEqual([signal]);
      });

      it('stores one signal when two processes receive the same activity at once', async () => {
        const [a, b] = await two();
        const first = makeSignal();
        const second = makeSignal();
        const results = fixture.concurrentTransactionsInOneProcess
          ? await Promise.all([a.signals.create(first, 'activity-race'), b.signals.create(second, 'activity-race')])
          : [await a.signals.create(first, 'activity-race'), await b.signals.create(second, 'activity-race')];
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)?.signal;
        expect(results.map((r) => r.signal)).toEqual([winner, winner]);
        expect((await a.signals.list({ municipalityCodes: ['0164'] })).items).toEqual([winner]);
      });

      it('refuses an update based on an old version, and bumps the version on success', async () => {
        const store = await open();
        const signal = makeSignal();
        await store.signals.create(signal, 'activity-1');
        const acknowledged = await store.signals.update({ ...signal, status: 'acknowledged', acknowledgedAt: T1 }, 1);
        expect(acknowledged.version).toBe(2);
        await expect(store.signals.update({ ...signal, status: 'closed', closedAt: T2 }, 1)).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.signals.get(signal.id)).toEqual(acknowledged);
        await expect(store.signals.update(makeSignal(), 1)).rejects.toBeInstanceOf(NotFoundError);
      });

      it('lets exactly one of two processes update the same version', async () => {
        const [a, b] = await two();
        const signal = makeSignal();
        await a.signals.create(signal, 'activity-1');
        const outcomes = await Promise.allSettled([
          a.signals.update({ ...signal, status: 'acknowledged', acknowledgedAt: T1 }, 1),
          b.signals.update({ ...signal, assignedTo: 'oid-behandelaar' }, 1),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConcurrencyError);
        expect((await a.signals.get(signal.id))?.version).toBe(2);
      });

      it('draws distinct reference numbers per municipality and year, also from two processes', async () => {
        const [a, b] = await two();
        const numbers = await Promise.all(Array.from({ length: 10 }, (_, n) => (n % 2 ? a : b).signals.nextReferenceNumber('0164', 2026)));
        expect(numbers.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await a.signals.nextReferenceNumber('0153', 2026)).toBe(1);
        expect(await b.signals.nextReferenceNumber('0164', 2027)).toBe(1);
      });

      it('lists signals newest first, page by page, only for the municipalities asked for', async () => {
        const store = await open();
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

      it('shreds a signal: gone from the store, a tombstone remains, other signals stay', async () => {
        const store = await open();
        const shredded = makeSignal({ closedAt: '2026-03-10T12:00:00.000Z', status: 'closed', outcome: 'doorgezet-naar-politie' });
        const kept = makeSignal();
        await store.signals.create(shredded, 'activity-shred');
        await store.signals.create(kept, 'activity-keep');

        const tombstone = await store.signals.shred(shredded.id, '2027-03-10T00:00:00.000Z');
        expect(tombstone).toEqual({
          id: shredded.id,
          reference: shredded.reference,
          municipalityCode: '0164',
          category: shredded.category,
          receivedAt: shredded.receivedAt,
          acknowledgedAt: null,
          closedAt: '2026-03-10T12:00:00.000Z',
          outcome: 'doorgezet-naar-politie',
          deletedAt: '2027-03-10T00:00:00.000Z',
        });
        expect(await store.signals.get(shredded.id)).toBeUndefined();
        expect(await store.signals.tombstones(['0164'])).toEqual([tombstone]);
        expect(await store.signals.get(kept.id)).toEqual(kept);
        await expect(store.signals.update(shredded, 1)).rejects.toBeInstanceOf(NotFoundError);
      });

      it('shreds once: a repeat returns the same tombstone, an unknown id is NotFound, a late redelivery does not bring it back', async () => {
        const store = await open();
        const signal = makeSignal();
        await store.signals.create(signal, 'activity-1');
        const tombstone = await store.signals.shred(signal.id, '2027-03-02T00:00:00.000Z');
        expect(await store.signals.shred(signal.id, '2027-04-01T00:00:00.000Z')).toEqual(tombstone);
        await expect(store.signals.shred('bestaat-niet', '2027-03-02T00:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.signals.create(makeSignal(), 'activity-1')).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe('dialog state and conversations', () => {
      it('checks dialog state eTags: a stale eTag is a conflict, every write gets a fresh eTag', async () => {
        const store = await open();
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

      it('lets one of two processes win a write with the same eTag', async () => {
        const [a, b] = await two();
        const etag = await a.dialogState.write('conv/user', { step: 1 }, undefined);
        const outcomes = await Promise.allSettled([
          a.dialogState.write('conv/user', { step: 'a' }, etag),
          b.dialogState.write('conv/user', { step: 'b' }, etag),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConcurrencyError);
      });

      it('keeps conversation references per tenant and user, replacing on save', async () => {
        const store = await open();
        await store.conversations.save('t-1', 'user-1', { conversation: { id: 'a' } }, T0);
        await store.conversations.save('t-1', 'user-1', { conversation: { id: 'b' } }, T5);
        expect(await store.conversations.get('t-1', 'user-1')).toEqual({ conversation: { id: 'b' } });
        expect(await store.conversations.get('t-2', 'user-1')).toBeUndefined();
        await store.conversations.delete('t-1', 'user-1');
        expect(await store.conversations.get('t-1', 'user-1')).toBeUndefined();
      });
    });

    describe('audit trail', () => {
      it('lists audit events newest first, per record, and pages backwards with `before`', async () => {
        const store = await open();
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

      it('keeps the audit trail append-only in the database itself: UPDATE and DELETE are refused', async () => {
        const store = await open();
        const event = {
          id: 'audit-1', at: T0, actor: 'oid-mt', action: 'signal.read',
          recordType: 'signal', recordId: 'sig-1', municipalityCode: '0164', detail: 'opvolging',
        };
        await store.audit.record(event);
        await expect(fixture.tamperWithAudit('update', 'audit-1')).rejects.toThrow(/append-only/);
        await expect(fixture.tamperWithAudit('delete', 'audit-1')).rejects.toThrow(/append-only/);
        expect(await store.audit.list({ municipalityCodes: ['0164'] })).toEqual([event]);
      });
    });

    describe('outbox', () => {
      it('enqueues a message once per idempotency key, across processes', async () => {
        const [a, b] = await two();
        const first = await a.outbox.enqueue(message(1));
        const second = await b.outbox.enqueue({ ...message(1), payload: { text: 'anders', kind: 'signal-received' } });
        expect(first.created).toBe(true);
        expect(second).toEqual({ message: first.message, created: false });
        expect(await a.outbox.countByStatus()).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0, 'recipient-gone': 0 });
      });

      it('never lets two workers claim the same message', async () => {
        const [a, b] = await two();
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
        const [a, b] = await two();
        const { message: queued } = await a.outbox.enqueue(message(1));
        await a.outbox.claimDue(T1, 10, T2, 'worker-a');
        // worker-a hangs past its claim; worker-b takes the message over.
        const [takenOver] = await b.outbox.claimDue(T5, 10, T10, 'worker-b');
        expect(takenOver?.id).toBe(queued.id);
        await a.outbox.recordAttempt(queued.id, 'worker-a', { kind: 'failed', transient: true, status: 503 }, {
          status: 'pending', nextAttemptAt: '2026-03-02T09:30:00.000Z', finishedAt: null,
        });
        expect((await a.outbox.get(queued.id))?.status).toBe('sending');
        await b.outbox.recordAttempt(queued.id, 'worker-b', { kind: 'sent', activityId: 'act-1' }, { status: 'sent', nextAttemptAt: T5, finishedAt: T5 });
        expect(await a.outbox.get(queued.id)).toMatchObject({ status: 'sent', attempts: 1, lastOutcome: 'sent', finishedAt: T5 });
      });
    });

    describe('coordination between processes', () => {
      it('gives a scheduler tick to exactly one of two processes', async () => {
        const [a, b] = await two();
        const results = await Promise.all([
          a.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-a'),
          b.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-b'),
          a.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-a'),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await b.leases.claimTick('retention', '2026-03-04T02:00:00.000Z', 'proc-b')).toBe(true);
      });

      it('holds a lease for one holder until it expires or is released', async () => {
        const [a, b] = await two();
        expect(await a.leases.acquire('outbox', 'proc-a', T0, T2)).toBe(true);
        expect(await b.leases.acquire('outbox', 'proc-b', T1, T5)).toBe(false);
        expect(await a.leases.acquire('outbox', 'proc-a', T1, T5)).toBe(true); // renewal by the holder
        await b.leases.release('outbox', 'proc-b'); // not the holder: no effect
        expect(await b.leases.acquire('outbox', 'proc-b', T2, T5)).toBe(false);
        expect(await b.leases.acquire('outbox', 'proc-b', T5, T10)).toBe(true); // expired
        await b.leases.release('outbox', 'proc-b');
        expect(await a.leases.acquire('outbox', 'proc-a', T5, T10)).toBe(true);
      });

      it('gives an expired lease to exactly one of two processes trying at once', async () => {
        const [a, b] = await two();
        const results = await Promise.all([a.leases.acquire('retention', 'proc-a', T0, T5), b.leases.acquire('retention', 'proc-b', T0, T5)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('claims an idempotency key once', async () => {
        const [a, b] = await two();
        expect(await a.idempotency.claim('activity-7', T0)).toBe(true);
        expect(await b.idempotency.claim('activity-7', T1)).toBe(false);
      });
    });

    describe('at rest', () => {
      it('keeps everything across a restart', async () => {
        const signal = makeSignal();
        const first = await fixture.open();
        await first.signals.create(signal, 'activity-1');
        const queued = await first.outbox.enqueue(message(1));
        const etag = await first.dialogState.write('conv-1/user-1', { step: 'category', draft: { category: 'drugs' } }, undefined);
        await first.conversations.save('t-hengelo', 'user-1', { conversation: { id: 'conv-1' } }, T0);
        expect(await first.leases.acquire('retention', 'proc-1', T0, T5)).toBe(true);
        await first.close();

        const second = await open();
        expect(await second.signals.get(signal.id)).toEqual(signal);
        expect((await second.outbox.get(queued.message.id))?.payload.text).toBe('Nieuw signaal 1');
        expect(await second.dialogState.read(['conv-1/user-1'])).toEqual({
          'conv-1/user-1': { value: { step: 'category', draft: { category: 'drugs' } }, etag },
        });
        expect(await second.conversations.get('t-hengelo', 'user-1')).toEqual({ conversation: { id: 'conv-1' } });
        expect(await second.leases.acquire('retention', 'proc-2', T1, T5)).toBe(false);
      });

      it('never stores a description, the people involved, the reporter or dialog text in plaintext (canary)', async () => {
        const canary = (what: string) => `kanarie-${what}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
        const [description, involved, reporterName, draft, outgoing] = ['omschrijving', 'betrokkenen', 'melder', 'concept', 'bericht'].map(canary);
        const base = makeSignal();
        const signal = makeSignal({
          content: { ...base.content, description: `Contante betalingen: ${description}`, involved },
          reporter: { objectId: 'oid-melder', upn: 'melder@hengelo.example', displayName: reporterName! },
        });
        const store = await open();
        await store.signals.create(signal, 'activity-canary');
        await store.signals.update({ ...signal, status: 'acknowledged', acknowledgedAt: T1 }, 1);
        await store.dialogState.write('conv/user', { draft }, undefined);
        await store.outbox.enqueue({ ...message(1), payload: { text: outgoing!, kind: 'signal-received' } });

        const [reference, ...secrets] = await fixture.rawStorageContaining([signal.reference, description!, involved!, reporterName!, draft!, outgoing!]);
        // The scan does see what is stored in the clear.
        expect(reference).not.toEqual([]);
        expect(secrets).toEqual([[], [], [], [], []]);
      });
    });
  });
}
