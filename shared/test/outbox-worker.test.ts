import { describe, it, expect } from 'vitest';
import {
  OutboxNotifier,
  OutboxWorker,
  defaultRetryPolicy,
  nextAttemptDelay,
  recipientScopedKey,
  type OutboxLogger,
} from '../src/services/outbox-worker.js';
import type { MessageTransport } from '../src/ports/runtime.js';
import type { DeliveryOutcome, OutgoingMessage } from '../src/ports/service-store.js';
import { InMemoryOutbox } from './fakes/in-memory-outbox.js';

const tenantId = 'tenant-hengelo';
const start = new Date('2026-03-02T09:00:00.000Z');

class FakeClock {
  private ms = start.getTime();
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(at: string | Date): void {
    this.ms = new Date(at).getTime();
  }
}

interface SentCall {
  recipient: string;
  conversationId: string | null;
  text: string;
  at: number;
}

/** Answers with a scripted outcome per call (the last one repeats) and records every call. */
class ScriptedTransport implements MessageTransport {
  readonly calls: SentCall[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly script: (call: number, recipient: string) => DeliveryOutcome = () => ({ kind: 'sent' }),
  ) {}
  async send(_tenant: string, recipient: string, conversationId: string | null, message: OutgoingMessage) {
    this.calls.push({ recipient, conversationId, text: message.text, at: this.clock.now().getTime() });
    return this.script(this.calls.length, recipient);
  }
}

function setup(options: {
  script?: (call: number, recipient: string) => DeliveryOutcome;
  random?: () => number;
  resolveConversation?: (tenant: string, recipient: string) => Promise<string | null>;
  claimMs?: number;
  batchSize?: number;
} = {}) {
  const clock = new FakeClock();
  const outbox = new InMemoryOutbox(() => clock.now());
  const transport = new ScriptedTransport(clock, options.script);
  const sleeps: number[] = [];
  const logLines: string[] = [];
  const record = (details: Record<string, unknown>, message: string) => {
    logLines.push(`${message} ${JSON.stringify(details)}`);
  };
  const logger: OutboxLogger = { debug: record, info: record, warn: record };
  const worker = new OutboxWorker({
    outbox,
    transport,
    clock,
    workerId: 'worker-a',
    random: options.random ?? (() => 0.5),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    resolveConversation: options.resolveConversation,
    claimMs: options.claimMs,
    claimSafetyMs: options.claimMs === undefined ? undefined : 1_000,
    batchSize: options.batchSize,
    logger,
  });
  const notifier = new OutboxNotifier(outbox, clock);
  return { clock, outbox, transport, worker, notifier, sleeps, logLines };
}

async function queue(notifier: OutboxNotifier, recipient: string, purpose: string, notBefore?: Date) {
  return notifier.notify({
    idempotencyKey: purpose,
    tenantId,
    municipalityCode: '0164',
    recipientObjectId: recipient,
    message: { kind: 'signal-assigned', text: `Vertrouwelijk: melding voor ${recipient}` },
    notBefore,
  });
}

async function onlyMessage(outbox: InMemoryOutbox) {
  const message = await outbox.get('msg-0001');
  if (message === undefined) throw new Error('no message queued');
  return message;
}

describe('OutboxNotifier', () => {
  it('queues a notification once per recipient and purpose', async () => {
    const { notifier, outbox } = setup();
    expect(await queue(notifier, 'obj-1', 'signal:s1:notify')).toEqual({ queued: true });
    expect(await queue(notifier, 'obj-1', 'signal:s1:notify')).toEqual({ queued: false });
    expect(await queue(notifier, 'obj-1', 'signal:s1:notify:obj-1')).toEqual({ queued: false });
    expect(await queue(notifier, 'obj-2', 'signal:s1:notify')).toEqual({ queued: true });
    expect((await outbox.countByStatus()).pending).toBe(2);
  });

  it('scopes keys to the recipient without doubling an existing suffix', () => {
    expect(recipientScopedKey('signal:s1:notify', 'obj-1')).toBe('signal:s1:notify:obj-1');
    expect(recipientScopedKey('signal:s1:notify:obj-1', 'obj-1')).toBe('signal:s1:notify:obj-1');
  });

  it('holds a message back until notBefore (quiet hours)', async () => {
    const { notifier, worker, transport, clock } = setup();
    await queue(notifier, 'obj-1', 'nudge:n1', new Date(start.getTime() + 3_600_000));
    expect((await worker.runOnce()).sent).toBe(0);
    clock.advance(3_600_000);
    expect((await worker.runOnce()).sent).toBe(1);
    expect(transport.calls).toHaveLength(1);
  });
});

describe('OutboxWorker outcomes', () => {
  it('delivers a due message once and marks it sent', async () => {
    const { notifier, worker, transport, outbox } = setup();
    await queue(notifier, 'obj-1', 'signal:s1:notify');
    expect(await worker.runOnce()).toMatchObject({ sent: 1, retried: 0 });
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    expect(transport.calls).toHaveLength(1);
    const message = await onlyMessage(outbox);
    expect(message).toMatchObject({ status: 'sent', attempts: 1, lastOutcome: 'sent', finishedAt: start.toISOString() });
  });

  it('retries a 429 exactly after Retry-After, not before', async () => {
    const { notifier, worker, transport, outbox, clock } = setup({
      script: (call) => (call === 1 ? { kind: 'throttled', retryAfterMs: 7_000 } : { kind: 'sent' }),
    });
    await queue(notifier, 'obj-1', 'signal:s1:notify');
    expect(await worker.runOnce()).toMatchObject({ throttled: 1, retried: 1, sent: 0 });
    const throttled = await onlyMessage(outbox);
    expect(throttled).toMatchObject({ status: 'pending', lastOutcome: 'throttled', finishedAt: null });
    expect(throttled.nextAttemptAt).toBe(new Date(start.getTime() + 7_000).toISOString());

    clock.advance(6_999);
    expect((await worker.runOnce()).sent).toBe(0);
    clock.advance(1);
    expect((await worker.runOnce()).sent).toBe(1);
    expect(transport.calls).toHaveLength(2);
  });

  it('backs off after a transient failure with full jitter inside the exponential ceiling', async () => {
    for (const random of [0, 0.25, 0.999999]) {
      const { notifier, worker, transport, outbox, clock } = setup({
        script: () => ({ kind: 'failed', transient: true, status: 503 }),
        random: () => random,
      });
      await queue(notifier, 'obj-1', 'signal:s1:notify');
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        expect(await worker.runOnce()).toMatchObject({ retried: 1 });
        const message = await onlyMessage(outbox);
        const failedAt = transport.calls.at(-1)?.at ?? Number.NaN;
        const delay = Date.parse(message.nextAttemptAt) - failedAt;
        const ceiling = Math.min(defaultRetryPolicy.maxDelayMs, defaultRetryPolicy.baseDelayMs * 2 ** (attempt - 1));
        expect(delay).toBe(Math.floor(random * ceiling));
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
        clock.set(message.nextAttemptAt);
      }
    }
  });

  it('gives up as failed after the bounded number of attempts', async () => {
    const { notifier, worker, transport, outbox, clock } = setup({
      script: () => ({ kind: 'failed', transient: true, status: 502 }),
    });
    await queue(notifier, 'obj-1', 'signal:s1:notify');
    for (let run = 0; run < 20; run += 1) {
      await worker.runOnce();
      clock.advance(defaultRetryPolicy.maxDelayMs);
    }
    expect(transport.calls).toHaveLength(defaultRetryPolicy.maxAttempts);
    expect(await onlyMessage(outbox)).toMatchObject({ status: 'failed', attempts: 8, lastOutcome: 'failed' });
  });

  it('lets throttling run past maxAttempts but not forever', async () => {
    const { notifier, worker, transport, outbox, clock } = setup({
      script: () => ({ kind: 'throttled', retryAfterMs: 2_000 }),
    });
    await queue(notifier, 'obj-1', 'signal:s1:notify');
    for (let run = 0; run < 40; run += 1) {
      await worker.runOnce();
      clock.advance(2_000);
    }
    const limit = defaultRetryPolicy.maxAttempts + defaultRetryPolicy.maxThrottles;
    expect(transport.calls).toHaveLength(limit);
    expect(await onlyMessage(outbox)).toMatchObject({ status: 'failed', attempts: limit, lastOutcome: 'throttled' });
  });

  it.each([
    { outcome: { kind: 'recipient-gone', status: 403 }, status: 'recipient-gone', counted: 'recipientGone' },
    { outcome: { kind: 'recipient-gone', status: 404 }, status: 'recipient-gone', counted: 'recipientGone' },
    { outcome: { kind: 'failed', transient: false, status: 400 }, status: 'failed', counted: 'failed' },
    { outcome: { kind: 'failed', transient: false, status: 401 }, status: 'failed', counted: 'failed' },
  ] as const)('ends the message without retry on $outcome.kind $outcome.status', async ({ outcome, status, counted }) => {
    const { notifier, worker, transport, outbox, clock } = setup({ script: () => outcome });
    await queue(notifier, 'obj-1', 'signal:s1:notify');
    expect((await worker.runOnce())[counted]).toBe(1);
    clock.advance(defaultRetryPolicy.maxDelayMs);
    await worker.runOnce();
    expect(transport.calls).toHaveLength(1);
    expect(await onlyMessage(outbox)).toMatchObject({ status, attempts: 1, finishedAt: start.toISOString() });
  });

  it('treats a transport that throws as a transient failure', async () => {
    const { notifier, worker, outbox } = setup({
      script: () => {
        throw new Error('socket hang up');
      },
    });
    await queue(notifier, 'obj-1', 'signal:s1:notify');
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect(await onlyMessage(outbox)).toMatchObject({ status: 'pending', lastOutcome: 'failed', attempts: 1 });
  });

  it('never logs message text or the recipient', async () => {
    const { notifier, worker, logLines } = setup({
      script: (call) => (call === 1 ? { kind: 'failed', transient: false, status: 400 } : { kind: 'sent' }),
    });
    await queue(notifier, 'obj-secret', 'signal:s1:notify');
    await queue(notifier, 'obj-other', 'signal:s2:notify');
    await worker.runOnce();
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(line).not.toContain('Vertrouwelijk');
      expect(line).not.toContain('obj-secret');
    }
  });
});

describe('OutboxWorker pacing', () => {
  it('sends at most one message per second into one conversation, others in between', async () => {
    const { notifier, worker, transport } = setup({
      resolveConversation: async (_tenant, recipient) => (recipient === 'obj-1' ? 'conv-1' : null),
    });
    for (const purpose of ['a', 'b', 'c']) await queue(notifier, 'obj-1', purpose);
    await queue(notifier, 'obj-2', 'd');
    expect((await worker.runOnce()).sent).toBe(4);

    const toConv1 = transport.calls.filter((call) => call.conversationId === 'conv-1').map((call) => call.at - start.getTime());
    expect(toConv1).toEqual([0, 1_000, 2_000]);
    const other = transport.calls.find((call) => call.recipient === 'obj-2');
    expect(other?.conversationId).toBeNull();
    // The second conversation does not wait behind the first one's pacing.
    expect((other?.at ?? Infinity) - start.getTime()).toBeLessThan(1_000);
  });

  it('keeps the tenant below 30 messages in any one second', async () => {
    const { notifier, worker, transport } = setup({ batchSize: 90 });
    for (let index = 0; index < 90; index += 1) await queue(notifier, `obj-${index}`, 'nudge:n1');
    expect((await worker.runOnce()).sent).toBe(90);
    const times = transport.calls.map((call) => call.at);
    for (const [index, at] of times.entries()) {
      const inWindow = times.slice(index).filter((other) => other < at + 1_000);
      expect(inWindow.length).toBeLessThanOrEqual(30);
    }
    // Paced, not serialised per second: 90 messages take about 3 s, not 90 s.
    expect((times.at(-1) ?? 0) - start.getTime()).toBeLessThan(3_100);
  });

  it('holds a throttled conversation for Retry-After and leaves what no longer fits the claim', async () => {
    const { notifier, worker, transport, outbox, clock } = setup({
      claimMs: 10_000,
      script: (call) => (call === 1 ? { kind: 'throttled', retryAfterMs: 30_000 } : { kind: 'sent' }),
      resolveConversation: async () => 'conv-1',
    });
    for (const purpose of ['a', 'b']) await queue(notifier, 'obj-1', purpose);
    expect(await worker.runOnce()).toMatchObject({ throttled: 1, deferred: 1, sent: 0 });
    expect(transport.calls).toHaveLength(1);
    expect((await outbox.countByStatus()).sending).toBe(1);

    clock.advance(30_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    expect(transport.calls).toHaveLength(3);
  });
});

describe('nextAttemptDelay', () => {
  it.each([
    { attempt: 1, random: 0.5, expected: 1_000 },
    { attempt: 2, random: 0.5, expected: 2_000 },
    { attempt: 5, random: 0.5, expected: 16_000 },
    { attempt: 9, random: 0.5, expected: 256_000 },
    { attempt: 10, random: 0.5, expected: 300_000 },
    { attempt: 60, random: 0.5, expected: 300_000 },
    { attempt: 3, random: 0, expected: 0 },
    { attempt: 3, random: 1, expected: 7_999 },
  ])('attempt $attempt with random $random waits $expected ms', ({ attempt, random, expected }) => {
    expect(nextAttemptDelay(attempt, () => random)).toBe(expected);
  });
});
