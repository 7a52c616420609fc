import { describe, expect, it } from 'vitest';
import type { DeliveryOutcome, OutboxMessage, OutboxStatus } from '../src/ports/service-store.js';
import { SignalRouting } from '../src/services/signal-routing.js';
import { UndeliverableNotices } from '../src/services/undeliverable-notices.js';
import { FakeDirectory, FakeNotifier, FakeSignals, person } from './fakes/intake-fakes.js';
import { makeSignal } from './signal-fixture.js';

const contact = person('contact', ['mt-contact']);
const deputy = person('deputy', ['mt-deputy']);
const coordinator = person('coordinator', ['coordinator']);
const admin = person('admin', ['app-admin'], 'en-US');

function setup() {
  const signals = new FakeSignals();
  const signal = makeSignal({ id: 'sig-9' });
  signals.byId.set(signal.id, signal);
  const directory = new FakeDirectory([contact, deputy, coordinator, admin]);
  const notifier = new FakeNotifier();
  const warnings: string[] = [];
  const handler = new UndeliverableNotices({
    routing: new SignalRouting(directory),
    signals: signals as never,
    directory,
    notifier,
    municipalities: [{ code: '0164', tenantId: 'tenant-hengelo' }],
    logger: { warn: (details, message) => void warnings.push(`${message} ${JSON.stringify(details)}`) },
  });
  return { handler, notifier, warnings };
}

function message(recipient: string, key: string, kind = 'signal.new'): OutboxMessage {
  return {
    id: `msg-${recipient}`,
    idempotencyKey: `${key}:${recipient}`,
    tenantId: 'tenant-hengelo',
    municipalityCode: '0164',
    recipientObjectId: recipient,
    conversationId: null,
    payload: { text: 'Nieuw signaal van ondermijning: HGL-2026-0001 (Drugs).', kind },
    status: 'sending',
    attempts: 0,
    nextAttemptAt: '2026-03-02T10:00:00.000Z',
    lastOutcome: null,
    createdAt: '2026-03-02T10:00:00.000Z',
    finishedAt: null,
  };
}

const gone: DeliveryOutcome = { kind: 'recipient-gone', status: 403 };

describe('undeliverable notices: never a silent drop', () => {
  it('passes a notice for the MT contact on to the deputy and tells the app admin who was unreachable, without content', async () => {
    const { handler, notifier } = setup();
    await handler.handle(message(contact.objectId, 'signal:sig-9:new'), gone, 'recipient-gone');
    expect(notifier.requests.map((r) => [r.recipientObjectId, r.idempotencyKey])).toEqual([
      [deputy.objectId, `signal:sig-9:new:via:${contact.objectId}`],
      [admin.objectId, `signal:sig-9:new:undeliverable:${contact.objectId}`],
    ]);
    expect(notifier.requests[0]?.message.text).toMatch(/HGL-2026-0001[\s\S]*oorspronkelijke ontvanger in Teams niet bereikbaar/);
    const told = notifier.requests[1]?.message;
    expect(told?.kind).toBe('admin.undeliverable');
    expect(told?.text).toMatch(/could not be delivered in Teams to contact[\s\S]*sent to deputy instead/);
    expect(told?.text).not.toMatch(/HGL-2026-0001|Drugs/);
  });

  it('does the same for attempts given up as failed, and is idempotent when it runs twice', async () => {
    const { handler, notifier } = setup();
    const failed: DeliveryOutcome = { kind: 'failed', transient: true, status: 503 };
    await handler.handle(message(contact.objectId, 'signal:sig-9:reminder-acknowledge', 'signal.reminder.acknowledge'), failed, 'failed');
    await handler.handle(message(contact.objectId, 'signal:sig-9:reminder-acknowledge', 'signal.reminder.acknowledge'), failed, 'failed');
    expect(notifier.requests.map((r) => r.recipientObjectId)).toEqual([deputy.objectId, admin.objectId]);
  });

  it('does not pass on a replacement that fails too, but still tells the app admin', async () => {
    const { handler, notifier } = setup();
    await handler.handle(message(deputy.objectId, `signal:sig-9:new:via:${contact.objectId}`), gone, 'recipient-gone');
    expect(notifier.requests.map((r) => r.recipientObjectId)).toEqual([admin.objectId]);
    expect(notifier.requests[0]?.message.text).toMatch(/no one else to pass it to/);
  });

  it.each<{ name: string; kind: string; status: OutboxStatus }>([
    { name: 'a delivered message', kind: 'signal.new', status: 'sent' },
    { name: 'a message to a reporter', kind: 'reporter.message', status: 'recipient-gone' },
    { name: 'the app admin notice itself', kind: 'admin.undeliverable', status: 'recipient-gone' },
  ])('queues nothing for $name (only a log line without content)', async ({ kind, status }) => {
    const { handler, notifier, warnings } = setup();
    await handler.handle(message(contact.objectId, 'signal:sig-9:new', kind), gone, status);
    expect(notifier.requests).toEqual([]);
    expect(warnings.join()).not.toMatch(/HGL|Drugs/);
  });
});
