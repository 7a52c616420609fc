import { describe, expect, it } from 'vitest';
import { ConcurrencyError, NotFoundError } from '../../src/domain/errors.js';
import type { Signal } from '../../src/domain/signal.js';
import { T1, T2, type ContractContext } from './service-store-contract-context.js';

/** Signals: idempotent intake, optimistic versions, reference numbers, paging, shredding. */
export function signalsContract(ctx: ContractContext): void {
  describe('signals', () => {
    it('stores a redelivered signal only once and returns the first one', async () => {
      const store = await ctx.open();
      const signal = ctx.makeSignal();
      expect(await store.signals.create(signal, 'activity-42')).toEqual({ signal, created: true });
      const again = await store.signals.create({ ...ctx.makeSignal(), content: { description: 'dubbel', location: 'x' } }, 'activity-42');
      expect(again).toEqual({ signal, created: false });
      expect((await store.signals.list({ municipalityCodes: ['0164'] })).items).toEqual([signal]);
    });

    it('stores one signal when two processes receive the same activity at once', async () => {
      const [a, b] = await ctx.two();
      const first = ctx.makeSignal();
      const second = ctx.makeSignal();
      const results = ctx.fixture().concurrentTransactionsInOneProcess
        ? await Promise.all([a.signals.create(first, 'activity-race'), b.signals.create(second, 'activity-race')])
        : [await a.signals.create(first, 'activity-race'), await b.signals.create(second, 'activity-race')];
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)?.signal;
      expect(results.map((r) => r.signal)).toEqual([winner, winner]);
      expect((await a.signals.list({ municipalityCodes: ['0164'] })).items).toEqual([winner]);
    });

    it('refuses an update based on an old version, and bumps the version on success', async () => {
      const store = await ctx.open();
      const signal = ctx.makeSignal();
      await store.signals.create(signal, 'activity-1');
      const acknowledged = await store.signals.update({ ...signal, status: 'acknowledged', acknowledgedAt: T1 }, 1);
      expect(acknowledged.version).toBe(2);
      await expect(store.signals.update({ ...signal, status: 'closed', closedAt: T2 }, 1)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.signals.get(signal.id)).toEqual(acknowledged);
      await expect(store.signals.update(ctx.makeSignal(), 1)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lets exactly one of two processes update the same version', async () => {
      const [a, b] = await ctx.two();
      const signal = ctx.makeSignal();
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
      const [a, b] = await ctx.two();
      const numbers = await Promise.all(Array.from({ length: 10 }, (_, n) => (n % 2 ? a : b).signals.nextReferenceNumber('0164', 2026)));
      expect(numbers.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await a.signals.nextReferenceNumber('0153', 2026)).toBe(1);
      expect(await b.signals.nextReferenceNumber('0164', 2027)).toBe(1);
    });

    it('lists signals newest first, page by page, only for the municipalities asked for', async () => {
      const store = await ctx.open();
      const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;
      const dinkelland: Signal[] = [];
      for (let n = 1; n <= 5; n += 1) {
        const signal = ctx.makeSignal({ municipalityCode: '1774', receivedAt: day(n), category: n % 2 ? 'drugs' : 'vastgoed' });
        dinkelland.push(signal);
        await store.signals.create(signal, `activity-${n}`);
      }
      await store.signals.create(ctx.makeSignal({ municipalityCode: '1735', receivedAt: day(9) }), 'activity-tubbergen');

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
      const store = await ctx.open();
      const shredded = ctx.makeSignal({ closedAt: '2026-03-10T12:00:00.000Z', status: 'closed', outcome: 'doorgezet-naar-politie' });
      const kept = ctx.makeSignal();
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
      const store = await ctx.open();
      const signal = ctx.makeSignal();
      await store.signals.create(signal, 'activity-1');
      const tombstone = await store.signals.shred(signal.id, '2027-03-02T00:00:00.000Z');
      expect(await store.signals.shred(signal.id, '2027-04-01T00:00:00.000Z')).toEqual(tombstone);
      await expect(store.signals.shred('bestaat-niet', '2027-03-02T00:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.signals.create(ctx.makeSignal(), 'activity-1')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
