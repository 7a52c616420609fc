import { describe, expect, it } from 'vitest';
import type { DeliveryOutcome, OutboxMessage } from '../src/ports/service-store.js';
import { OutboxWorker } from '../src/services/outbox-worker.js';
import { InMemoryOutbox } from './fakes/in-memory-outbox.js';

const start = new Date('2026-03-02T09:00:00.000Z');

function setup(outcome: DeliveryOutcome, hook: (message: OutboxMessage, outcome: DeliveryOutcome, status: string) => Promise<void>) {
  let now = start.getTime();
  const clock = { now: () => new Date(now) };
  const outbox = new InMemoryOutbox(() => clock.now());
  const worker = new OutboxWorker({
    outbox,
    transport: { send: async () => outcome },
    clock,
    workerId: 'worker-a',
    random: () => 0.5,
    sleep: async (ms) => void (now += ms),
    onFinalOutcome: hook,
  });
  const enqueue = () =>
    outbox.enqueue({
      idempotencyKey: 'signal:s1:new:oid-contact',
      tenantId: 't',
      municipalityCode: '0164',
      recipientObjectId: 'oid-contact',
      conversationId: null,
      payload: { text: 'x', kind: 'signal.new' },
      notBefore: start.toISOString(),
    });
  return { worker, outbox, enqueue, advance: (ms: number) => void (now += ms) };
}

describe('OutboxWorker: the final-outcome hook', () => {
  it('is called once, with the status, when a message is given up as recipient-gone', async () => {
    const calls: string[] = [];
    const { worker, enqueue, outbox } = setup({ kind: 'recipient-gone', status: 404 }, async (message, _outcome, status) => void calls.push(`${message.recipientObjectId}:${status}`));
    const { message } = await enqueue();
    expect(await worker.runOnce()).toMatchObject({ recipientGone: 1 });
    expect(calls).toEqual(['oid-contact:recipient-gone']);
    expect((await outbox.get(message.id))?.status).toBe('recipient-gone');
  });

  it('is not called for a delivered message or one that will be retried', async () => {
    for (const outcome of [{ kind: 'sent' }, { kind: 'failed', transient: true, status: 503 }] as DeliveryOutcome[]) {
      const calls: string[] = [];
      const { worker, enqueue } = setup(outcome, async () => void calls.push('called'));
      await enqueue();
      await worker.runOnce();
      expect(calls).toEqual([]);
    }
  });

  it('leaves the message unrecorded when the hook fails, so a later run gives it up again (and calls the hook again)', async () => {
    let failures = 1;
    const calls: string[] = [];
    const { worker, enqueue, outbox, advance } = setup({ kind: 'recipient-gone', status: 403 }, async () => {
      calls.push('called');
      if (failures-- > 0) throw new Error('database briefly unavailable');
    });
    const { message } = await enqueue();
    await worker.runOnce();
    expect((await outbox.get(message.id))?.status).toBe('sending');
    advance(10 * 60_000); // the claim lapses
    await worker.runOnce();
    expect(calls).toEqual(['called', 'called']);
    expect((await outbox.get(message.id))?.status).toBe('recipient-gone');
  });
});
