import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HENGELO, cardOf, cardTexts, personOf, prefilled, startBotFixture, submissionIdOf, texts, type BotFixture } from './helpers/signal-bot-fixture.js';
import { removeFolder } from './helpers/store-fixtures.js';

const reporter = personOf(HENGELO, 'employee', 1);

const base = {
  action: 'signal.submit',
  category: 'drugs',
  description: 'Afgeplakte ramen en een sterke hennepgeur bij een schuur.',
  location: 'Buitengebied, Deurningerstraat',
  occurredOn: '',
  period: 'sinds maart',
  involved: '',
  noticedHow: 'Bij een controle',
  concernsMtContact: 'false',
  confidentiality: 'confidential',
};

describe('signal bot: a card the service cannot accept gets a clear answer and comes back filled in', () => {
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
      name: 'an empty submission',
      locale: 'nl-NL',
      change: { category: '', description: '', location: '', period: '', occurredOn: '', concernsMtContact: undefined, confidentiality: '' },
      says: ['"Categorie" is verplicht', '"Wat is er gebeurd" is verplicht', '"Waar" is verplicht', 'Wanneer: vul een datum of een periode in', '"Gaat over mijn MT-aanspreekpunt" is verplicht', '"Vertrouwelijkheid" is verplicht'],
    },
    { name: 'an unknown category', locale: 'nl-NL', change: { category: 'fietsdiefstal' }, says: ['"Categorie": kies een van de categorieën uit de lijst'] },
    { name: 'an unknown category (en)', locale: 'en-US', change: { category: 'bike-theft' }, says: ['"Category": choose one of the categories in the list'] },
    { name: 'an over-long description', locale: 'nl-NL', change: { description: 'x'.repeat(4001) }, says: ['"Wat is er gebeurd" is te lang: maximaal 4000 tekens (nu 4001)'] },
    { name: 'an over-long description (en)', locale: 'en-GB', change: { description: 'y'.repeat(4500) }, says: ['"What happened" is too long: at most 4000 characters (now 4500)'] },
    { name: 'a too short description', locale: 'nl-NL', change: { description: 'kort' }, says: ['"Wat is er gebeurd" is te kort: schrijf minstens 10 tekens (nu 4)'] },
    { name: 'a wrong type', locale: 'nl-NL', change: { concernsMtContact: 5 }, says: ['"Gaat over mijn MT-aanspreekpunt" moet ja of nee zijn'] },
    { name: 'a wrong type (en)', locale: 'en-US', change: { location: { street: 'x' } }, says: ['"Where" has an invalid value'] },
    { name: 'a date and a period', locale: 'nl-NL', change: { occurredOn: '2026-01-02' }, says: ['vul een datum óf een periode in, niet allebei'] },
    { name: 'a date in the future', locale: 'nl-NL', change: { occurredOn: '2999-01-01', period: '' }, says: ['"Wanneer (datum)" mag niet in de toekomst liggen'] },
    { name: 'a period on two lines', locale: 'en-US', change: { period: 'since March\nand April' }, says: ['"When (period)" must fit on one line'] },
  ])('$name', async ({ locale, change, says }) => {
    const chat = fixture.chat(reporter, { locale });
    const submissionId = submissionIdOf(cardOf(await chat.say('melden'))!);
    const submitted = { ...base, submissionId, ...change };
    const replies = await chat.submitCard(submitted);
    const [message] = texts(replies);
    for (const sentence of says) expect(message).toContain(sentence);
    const card = cardOf(replies)!;
    expect(submissionIdOf(card)).toBe(submissionId);
    expect(cardTexts(card).join('\n')).toContain(says[0]!);
    // Everything typed is in the form again, also the refused values.
    const values = prefilled(card);
    for (const [field, value] of Object.entries(change)) {
      if (typeof value === 'string' && value !== '') expect(values[field]).toBe(value);
    }
    expect(values['noticedHow']).toBe('Bij een controle');
    expect((await fixture.store.signals.list({ municipalityCodes: [HENGELO] })).items).toHaveLength(0);
  });

  it('accepts the corrected card with the same submission id, once', async () => {
    const chat = fixture.chat(reporter);
    const submissionId = submissionIdOf(cardOf(await chat.say('melden'))!);
    await chat.submitCard({ ...base, submissionId, description: 'te kort' });
    const replies = await chat.submitCard({ ...base, submissionId });
    expect(texts(replies)[0]).toMatch(/ontvangen onder kenmerk/);
    const { items } = await fixture.store.signals.list({ municipalityCodes: [HENGELO] });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ confidentiality: 'confidential', category: 'drugs', content: { period: 'sinds maart' } });
  });

  it('replaces a tampered submission id with a fresh form that keeps what was typed', async () => {
    const chat = fixture.chat(reporter);
    await chat.say('melden');
    const replies = await chat.submitCard({ ...base, submissionId: 'x' });
    expect(texts(replies)[0]).toMatch(/niet \(meer\) geldig/);
    const card = cardOf(replies)!;
    expect(submissionIdOf(card)).not.toBe('x');
    expect(prefilled(card)['description']).toBe(base.description);
  });
});
