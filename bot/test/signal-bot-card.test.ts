import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dutchDateOf } from '@weerbaar/shared';
import { HENGELO, cardOf, personOf, prefilled, startBotFixture, submissionIdOf, texts, type BotFixture } from './helpers/signal-bot-fixture.js';
import { removeFolder } from './helpers/store-fixtures.js';

const mtContact = personOf(HENGELO, 'mt-contact');
const reporter = personOf(HENGELO, 'employee', 0);

function validCard(submissionId: string, overrides: Record<string, unknown> = {}) {
  return {
    action: 'signal.submit',
    submissionId,
    category: 'witwassen',
    description: 'Een aanvrager betaalt de leges steeds contant met grote biljetten.',
    location: 'Stadhuis, balie vergunningen',
    occurredOn: '2026-01-15',
    period: '',
    involved: 'Aanvrager exploitatievergunning',
    noticedHow: '',
    concernsMtContact: 'false',
    confidentiality: 'named',
    ...overrides,
  };
}

async function outboxRows(fixture: BotFixture) {
  return fixture.store.database.db.selectFrom('outbox').select(['id', 'recipient_object_id', 'idempotency_key']).execute();
}

describe('signal bot: the intake card (TestAdapter, real SQLite store)', () => {
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture();
  });
  afterEach(async () => {
    await fixture.close();
    removeFolder(fixture.folder);
  });

  it.each([
    { locale: 'nl-NL', intro: /Fijn dat je iets wilt melden/, submit: 'Versturen', anonymousLabel: 'Anoniem', emergency: /Bel 112/ },
    { locale: 'en-GB', intro: /Thank you for reporting/, submit: 'Send', anonymousLabel: 'Anonymous', emergency: /Call 112/ },
  ])('any first message opens the card in the reporter language ($locale)', async ({ locale, intro, submit, anonymousLabel, emergency }) => {
    const replies = await fixture.chat(reporter, { locale }).say('hallo');
    expect(texts(replies)[0]).toMatch(intro);
    expect(texts(replies)[0]).toContain('http://localhost:3985/privacy');
    const card = cardOf(replies);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const json = JSON.stringify(card);
    expect(json).toMatch(emergency);
    expect(json).toContain(anonymousLabel);
    expect(json).toContain('0800-7000');
    const actions = card?.['actions'] as { type: string; title: string; data: Record<string, unknown> }[];
    expect(actions[0]).toMatchObject({ type: 'Action.Submit', title: submit, data: { action: 'signal.submit' } });
    expect(submissionIdOf(card!)).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    const ids = JSON.stringify(card).match(/"id":"[a-zA-Z]+"/g);
    expect(ids).toEqual(
      ['category', 'description', 'location', 'occurredOn', 'period', 'involved', 'noticedHow', 'concernsMtContact', 'confidentiality'].map((id) => `"id":"${id}"`),
    );
  });

  it('takes a named signal from the card: a reference at once, the MT contact notified without the content', async () => {
    const chat = fixture.chat(reporter);
    const card = cardOf(await chat.say('melden'))!;
    const replies = await chat.submitCard(validCard(submissionIdOf(card)));
    // The reference carries the year in Dutch time (on 31 December after 23:00 UTC it is already next year).
    const year = dutchDateOf(fixture.clock.now()).slice(0, 4);
    expect(texts(replies)[0]).toMatch(new RegExp(`ontvangen onder kenmerk \\*\\*HGL-${year}-0001\\*\\*`));
    expect(texts(replies)[0]).not.toMatch(/ontvangstcode/i);

    const { items } = await fixture.store.signals.list({ municipalityCodes: [HENGELO] });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      reference: `HGL-${year}-0001`,
      confidentiality: 'named',
      status: 'received',
      department: reporter.department,
      reporter: { objectId: reporter.objectId, upn: reporter.upn, displayName: reporter.displayName },
      content: { description: expect.stringMatching(/contant/), occurredOn: '2026-01-15', involved: 'Aanvrager exploitatievergunning' },
    });
    expect(items[0]?.content).not.toHaveProperty('noticedHow');
    const rows = await outboxRows(fixture);
    expect(rows.map((r) => r.recipient_object_id)).toEqual([mtContact.objectId]);
    const message = await fixture.store.outbox.get(rows[0]!.id);
    expect(message?.payload.text).toContain(`HGL-${year}-0001`);
    expect(message?.payload.text).toContain('Witwassen');
    expect(message?.payload.text).toContain('http://localhost:3978/workbench'); // the local workbench at the hub
    expect(message?.payload.text).not.toMatch(/contant|balie|Aanvrager/);
    const audit = await fixture.store.audit.list({ municipalityCodes: [HENGELO] });
    expect(audit).toEqual([expect.objectContaining({ actor: 'reporter', action: 'signal.received', recordId: items[0]?.id })]);
  });

  it('creates no second signal or notification for a resubmitted card or a redelivered activity', async () => {
    const chat = fixture.chat(reporter);
    const submissionId = submissionIdOf(cardOf(await chat.say('melden'))!);
    await chat.submitCard(validCard(submissionId), 'activity-1');
    expect(await chat.submitCard(validCard(submissionId), 'activity-1')).toEqual([]);
    const again = await chat.submitCard(validCard(submissionId), 'activity-2');
    expect(texts(again)[0]).toMatch(/was al ontvangen onder kenmerk/);
    expect((await fixture.store.signals.list({ municipalityCodes: [HENGELO] })).items).toHaveLength(1);
    expect(await outboxRows(fixture)).toHaveLength(1);
  });

  it.each([
    { locale: 'nl-NL', code: /Je ontvangstcode: \*\*([0-9A-Z-]+)\*\*/, warning: /maar één keer getoond/ },
    { locale: 'en-US', code: /Your receipt code: \*\*([0-9A-Z-]+)\*\*/, warning: /shown only once/ },
  ])('an anonymous signal stores no identity and shows a receipt code once ($locale)', async ({ locale, code, warning }) => {
    const chat = fixture.chat(reporter, { locale });
    const submissionId = submissionIdOf(cardOf(await chat.say('report'))!);
    const reply = texts(await chat.submitCard(validCard(submissionId, { confidentiality: 'anonymous' })))[0] ?? '';
    expect(reply).toMatch(warning);
    const receiptCode = code.exec(reply)?.[1];
    expect(receiptCode?.replace(/-/g, '')).toHaveLength(28);
    const { items } = await fixture.store.signals.list({ municipalityCodes: [HENGELO] });
    expect(items[0]).toMatchObject({ confidentiality: 'anonymous', reporter: null, department: null });
    expect(await fixture.parts.receiptCodes.verify(receiptCode!)).toBe(items[0]?.id);
    const again = texts(await chat.submitCard(validCard(submissionId, { confidentiality: 'anonymous' })))[0];
    expect(again).not.toMatch(code);
  });
});
