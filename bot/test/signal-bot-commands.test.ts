import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, ConcurrencyError } from '@weerbaar/shared';
import { pseudonymiserWithKey } from '../src/crypto/pseudonym.js';
import { ServiceStoreStorage } from '../src/teams/service-store-storage.js';
import { HENGELO, cardOf, personOf, startBotFixture, submissionIdOf, texts, type BotFixture } from './helpers/signal-bot-fixture.js';
import { filesContaining, removeFolder } from './helpers/store-fixtures.js';
import { tenantOf } from './support/instance-harness.js';

const employee = personOf(HENGELO, 'employee', 0);

async function anonymousSignal(fixture: BotFixture, locale = 'nl-NL') {
  const chat = fixture.chat(employee, { locale });
  const submissionId = submissionIdOf(cardOf(await chat.say('melden'))!);
  const reply = texts(
    await chat.submitCard({
      action: 'signal.submit', submissionId, category: 'vastgoed', description: 'Veel inschrijvingen op één adres die steeds wisselen.',
      location: 'Een adres in Hengelo-Noord', occurredOn: '', period: 'sinds januari', concernsMtContact: 'false', confidentiality: 'anonymous',
    }),
  )[0]!;
  const code = /\*\*([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})\*\*/.exec(reply)?.[1];
  if (!code) throw new Error('no receipt code');
  const { items } = await fixture.store.signals.list({ municipalityCodes: [HENGELO] });
  return { code, signal: items.find((s) => s.content.period === 'sinds januari')! };
}

describe('signal bot: help, status, greeting, tenants, attachments', () => {
  let fixture: BotFixture;
  beforeAll(async () => {
    fixture = await startBotFixture();
  });
  afterAll(async () => {
    await fixture.close();
    removeFolder(fixture.folder);
  });

  it.each([
    { locale: 'nl-NL', say: 'wat is ondermijning', expect: [/Wat is ondermijning\?/, /Bel 112/, /Meld Misdaad Anoniem: 0800-7000/] },
    { locale: 'nl-NL', say: 'help', expect: [/Wat is ondermijning\?/] },
    { locale: 'en-GB', say: 'help', expect: [/What is subversive crime\?/, /Call 112/, /0800-7000/] },
  ])('"$say" shows recognition examples per category, 112 and Meld Misdaad Anoniem ($locale)', async ({ locale, say, expect: patterns }) => {
    const language = locale.startsWith('en') ? 'en' : 'nl';
    const [help] = texts(await fixture.chat(employee, { locale }).say(say));
    for (const pattern of patterns) expect(help).toMatch(pattern);
    for (const category of CATEGORIES) {
      expect(help).toContain(category.label[language]);
      expect(help).toContain(category.examples[0]![language]);
    }
  });

  it('shows help during an intake and then continues where the reporter was', async () => {
    const chat = fixture.chat(employee);
    await chat.say('melden');
    await chat.say('liever typen');
    const replies = texts(await chat.say('help'));
    expect(replies[0]).toMatch(/Wat is ondermijning/);
    expect(replies.join('\n')).toMatch(/we gaan verder waar je was[\s\S]*Waar gaat het over\?/);
  });

  it.each([
    { locale: 'nl-NL', greeting: /^Hallo! Ik ben het meldpunt ondermijning van je gemeente/, link: 'privacyverklaring: http://localhost:3985/privacy' },
    { locale: 'en-US', greeting: /^Hello! I am your municipality's reporting point for subversive crime/, link: 'privacy notice: http://localhost:3985/privacy' },
  ])('greets on install in two sentences with the privacy link ($locale)', async ({ locale, greeting, link }) => {
    const chat = fixture.chat(employee, { locale });
    const replies = await chat.send({ type: 'conversationUpdate', membersAdded: [{ id: '28:weerbaar-bot', name: 'Meldpunt' }] });
    const [text] = texts(replies);
    expect(text).toMatch(greeting);
    expect(text).toContain(link);
    expect(text?.split(/(?<=[.!?])\s+(?=[A-Z"])/).length).toBe(3); // "Hallo!" plus two sentences
  });

  it('status <code> shows the status and the messages waiting for an anonymous reporter', async () => {
    const { code, signal } = await anonymousSignal(fixture);
    const chat = fixture.chat(personOf(HENGELO, 'employee', 4));
    expect(texts(await chat.say('status'))[0]).toMatch(/Typ "status" gevolgd door je ontvangstcode/);
    expect(texts(await chat.say('status ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345'))[0]).toMatch(/Deze ontvangstcode ken ik niet/);
    expect(texts(await chat.say(`status ${code}`))[0]).toMatch(new RegExp(`Melding \\*\\*${signal.reference}\\*\\*: Ontvangen\\.[\\s\\S]*nog geen berichten`));
    await fixture.store.timeline.append([
      { id: randomUUID(), signalId: signal.id, at: new Date().toISOString(), kind: 'message-to-reporter', actor: personOf(HENGELO, 'mt-contact').objectId, text: 'Kun je het huisnummer noemen?' },
    ]);
    const lowerCase = code.toLowerCase().replace(/-/g, ' ');
    const [answer] = texts(await fixture.chat(employee, { locale: 'en-US' }).say(`status ${lowerCase}`));
    expect(answer).toMatch(/Report \*\*.*\*\*: Received\.[\s\S]*Messages:[\s\S]*MT contact\*\*: Kun je het huisnummer noemen\?[\s\S]*reply <code>/);

    // The reporter answers with the code (grouped with spaces, as people type it); a redelivery adds nothing.
    const spaced = code.replace(/-/g, ' ');
    const [sent] = texts(await chat.say(`antwoord ${spaced} Het is nummer 12, de achterkant.`, 'answer-activity'));
    expect(sent).toMatch(new RegExp(`Je antwoord is bij melding \\*\\*${signal.reference}\\*\\* gezet`));
    await chat.say(`antwoord ${spaced} Het is nummer 12, de achterkant.`, 'answer-activity');
    expect(texts(await chat.say(`antwoord ${code}`))[0]).toMatch(/Typ je antwoord achter de code/);
    const entries = (await fixture.store.timeline.list(signal.id)).filter((e) => e.kind === 'message-from-reporter');
    expect(entries).toEqual([expect.objectContaining({ actor: 'reporter', text: 'Het is nummer 12, de achterkant.' })]);
    expect(texts(await chat.say(`status ${code}`))[0]).toMatch(/jij\*\*: Het is nummer 12/);
    // "Antwoord ..." without a code is no command: it may start a description.
    expect(texts(await fixture.chat(personOf(HENGELO, 'employee', 3)).say('Antwoord van de aanvrager was dat hij contant wilde betalen.'))[0]).toMatch(/Fijn dat je iets wilt melden/);
  });

  it('politely refuses a tenant it does not serve and keeps nothing of it', async () => {
    const stranger = personOf('0153', 'employee');
    const chat = fixture.chat(stranger, { tenantId: tenantOf('0153') });
    const before = fixture.logLines.length;
    expect(texts(await chat.say('Ik wil iets melden over een loods met busjes die s nachts komen.'))[0]).toMatch(/hoort bij een andere organisatie/);
    const logged = fixture.logLines.slice(before).join('\n');
    expect(logged).toContain('foreign-tenant');
    expect(logged).not.toMatch(/loods|busjes/);
    expect(logged).not.toContain(stranger.objectId);
    expect(filesContaining(fixture.folder, 'loods met busjes')).toEqual([]);
  });

  it('says when a file could not be fetched, keeps nothing of it, and keeps going with the intake', async () => {
    const chat = fixture.chat(employee);
    const replies = texts(await chat.send({ type: 'message', text: 'melden', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] }));
    expect(replies[0]).toMatch(/Fijn dat je iets wilt melden/);
    expect(replies[1]).toMatch(/Een bestand kon ik niet ophalen; het is niet bewaard/);
  });
});

describe('ServiceStoreStorage: botbuilder Storage over the dialog state', () => {
  let fixture: BotFixture;
  beforeAll(async () => {
    fixture = await startBotFixture();
  });
  afterAll(async () => {
    await fixture.close();
    removeFolder(fixture.folder);
  });

  it('enforces eTags, seals values and pseudonymises keys', async () => {
    const storage = new ServiceStoreStorage(fixture.store.dialogState, pseudonymiserWithKey(Buffer.alloc(32, 7)));
    const key = 'msteams/conversations/a:conversation-of-jan';
    await storage.write({ [key]: { draft: 'geheime-omschrijving-123', eTag: 'not-yet-stored' } });
    const first = (await storage.read([key]))[key]!;
    expect(first['draft']).toBe('geheime-omschrijving-123');
    await expect(storage.write({ [key]: { draft: 'race', eTag: 'not-yet-stored' } })).rejects.toBeInstanceOf(ConcurrencyError);
    await storage.write({ [key]: { draft: 'tweede', eTag: first.eTag } });
    await expect(storage.write({ [key]: { draft: 'oud', eTag: first.eTag } })).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await storage.read([key]))[key]?.['draft']).toBe('tweede');
    expect(filesContaining(fixture.folder, 'geheime-omschrijving-123')).toEqual([]);
    expect(filesContaining(fixture.folder, 'conversation-of-jan')).toEqual([]);
    await storage.delete([key]);
    expect(await storage.read([key])).toEqual({});
  });
});

describe('a tenant serving two municipalities (Dinkelland and Tubbergen)', () => {
  it('files a signal under the reporter\'s own municipality, also an anonymous one, and forgets the chat when the app is removed', async () => {
    const fixture = await startBotFixture({ codes: ['1774', '0183'] });
    try {
      for (const [code, prefix] of [['0183', 'TUB'], ['1774', 'DNK']] as const) {
        const chat = fixture.chat(personOf(code, 'employee', 0));
        const submissionId = submissionIdOf(cardOf(await chat.say('melden'))!);
        const [reply] = texts(
          await chat.submitCard({
            action: 'signal.submit', submissionId, category: 'overig', description: 'Een vakantiepark waar chalets permanent bewoond worden.',
            location: 'Vakantiepark', occurredOn: '', period: 'dit jaar', concernsMtContact: 'false', confidentiality: 'anonymous',
          }),
        );
        expect(reply).toMatch(new RegExp(`kenmerk \\*\\*${prefix}-\\d{4}-0001\\*\\*`));
      }
      const refs = () => fixture.store.database.db.selectFrom('conversation_refs').select('object_id').execute();
      expect(await refs()).toHaveLength(2);
      const leaving = fixture.chat(personOf('0183', 'employee', 1));
      await leaving.send({ type: 'conversationUpdate', membersAdded: [{ id: '28:weerbaar-bot', name: 'Weerbaar Twente' }] });
      expect(await refs()).toHaveLength(3);
      await leaving.send({ type: 'conversationUpdate', membersRemoved: [{ id: '28:weerbaar-bot', name: 'Weerbaar Twente' }] });
      expect(await refs()).toHaveLength(2);
    } finally {
      await fixture.close();
      removeFolder(fixture.folder);
    }
  });
});
