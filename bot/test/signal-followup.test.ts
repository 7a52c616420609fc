import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, type Signal } from '@weerbaar/shared';
import { ScryptReceiptCodes, normaliseReceiptCode } from '../src/crypto/receipt-codes.js';
import { runLegalClocks } from '../src/jobs/legal-clock-jobs.js';
import { HENGELO, personOf, startBotFixture, type BotFixture } from './helpers/signal-bot-fixture.js';
import { filesContaining, makeSignal, removeFolder } from './helpers/store-fixtures.js';
import { tenantOf } from './support/instance-harness.js';

const contact = personOf(HENGELO, 'mt-contact');
const deputy = personOf(HENGELO, 'mt-deputy');
const coordinator = personOf(HENGELO, 'coordinator');
const reporter = personOf(HENGELO, 'employee', 0);

async function outbox(fixture: BotFixture) {
  const rows = await fixture.store.database.db.selectFrom('outbox').select(['id', 'recipient_object_id', 'idempotency_key', 'next_attempt_at']).execute();
  return Promise.all(rows.map(async (row) => ({ ...row, text: (await fixture.store.outbox.get(row.id))?.payload.text ?? '' })));
}

async function stored(fixture: BotFixture, overrides: Partial<Signal>): Promise<Signal> {
  const signal = makeSignal({ municipalityCode: HENGELO, ...overrides });
  await fixture.store.signals.create(signal, `test:${signal.id}`);
  return signal;
}

describe('follow-up of a signal', () => {
  let fixture: BotFixture;
  beforeAll(async () => {
    fixture = await startBotFixture();
  });
  afterAll(async () => {
    await fixture.close();
    removeFolder(fixture.folder);
  });

  describe('receipt codes', () => {
    it('are a lookup part and a secret of at least 80 random bits; only a scrypt hash of the secret is stored', async () => {
      const codes = new ScryptReceiptCodes(fixture.store.receiptCodes, fixture.clock, { N: 2 ** 12, r: 8, p: 1 });
      const code = await codes.issue('signal-a');
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
      const raw = normaliseReceiptCode(code);
      expect((raw.length - 8) * 5).toBeGreaterThanOrEqual(80);
      expect(filesContaining(fixture.folder, raw.slice(8))).toEqual([]);
      expect(filesContaining(fixture.folder, raw.slice(0, 8))).not.toEqual([]); // the lookup part is a plain index
      expect(await codes.verify(code)).toBe('signal-a');
      expect(await codes.verify(code.toLowerCase().replace(/-/g, ' '))).toBe('signal-a');
      const wrongSecret = raw.slice(0, 8) + (raw[8] === '0' ? '1' : '0') + raw.slice(9);
      expect(await codes.verify(wrongSecret)).toBeUndefined();
      expect(await codes.verify('ZZZZZZZZ' + raw.slice(8))).toBeUndefined();
      expect(await codes.verify('not a code')).toBeUndefined();
      expect(await codes.issue('signal-a')).not.toBe(code);
    });

    it('lead nowhere once the signal is deleted by retention', async () => {
      const signal = await stored(fixture, { confidentiality: 'anonymous', reporter: null, department: null });
      const code = await fixture.parts.receiptCodes.issue(signal.id);
      await fixture.store.signals.shred(signal.id, new Date().toISOString());
      expect(await fixture.parts.receiptCodes.verify(code)).toBeUndefined();
    });
  });

  describe('the reporter channel', () => {
    it('tells a named or confidential reporter in Teams through the outbox, and keeps messages for an anonymous one', async () => {
      const named = await stored(fixture, { confidentiality: 'confidential', reporter: { objectId: reporter.objectId, upn: reporter.upn, displayName: reporter.displayName } });
      const anonymous = await stored(fixture, { confidentiality: 'anonymous', reporter: null, department: null });
      const before = (await outbox(fixture)).length;
      await fixture.parts.reporterChannel.notifyAcknowledged(named.id);
      await fixture.parts.reporterChannel.notifyAcknowledged(named.id);
      await fixture.parts.reporterChannel.notifyAcknowledged(anonymous.id);
      const messageId = randomUUID();
      for (const signal of [named, anonymous]) {
        await fixture.store.timeline.append([
          { id: signal === named ? messageId : randomUUID(), signalId: signal.id, at: new Date().toISOString(), kind: 'message-to-reporter', actor: contact.objectId, text: 'Mag ik je bellen?' },
        ]);
      }
      await fixture.parts.reporterChannel.deliverMessage(named.id, messageId);
      await fixture.parts.reporterChannel.deliverMessage(anonymous.id, randomUUID());
      const added = (await outbox(fixture)).slice(before);
      expect(added.map((m) => [m.recipient_object_id, m.idempotency_key])).toEqual([
        [reporter.objectId, `signal:${named.id}:reporter-acknowledged:${reporter.objectId}`],
        [reporter.objectId, `signal:${named.id}:reporter-message:${messageId}:${reporter.objectId}`],
      ]);
      expect(added[0]?.text).toMatch(new RegExp(`Je melding ${named.reference} is in behandeling`));
      expect(added[1]?.text).toMatch(/Bericht van het MT-aanspreekpunt[\s\S]*Mag ik je bellen\?/);
    });
  });

  describe('legal clocks', () => {
    it('reminds the MT contact after 3 working days, alerts deputy and coordinator after 5, each once, within working hours', async () => {
      // Received Monday 2 March 2026, 09:00.
      const signal = await stored(fixture, { receivedAt: '2026-03-02T08:00:00.000Z', status: 'received', acknowledgedAt: null });
      const keyOf = (kind: string) => `signal:${signal.id}:${kind}`;
      const mine = async () => (await outbox(fixture)).filter((m) => m.idempotency_key.startsWith(`signal:${signal.id}:`));
      const run = (at: string) => runLegalClocks(legalDeps(fixture), new Date(at));

      await run('2026-03-04T10:00:00+01:00'); // two working days
      expect(await mine()).toEqual([]);
      await run('2026-03-05T10:00:00+01:00'); // three
      await run('2026-03-05T11:00:00+01:00');
      expect((await mine()).map((m) => m.idempotency_key)).toEqual([`${keyOf('reminder-acknowledge')}:${contact.objectId}`]);
      expect((await mine())[0]?.text).toMatch(/na drie werkdagen nog niet bevestigd[\s\S]*2026-03-09/);
      await run('2026-03-09T18:30:00+01:00'); // five working days, after working hours
      const alerts = (await mine()).filter((m) => m.idempotency_key.startsWith(keyOf('alert-acknowledge')));
      expect(alerts.map((m) => m.recipient_object_id)).toEqual([deputy.objectId, coordinator.objectId]);
      expect(alerts[0]?.next_attempt_at).toBe('2026-03-10T07:00:00.000Z'); // 08:00 Dutch time the next working day
      expect(alerts[0]?.text).not.toContain(signal.content.description);
      await run('2026-03-10T10:00:00+01:00');
      expect(await mine()).toHaveLength(3);
    });

    it('reminds the MT contact two weeks before the feedback term ends', async () => {
      const signal = await stored(fixture, { receivedAt: '2026-03-02T08:00:00.000Z', status: 'in-progress', acknowledgedAt: '2026-03-03T09:00:00.000Z' });
      await runLegalClocks(legalDeps(fixture), new Date('2026-05-20T10:00:00+02:00'));
      const reminders = (await outbox(fixture)).filter((m) => m.idempotency_key.startsWith(`signal:${signal.id}:reminder-feedback`));
      expect(reminders.map((m) => m.recipient_object_id)).toEqual([contact.objectId]);
      expect(reminders[0]?.text).toMatch(/uiterlijk 2026-06-03/);
    });
  });
});

function legalDeps(fixture: BotFixture) {
  const calendar = createWorkingDayCalendar();
  return {
    signals: fixture.store.signals,
    routing: fixture.parts.routing,
    notifier: fixture.parts.notifier,
    municipalities: [{ code: HENGELO, tenantId: tenantOf(HENGELO) }],
    calendarFor: () => calendar,
    notices: { dashboardUrl: 'http://localhost:3985/workbench' },
    logger: { info: () => undefined } as never,
  };
}
