import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HENGELO, cardOf, personOf, startBotFixture, texts, type BotFixture } from './helpers/signal-bot-fixture.js';
import { removeFolder } from './helpers/store-fixtures.js';

const LONG_DESCRIPTION_NL = 'Ik zag bij de balie iemand die de leges steeds contant betaalde met grote biljetten.';
const LONG_DESCRIPTION_EN = 'At the counter I saw someone who kept paying the fees in cash with large banknotes.';

describe('signal bot: typing instead of the card, one question at a time', () => {
  let fixture: BotFixture;
  beforeAll(async () => {
    fixture = await startBotFixture();
  });
  afterAll(async () => {
    await fixture.close();
    removeFolder(fixture.folder);
  });

  it.each([
    {
      locale: 'nl-NL',
      person: personOf(HENGELO, 'employee', 2),
      description: LONG_DESCRIPTION_NL,
      steps: [
        { say: 'melden', expect: /Vul het formulier hieronder in, of typ gewoon je antwoorden/ },
        { say: LONG_DESCRIPTION_NL, expect: /Waar gaat het over\? Typ het nummer of de naam/, also: /als omschrijving genomen/ },
        { say: 'fietsendiefstal', expect: /"Categorie": dat herken ik niet als categorie/ },
        { say: 'Witwassen', expect: /Waar was het\?/ },
        { say: 'Stadhuis Hengelo, balie', expect: /Wanneer was het\?/ },
        { say: '31-02-2026', expect: /"Wanneer \(datum\)": geef een datum/ },
        { say: '2-1-2026', expect: /Wie of wat is erbij betrokken/ },
        { say: 'nee', expect: /Hoe heb je het opgemerkt/ },
        { say: 'Aan de balie', expect: /Gaat dit signaal over je MT-aanspreekpunt ondermijning zelf\?/ },
        { say: 'misschien', expect: /typ "ja" of "nee"/ },
        { say: 'nee', expect: /Hoe wil je melden\? Typ 1, 2 of 3/, also: /Meld Misdaad Anoniem \(0800-7000\)/ },
        { say: '2', expect: /Klopt dit\?[\s\S]*Categorie: Witwassen[\s\S]*Wanneer: 2026-01-02[\s\S]*Betrokken: \(niet ingevuld\)[\s\S]*Melden als: Vertrouwelijk/ },
        { say: 'hmm', expect: /Typ "versturen", "formulier" of "stop"/ },
        { say: 'versturen', expect: /Je melding is ontvangen onder kenmerk \*\*HGL-\d{4}-\d{4}\*\*/ },
      ],
      stored: { category: 'witwassen', confidentiality: 'confidential', content: { location: 'Stadhuis Hengelo, balie', occurredOn: '2026-01-02', noticedHow: 'Aan de balie' } },
    },
    {
      locale: 'en-US',
      person: personOf(HENGELO, 'employee', 3),
      description: LONG_DESCRIPTION_EN,
      steps: [
        { say: 'report', expect: /Fill in the form below, or simply type your answers/ },
        { say: 'I would rather type', expect: /What is it about\? Type the number or the name/, also: /let us do it here in the chat/ },
        { say: '1', expect: /What happened\?/ },
        { say: 'short', expect: /"What happened" is too short: write at least 10 characters \(now 5\)/ },
        { say: 'x'.repeat(4001), expect: /"What happened" is too long: at most 4000 characters \(now 4001\)/ },
        { say: LONG_DESCRIPTION_EN, expect: /Where was it\?/ },
        { say: 'Industrial estate, unit 4', expect: /When was it\?/ },
        { say: '2999-01-01', expect: /"When \(date\)" must not be in the future/ },
        { say: 'since March', expect: /Who or what is involved/ },
        { say: 'A van with German plates', expect: /How did you notice it/ },
        { say: 'skip', expect: /Does this signal concern your MT contact/ },
        { say: 'yes', expect: /How do you want to report\? Type 1, 2 or 3/ },
        { say: 'named', expect: /Is this right\?[\s\S]*Category: Drugs[\s\S]*When: since March[\s\S]*About my MT contact: yes[\s\S]*Report as: With my name/ },
        { say: 'send', expect: /Your report was received under reference \*\*HGL-\d{4}-\d{4}\*\*/ },
      ],
      stored: { category: 'drugs', confidentiality: 'named', concernsMtContact: true, content: { period: 'since March', involved: 'A van with German plates' } },
    },
  ])('asks for what is missing and sends once everything is there ($locale)', async ({ locale, person, description, steps, stored }) => {
    const chat = fixture.chat(person, { locale });
    for (const step of steps) {
      const replies = texts(await chat.say(step.say)).join('\n');
      expect(replies, `after "${step.say.slice(0, 30)}"`).toMatch(step.expect);
      if (step.also) expect(replies).toMatch(step.also);
    }
    const { items } = await fixture.store.signals.list({ municipalityCodes: [HENGELO] });
    const signal = items.find((s) => s.content.description === description);
    expect(signal).toMatchObject({ ...stored, reporter: { objectId: person.objectId } });
  });

  it('goes back to the form with everything typed so far, and stops on request without keeping anything', async () => {
    const chat = fixture.chat(personOf(HENGELO, 'employee', 4));
    await chat.say('melden');
    await chat.say('ik typ liever');
    await chat.say('3');
    await chat.say(LONG_DESCRIPTION_NL);
    const form = await chat.say('formulier');
    const card = cardOf(form);
    expect(JSON.stringify(card)).toContain('"value":"mensenhandel"');
    expect(JSON.stringify(card)).toContain(LONG_DESCRIPTION_NL);

    const before = (await fixture.store.signals.list({ municipalityCodes: [HENGELO] })).items.length;
    expect(texts(await chat.say('stop'))[0]).toMatch(/Gestopt\. Er is niets verstuurd en wat je had ingevuld is gewist/);
    expect(texts(await chat.say('stop'))[0]).toMatch(/Er was geen melding in behandeling/);
    expect((await fixture.store.signals.list({ municipalityCodes: [HENGELO] })).items).toHaveLength(before);
  });

  it('keeps a half-made intake out of the signal store', async () => {
    const before = (await fixture.store.signals.list({ municipalityCodes: [HENGELO] })).items.length;
    const chat = fixture.chat(personOf(HENGELO, 'employee', 0));
    await chat.say(LONG_DESCRIPTION_NL);
    await chat.say('ik typ verder');
    await chat.say('1');
    expect((await fixture.store.signals.list({ municipalityCodes: [HENGELO] })).items).toHaveLength(before);
    const rows = await fixture.store.database.db.selectFrom('dialog_state').select('key').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key).toMatch(/^bot-state:[A-Za-z0-9_-]+$/);

    // Abandoned: after 14 days without an answer the nightly job deletes the draft.
    const expiry = fixture.parts.jobs.find((job) => job.name === 'intake-draft-expiry')!;
    await expiry.run(new Date(Date.now() + 13 * 86_400_000));
    expect(await fixture.store.database.db.selectFrom('dialog_state').select('key').execute()).toHaveLength(rows.length);
    await expiry.run(new Date(Date.now() + 15 * 86_400_000));
    expect(await fixture.store.database.db.selectFrom('dialog_state').select('key').execute()).toEqual([]);
  });
});
