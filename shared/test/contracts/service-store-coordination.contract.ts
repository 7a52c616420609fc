import { describe, expect, it } from 'vitest';
import { T0, T1, T2, T5, T10, type ContractContext } from './service-store-contract-context.js';

/** The outbox, scheduler ticks, leases and idempotency keys, shared by two processes. */
export function coordinationContract(ctx: ContractContext): void {
  describe('outbox', () => {
    it('enqueues a message once per idempotency key, across processes', async () => {
      const [a, b] = await ctx.two();
      const first = await a.outbox.enqueue(ctx.message(1));
      const second = await b.outbox.enqueue({ ...ctx.message(1), payload: { text: 'anders', kind: 'signal-received' } });
      expect(first.created).toBe(true);
      expect(second).toEqual({ message: first.message, created: false });
      expect(await a.outbox.countByStatus()).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0, 'recipient-gone': 0 });
    });

    it('never lets two workers claim the same message', async () => {
      const [a, b] = await ctx.two();
      for (let n = 0; n < 12; n += 1) await a.outbox.enqueue(ctx.message(n));
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
      const [a, b] = await ctx.two();
      const { message: queued } = await a.outbox.enqueue(ctx.message(1));
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
      const [a, b] = await ctx.two();
      const results = await Promise.all([
        a.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-a'),
        b.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-b'),
        a.leases.claimTick('retention', '2026-03-03T02:00:00.000Z', 'proc-a'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await b.leases.claimTick('retention', '2026-03-04T02:00:00.000Z', 'proc-b')).toBe(true);
    });

    it('holds a lease for one holder until it expires or is released', async () => {
      const [a, b] = await ctx.two();
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
      const [a, b] = await ctx.two();
      const results = await Promise.all([a.leases.acquire('retention', 'proc-a', T0, T5), b.leases.acquire('retention', 'proc-b', T0, T5)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('claims an idempotency key once', async () => {
      const [a, b] = await ctx.two();
      expect(await a.idempotency.claim('activity-7', T0)).toBe(true);
      expect(await b.idempotency.claim('activity-7', T1)).toBe(false);
    });
  });
}
