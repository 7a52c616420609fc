import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import {
  OutboxNotifier,
  OutboxWorker,
  type DeliveryOutcome,
  type MessageTransport,
  type OutgoingMessage,
  type ServiceStore,
} from '@weerbaar/shared';
import { startOutboxLoop } from '../src/jobs/outbox-job.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';

const masterKey = randomBytes(32);
const tenantId = 'tenant-hengelo';
const start = Date.parse('2026-03-02T09:00:00.000Z');
let folder: string;
let file: string;
const openStores: ServiceStore[] = [];

async function openStore(clock?: FakeClock): Promise<ServiceStore> {
  const store = await openSqliteServiceStore({ file, masterKey, ...(clock ? { now: () => clock.now() } : {}) });
  openStores.push(store);
  return store;
}

async function closeStore(store: ServiceStore): Promise<void> {
  openStores.splice(openStores.indexOf(store), 1);
  await store.close();
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'weerbaar-outbox-'));
  file = join(folder, 'service.db');
});

afterEach(async () => {
  for (const store of openStores.splice(0)) await store.close();
  rmSync(folder, { recursive: true, force: true });
});

class FakeClock {
  private ms = start;
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Records what reached "Teams"; yields first so concurrent workers really interleave. */
class RecordingTransport implements MessageTransport {
  readonly delivered: string[] = [];
  async send(_tenant: string, _recipient: string, _conversation: string | null, message: OutgoingMessage) {
    await new Promise((resolve) => setImmediate(resolve));
    this.delivered.push(message.text);
    const outcome: DeliveryOutcome = { kind: 'sent', activityId: `activity-${this.delivered.length}` };
    return outcome;
  }
}

function workerOn(store: ServiceStore, transport: MessageTransport, clock: FakeClock, workerId: string) {
  return new OutboxWorker({
    outbox: store.outbox,
    transport,
    clock,
    workerId,
    sleep: async (ms) => clock.advance(ms),
  });
}

function notifyRequest(recipient: string, purpose: string) {
  return {
    idempotencyKey: purpose,
    tenantId,
    municipalityCode: '0164',
    recipientObjectId: recipient,
    message: { kind: 'signal-assigned', text: `Nieuwe melding ${purpose} voor ${recipient}` },
  };
}

describe('outbox delivery on the SQLite service store', () => {
  it('delivers exactly once across a restart and does not re-create a known key', async () => {
    const clock = new FakeClock();
    const transport = new RecordingTransport();
    const first = await openStore(clock);
    expect(await new OutboxNotifier(first.outbox, clock).notify(notifyRequest('obj-1', 'signal:s1:notify'))).toEqual({
      queued: true,
    });
    expect((await workerOn(first, transport, clock, 'worker-1').runOnce()).sent).toBe(1);
    await closeStore(first);

    clock.advance(10 * 60_000); // well past any claim
    const second = await openStore(clock);
    const worker = workerOn(second, transport, clock, 'worker-2');
    expect((await worker.runOnce()).sent).toBe(0);
    const notifier = new OutboxNotifier(second.outbox, clock);
    expect(await notifier.notify(notifyRequest('obj-1', 'signal:s1:notify'))).toEqual({ queued: false });
    expect((await worker.runOnce()).sent).toBe(0);

    expect(transport.delivered).toEqual(['Nieuwe melding signal:s1:notify voor obj-1']);
    expect(await second.outbox.countByStatus()).toMatchObject({ pending: 0, sending: 0, sent: 1 });
  });

  it('delivers a message whose worker crashed after claiming it once the claim lapses', async () => {
    const clock = new FakeClock();
    const transport = new RecordingTransport();
    const first = await openStore(clock);
    await new OutboxNotifier(first.outbox, clock).notify(notifyRequest('obj-1', 'signal:s1:notify'));
    // The crashed worker took the message for two minutes and never came back.
    const claimUntil = new Date(start + 120_000).toISOString();
    const [claimed] = await first.outbox.claimDue(clock.now().toISOString(), 10, claimUntil, 'crashed-worker');
    expect(claimed?.status).toBe('sending');
    await closeStore(first);

    const second = await openStore(clock);
    const worker = workerOn(second, transport, clock, 'worker-2');
    clock.advance(60_000);
    expect((await worker.runOnce()).sent).toBe(0);
    clock.advance(60_000);
    expect((await worker.runOnce()).sent).toBe(1);
    expect(transport.delivered).toHaveLength(1);
    const message = claimed === undefined ? undefined : await second.outbox.get(claimed.id);
    expect(message).toMatchObject({ status: 'sent', attempts: 1, lastOutcome: 'sent' });
  });

  it('never sends one message twice when two workers share the database file', async () => {
    const clock = new FakeClock();
    const transport = new RecordingTransport();
    const [storeA, storeB] = [await openStore(clock), await openStore(clock)];
    const notifier = new OutboxNotifier(storeA.outbox, clock);
    for (let index = 0; index < 40; index += 1) {
      await notifier.notify(notifyRequest(`obj-${index % 8}`, `nudge:${index}`));
    }
    const workerA = workerOn(storeA, transport, clock, 'worker-a');
    const workerB = workerOn(storeB, transport, clock, 'worker-b');

    let sentByA = 0;
    let sentByB = 0;
    for (let round = 0; round < 10 && sentByA + sentByB < 40; round += 1) {
      const [a, b] = await Promise.all([workerA.runOnce(), workerB.runOnce()]);
      sentByA += a.sent;
      sentByB += b.sent;
    }

    expect(sentByA + sentByB).toBe(40);
    expect(sentByA).toBeGreaterThan(0);
    expect(sentByB).toBeGreaterThan(0);
    expect(transport.delivered).toHaveLength(40);
    expect(new Set(transport.delivered).size).toBe(40);
    expect(await storeB.outbox.countByStatus()).toMatchObject({ pending: 0, sending: 0, sent: 40 });
  });

  it('the outbox loop delivers in the background and stop() waits for the run in progress', async () => {
    const store = await openStore();
    const transport = new RecordingTransport();
    const logged: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
    await new OutboxNotifier(store.outbox, { now: () => new Date() }).notify(notifyRequest('obj-1', 'signal:s1:notify'));
    const worker = new OutboxWorker({
      outbox: store.outbox,
      transport,
      clock: { now: () => new Date() },
      workerId: 'loop-worker',
    });
    const loop = startOutboxLoop({ worker, intervalMs: 10, logger });
    for (let waited = 0; transport.delivered.length === 0 && waited < 2_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await loop.stop();
    expect(transport.delivered).toHaveLength(1);
    expect(await store.outbox.countByStatus()).toMatchObject({ sent: 1, sending: 0 });
    expect(logged.join('')).not.toContain('Nieuwe melding');
  });
});
