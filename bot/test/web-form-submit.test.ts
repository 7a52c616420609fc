import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signal } from '@weerbaar/shared';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { startTestInstance, type TestInstance } from './support/instance-harness.js';
import { fieldValue, freshSubmissionId, getPage, isChecked, postPage, receiptCodeOf, referenceOf, validReport } from './support/web-form-client.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The anonymous web form as a browser without JavaScript uses it, against real instances. */
describe('anonymous web form: /melden', () => {
  const dataKey = randomBytes(32).toString('base64');
  let twoMunicipalities: TestInstance; // Dinkelland + Tubbergen share one instance
  let hengelo: TestInstance;

  beforeAll(async () => {
    [twoMunicipalities, hengelo] = await Promise.all([
      startTestInstance({ codes: ['1774', '0183'], env: { WEERBAAR_DATA_KEY: dataKey } }),
      startTestInstance({ codes: ['0164'], env: { WEERBAAR_DATA_KEY: dataKey } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([twoMunicipalities?.close(), hengelo?.close()]);
  });

  /** Every signal an instance stored, read from its database file as an auditor would. */
  async function storedSignals(instance: TestInstance, codes: string[]): Promise<Signal[]> {
    const file = path.join(instance.dataDir, `tenant-${codes.join('-')}`, 'service.db');
    const store = await openSqliteServiceStore({ file, masterKey: Buffer.from(dataKey, 'base64') });
    try {
      return (await store.signals.list({ municipalityCodes: codes, limit: 200 })).items;
    } finally {
      await store.close();
    }
  }

  it('serves the form with strict headers and never a cookie', async () => {
    const page = await getPage(hengelo.baseUrl, '/melden');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.html).toContain('<html lang="nl">');
    expect(page.html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
    expect(page.html).not.toMatch(/<style|\sstyle=/); // no inline style
    expect(page.html).toContain('0800-7000');
    expect(page.html).toContain('112');

    const css = await getPage(hengelo.baseUrl, '/melden/static/melden.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(css.headers.get('cache-control')).toBe('no-store');
  });

  it('offers the choice of municipality only on an instance that serves two', async () => {
    const single = await getPage(hengelo.baseUrl, '/melden');
    expect(single.html).not.toContain('name="municipality"');
    const shared = await getPage(twoMunicipalities.baseUrl, '/melden');
    expect(shared.html).toMatch(/<legend>Over welke gemeente gaat je melding\?<\/legend>/);
    expect(shared.html).toContain('id="municipality-1774"');
    expect(shared.html).toContain('id="municipality-0183"');
    expect(shared.html).toMatch(/<label for="municipality-0183">Tubbergen<\/label>/);
  });

  it('speaks English with ?lang=en or an English browser', async () => {
    for (const page of [
      await getPage(hengelo.baseUrl, '/melden?lang=en'),
      await getPage(hengelo.baseUrl, '/melden', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' }),
    ]) {
      expect(page.html).toContain('<html lang="en">');
      expect(page.html).toContain('Report a suspicion of subversive crime anonymously');
      expect(page.html).toContain('action="/melden?lang=en"');
    }
    const dutch = await getPage(hengelo.baseUrl, '/melden', { 'accept-language': 'fr-FR,nl;q=0.8,en;q=0.5' });
    expect(dutch.html).toContain('<html lang="nl">');
  });

  it('stores a report for the chosen municipality without any reporter and shows the receipt code once', async () => {
    const submissionId = await freshSubmissionId(twoMunicipalities.baseUrl);
    const page = await postPage(twoMunicipalities.baseUrl, '/melden', validReport(submissionId, { municipality: '0183', concernsMtContact: 'true' }));
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('no-store');
    const code = receiptCodeOf(page.html);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(referenceOf(page.html)).toMatch(/^TUB-\d{4}-\d{4}$/);
    expect(page.html).toContain('href="/melden/status?lang=nl"');
    expect(page.html).toMatch(/Schrijf deze code nu op/);

    const signals = await storedSignals(twoMunicipalities, ['1774', '0183']);
    const stored = signals.find((s) => s.reference === referenceOf(page.html));
    expect(stored).toMatchObject({
      municipalityCode: '0183',
      confidentiality: 'anonymous',
      reporter: null,
      department: null,
      category: 'vastgoed',
      concernsMtContact: true,
      content: { description: 'Twaalf mensen ingeschreven op een adres met twee kamers.', location: 'Dorpsstraat 1', period: 'sinds maart' },
    });
  });

  it('makes one signal of a form posted twice (same nonce) and does not show the code again', async () => {
    const submissionId = await freshSubmissionId(hengelo.baseUrl);
    const report = validReport(submissionId, { description: `Dubbel verstuurd formulier ${submissionId}` });
    const first = await postPage(hengelo.baseUrl, '/melden', report);
    const second = await postPage(hengelo.baseUrl, '/melden', report);
    expect(receiptCodeOf(first.html)).toBeDefined();
    expect(second.status).toBe(200);
    expect(receiptCodeOf(second.html)).toBeUndefined();
    expect(second.html).toContain('Deze melding was al verstuurd');
    const matching = (await storedSignals(hengelo, ['0164'])).filter((s) => s.content.description === report.description);
    expect(matching).toHaveLength(1);
  });

  it('gives an over-long text back with everything typed and the error next to the field', async () => {
    const submissionId = await freshSubmissionId(hengelo.baseUrl);
    const tooLong = `${'Wat ik zag & hoorde <op de balie>. '.repeat(130)}\nEinde.`;
    const report = validReport(submissionId, { description: tooLong, involved: 'Bedrijf "De Schuur" B.V.', concernsMtContact: 'true' });
    const before = (await storedSignals(hengelo, ['0164'])).length;
    const page = await postPage(hengelo.baseUrl, '/melden', report);

    expect(page.status).toBe(400);
    expect(page.html).toMatch(/<title>Fout: /);
    expect(page.html).toMatch(/<div class="error-summary"[^>]*tabindex="-1"/);
    expect(page.html).toMatch(/<a href="#description">Dit is te lang\. Gebruik maximaal 4000 tekens\. Je hebt er nu \d+\.<\/a>/);
    expect(page.html).toMatch(/<textarea id="description" name="description" required aria-describedby="description-hint description-error" aria-invalid="true"/);
    expect(fieldValue(page.html, 'description')).toBe(tooLong);
    expect(fieldValue(page.html, 'involved')).toBe('Bedrijf "De Schuur" B.V.');
    expect(fieldValue(page.html, 'location')).toBe('Dorpsstraat 1');
    expect(fieldValue(page.html, 'period')).toBe('sinds maart');
    expect(fieldValue(page.html, 'submissionId')).toBe(submissionId);
    expect(isChecked(page.html, 'category-vastgoed')).toBe(true);
    expect(isChecked(page.html, 'concernsMtContact')).toBe(true);
    expect((await storedSignals(hengelo, ['0164'])).length).toBe(before);
  });

  it.each([
    ['no category', { category: '' }, 'category', 'Kies waar je melding over gaat.'],
    ['a description that is too short', { description: 'kort' }, 'description', 'Schrijf op wat er is gebeurd, in minstens 10 tekens.'],
    ['neither date nor period', { period: '' }, 'occurredOn', 'Vul een datum of een periode in.'],
    ['both date and period', { occurredOn: '2026-01-05' }, 'period', 'Vul een datum óf een periode in, niet allebei.'],
    ['a date in the future', { period: '', occurredOn: '2999-01-01' }, 'occurredOn', 'De datum mag niet in de toekomst liggen.'],
  ])('refuses %s with a Dutch message at the field', async (_case, overrides, field, message) => {
    const submissionId = await freshSubmissionId(hengelo.baseUrl);
    const page = await postPage(hengelo.baseUrl, '/melden', validReport(submissionId, overrides));
    expect(page.status).toBe(400);
    expect(page.html).toContain(`<p class="field-error" id="${field}-error"><span class="visually-hidden">Fout: </span>${message.replace(/"/g, '&quot;')}</p>`);
  });

  it('refuses a municipality the instance does not serve, and asks for one when two are served', async () => {
    const cases = [
      { instance: twoMunicipalities, municipality: '0164', message: 'Deze gemeente kun je hier niet kiezen.' },
      { instance: twoMunicipalities, municipality: '', message: 'Kies de gemeente waar je melding over gaat.' },
      { instance: hengelo, municipality: '0153', message: 'Deze gemeente kun je hier niet kiezen.' },
    ];
    for (const { instance, municipality, message } of cases) {
      const submissionId = await freshSubmissionId(instance.baseUrl);
      const page = await postPage(instance.baseUrl, '/melden', validReport(submissionId, { municipality }));
      expect(page.status).toBe(400);
      expect(page.html).toContain(message);
      expect(receiptCodeOf(page.html)).toBeUndefined();
    }
    const all = await storedSignals(twoMunicipalities, ['1774', '0183', '0164']);
    expect(all.every((s) => s.municipalityCode === '1774' || s.municipalityCode === '0183')).toBe(true);
  });
});
