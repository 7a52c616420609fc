import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from '../support/browser.js';
import { startTopology } from '../support/topology.js';

const BASE_PORT = 5478;
const BORNE = '0147';
const TEST_TIMEOUT = 120_000;
const REQUIREMENTS = ['1a', '1b', '1c', '1d', '2a', '2b', '2c', '2d', '2e', '3a', '3b', '3c', '3d', '3e', '3f', '3g', '4a', '4b', '4c', '5a'];

interface SeedPerson {
  upn: string;
  municipalityCode: string | null;
  roles: string[];
}
const people = (JSON.parse(readFileSync(new URL('../../shared/seed/people.json', import.meta.url), 'utf8')) as { people: SeedPerson[] }).people;
const municipalities = (JSON.parse(readFileSync(new URL('../../shared/seed/municipalities.json', import.meta.url), 'utf8')) as { municipalities: { code: string; name: string }[] }).municipalities;
const personOf = (code: string | null, role: string): SeedPerson => {
  const person = people.find((p) => p.municipalityCode === code && p.roles.includes(role));
  if (!person) throw new Error(`the seed has no ${role} in ${code}`);
  return person;
};
const borneMtContact = personOf(BORNE, 'mt-contact');
const borneSecretary = personOf(BORNE, 'secretary');
const coordinator = personOf(null, 'district-coordinator');
const dvoMember = personOf(null, 'dvo');
const otherMunicipalities = municipalities.filter((m) => m.code !== BORNE);
const statuses = (pick: (id: string, index: number) => string) => Object.fromEntries(REQUIREMENTS.map((id, index) => [id, pick(id, index)]));

/**
 * Basis op orde end to end in Chromium, on the real multi-process topology (hub and
 * thirteen instances): the checklist in the workbench, the self-scan from it, the district
 * coordinator closing the round, who sees which results, the Twente-wide outcome, two
 * rounds compared, the learning module's bands (per municipality for the district
 * coordinator, Twente-wide for the DVO), and axe on every web part.
 */
describe('basis op orde in the local workbench (Chromium, real topology)', () => {
  let topology: Awaited<ReturnType<typeof startTopology>>;
  let browser: Browser;
  let firstRound: string;
  let secondRound: string;
  const tokens = new Map<string, string>();

  const baseUrlOf = (code: string | null) =>
    code === null ? topology.hubUrl : topology.instances.find((i) => i.municipalityCodes.includes(code))!.baseUrl;
  async function call(person: SeedPerson, method: string, route: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const base = baseUrlOf(person.municipalityCode);
    if (!tokens.has(person.upn)) {
      const login = await fetch(`${base}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: person.upn }) });
      tokens.set(person.upn, ((await login.json()) as { token: string }).token);
    }
    const res = await fetch(`${base}${route}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(person.upn)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }
  const openRound = async (title: string) => {
    const res = await call(coordinator, 'POST', '/api/hub/rounds', { type: 'zelfscan', title, periodStart: '2027-01-04', periodEnd: '2027-01-29' });
    expect(res.status).toBe(201);
    return String(res.body.id);
  };
  const submit = async (code: string, roundId: string, body: unknown) => {
    const res = await call(personOf(code, 'secretary'), 'POST', `/api/rounds/${roundId}/submission`, body);
    expect(res.status, code).toBe(201);
  };

  async function openPart(part: string, upn: string): Promise<Page> {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/workbench?lang=nl&part=${part}&as=${encodeURIComponent(upn)}`);
    return page;
  }
  async function axe(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }
  const mainText = (page: Page) => page.locator('main').innerText();

  beforeAll(async () => {
    execFileSync(process.execPath, [fileURLToPath(new URL('../../spfx/scripts/build-workbench.mjs', import.meta.url)), '--if-stale'], { stdio: 'ignore' });
    [topology, browser] = await Promise.all([startTopology(BASE_PORT), launchChromium()]);
    // An earlier, closed self-scan of every municipality, to compare with and to give the DVO an outcome.
    firstRound = await openRound('Zelfscan januari 2026');
    await submit(BORNE, firstRound, { statuses: statuses(() => 'niet-voldaan') });
    for (const { code } of otherMunicipalities) await submit(code, firstRound, { statuses: statuses((_id, i) => (i % 3 === 0 ? 'deels' : 'voldaan')) });
    expect((await call(coordinator, 'POST', `/api/hub/rounds/${firstRound}/close`)).status).toBe(200);
    // This year's self-scan: the other thirteen submit through their own instances.
    secondRound = await openRound('Zelfscan januari 2027');
    for (const { code } of otherMunicipalities) await submit(code, secondRound, { statuses: statuses(() => 'voldaan') });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await topology?.stop();
  });

  it("lets Borne's MT contact update the checklist: status, explanation, evidence, an action, and the history shows it", async () => {
    const page = await openPart('basisoporde', borneMtContact.upn);
    await page.getByTestId('status-3d').waitFor();
    await expect(page.getByTestId('status-1c').innerText()).resolves.toMatch(/Voldaan[\s\S]*Afgeleid/);
    expect(await mainText(page)).toContain('Afgeleid uit het ingestelde MT-aanspreekpunt ondermijning');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Eis 3d bewerken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Status').selectOption('voldaan');
    await dialog.getByLabel('Toelichting').fill('Het Bibob-beleid is in 2026 herzien en door de raad vastgesteld.');
    await dialog.getByLabel('Eigenaar').fill('Noor Olthof');
    await dialog.getByRole('button', { name: 'Bewijs toevoegen' }).click();
    await dialog.getByLabel('Titel').fill('Bibob-beleidslijn 2026');
    await dialog.getByLabel('Link (https://…)').fill('https://borne.sharepoint.example/bibob-2026.pdf');
    await dialog.getByRole('button', { name: 'Verbeteractie toevoegen' }).click();
    await dialog.getByLabel('Wat').fill('Evaluatie plannen');
    await dialog.getByLabel('Uiterlijk').fill('2027-06-30');
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await dialog.getByRole('button', { name: 'Geschiedenis tonen' }).click();
    await expect(dialog.getByTestId('checklist-history').innerText()).resolves.toContain('Status: van \u201cOnbekend\u201d naar \u201cVoldaan\u201d');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(page.getByTestId('status-3d').innerText()).resolves.toContain('Voldaan');
    await page.context().close();
  }, TEST_TIMEOUT);

  it("lets Borne's secretary read the checklist only, and submit the self-scan from it", async () => {
    const checklist = await openPart('basisoporde', borneSecretary.upn);
    await checklist.getByTestId('status-3d').waitFor();
    expect(await mainText(checklist)).toContain('Alleen het MT-aanspreekpunt en de functioneel beheerder wijzigen hem.');
    await checklist.context().close();

    const page = await openPart('metingen', borneSecretary.upn);
    const row = page.getByTestId('municipality-rounds').getByRole('row').filter({ hasText: 'Zelfscan januari 2027' });
    await row.getByRole('button', { name: 'Zelfscan indienen vanuit de werklijst' }).click();
    await page.getByRole('status').filter({ hasText: 'De zelfscan is ingediend.' }).waitFor();
    await expect(row.innerText()).resolves.toMatch(/Ingediend op/);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('shows the district coordinator all fourteen submissions and lets her close the round', async () => {
    const page = await openPart('metingen', coordinator.upn);
    await page.getByRole('button', { name: 'Resultaten van Zelfscan januari 2027' }).click();
    await page.getByRole('status').filter({ hasText: '14 van 14 gemeenten hebben resultaten' }).waitFor();
    const results = await page.getByTestId('round-results').innerText();
    for (const { name } of municipalities) expect(results).toContain(name);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ronde sluiten' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ronde sluiten' }).click();
    await page.getByText('De ronde is gesloten; de resultaten liggen vast.').waitFor();
    const closed = await call(coordinator, 'GET', `/api/hub/rounds/${secondRound}/results`);
    expect((closed.body.round as { status: string }).status).toBe('closed');
    await page.context().close();
  }, TEST_TIMEOUT);

  it("shows Borne's secretary Borne's results and no other, compares two rounds and prints the report", async () => {
    const page = await openPart('metingen', borneSecretary.upn);
    const table = page.getByTestId('municipality-rounds');
    await table.waitFor();
    const text = await mainText(page);
    for (const { name } of otherMunicipalities) expect(text).not.toContain(name);
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    const comparison = page.getByTestId('round-comparison');
    await expect(comparison.getByRole('row').filter({ hasText: /^3d/ }).innerText()).resolves.toMatch(/Niet voldaan\s+Voldaan\s+Beter/);
    expect(await axe(page)).toEqual([]);

    const row = table.getByRole('row').filter({ hasText: 'Zelfscan januari 2027' });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Rapport downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe('rapportage-borne-zelfscan-januari-2027.html');
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('Rapportage basis op orde: Borne');
    expect(html).toContain('@media print');
    await page.context().close();
  }, TEST_TIMEOUT);

  it("shows Borne's MT contact no round results", async () => {
    const page = await openPart('metingen', borneMtContact.upn);
    await page.getByRole('alert').filter({ hasText: 'Je hebt geen toestemming voor deze handeling.' }).waitFor();
    expect(await page.getByTestId('municipality-rounds').count()).toBe(0);
    expect(await mainText(page)).not.toMatch(/Ingediend op/);
    await page.context().close();
  }, TEST_TIMEOUT);

  it("shows the district coordinator each municipality's learning band: all fourteen, recording off by default", async () => {
    const page = await openPart('metingen', coordinator.upn);
    await page.getByRole('heading', { name: 'Bewustwording per gemeente', exact: true }).waitFor();
    const table = page.getByTestId('learning-bands');
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(municipalities.length + 1);
    // Every instance reports "recording off" shortly after it starts; one that has not reported yet shows as such.
    for (const { name } of municipalities) {
      await expect(rows.filter({ hasText: name }).innerText()).resolves.toMatch(/registratie staat uit|nog niet gemeld/);
    }
    expect(await table.innerText()).not.toMatch(/\d+%/);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('shows a DVO member only the Twente-wide outcome and awareness, without any municipality, and no round results', async () => {
    const page = await openPart('twenteoverzicht', dvoMember.upn);
    await page.getByRole('heading', { name: 'Twente-overzicht', exact: true }).waitFor();
    await page.getByTestId('outcome-theme-5').waitFor();
    await page.getByRole('heading', { name: 'Bewustwording in Twente', exact: true }).waitFor();
    const learning = page.getByTestId('learning-outcome');
    await learning.waitFor();
    // Recording is off everywhere, so no municipality has a current figure and none reaches a threshold.
    for (const percent of [25, 50, 75]) {
      await expect(learning.getByRole('row').filter({ hasText: `minstens ${percent}% van de medewerkers` }).innerText()).resolves.toMatch(
        /geen of bijna geen gemeenten/
      );
    }
    expect(await learning.getByRole('row').count()).toBe(4);
    await expect(page.getByTestId('learning-reporting').innerText()).resolves.toBe('Gemeenten met een actueel cijfer: geen of bijna geen gemeenten');
    const text = await mainText(page);
    expect(text).toMatch(/Twente als geheel heeft de basis (nog niet )?op orde\./);
    expect(text).toContain('alle of bijna alle gemeenten');
    expect(text).toContain('Dit overzicht noemt geen gemeente en geen persoon.');
    for (const { name } of municipalities) expect(text).not.toContain(name);
    expect(await axe(page)).toEqual([]);
    await page.context().close();

    const rounds = await openPart('metingen', dvoMember.upn);
    await rounds.getByRole('button', { name: 'Resultaten van Zelfscan januari 2027' }).click();
    await rounds.getByRole('alert').filter({ hasText: 'Je hebt geen toestemming voor deze handeling.' }).waitFor();
    expect(await rounds.getByTestId('round-results').count()).toBe(0);
    // The band per municipality is for the district coordinator and the specialist: the section stays away.
    await rounds.waitForLoadState('networkidle');
    expect(await rounds.getByRole('heading', { name: 'Bewustwording per gemeente' }).count()).toBe(0);
    const roundsText = await mainText(rounds);
    for (const { name } of municipalities) expect(roundsText).not.toContain(name);
    await rounds.context().close();
  }, TEST_TIMEOUT);
});
