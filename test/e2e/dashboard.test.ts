import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from '../support/browser.js';
import { TeamsReporter, type SeedPerson } from '../support/teams-reporter.js';
import { startTopology } from '../support/topology.js';

const BASE_PORT = 6978;
const HENGELO = '0164';
const ENSCHEDE = '0153';
const XSS = '<img src=x onerror=alert(1)>';
/** Browser tests on a shared 2-core machine: a page, axe and a bot round trip take their time. */
const TEST_TIMEOUT = 90_000;
const DESCRIPTION = `Aanvrager betaalt leges steeds contant. ${XSS}`;

const people = (JSON.parse(readFileSync(new URL('../../shared/seed/people.json', import.meta.url), 'utf8')) as { people: SeedPerson[] }).people;
function personOf(code: string, role: string, onlyRole = false): SeedPerson {
  const person = people.find((p) => p.municipalityCode === code && p.roles.includes(role) && (!onlyRole || p.roles.length === 1));
  if (!person) throw new Error(`the seed has no ${role} in ${code}`);
  return person;
}
const reporterPerson = personOf(HENGELO, 'employee', true);
const hengeloMtContact = personOf(HENGELO, 'mt-contact');
const hengeloDeputy = personOf(HENGELO, 'mt-deputy');
const enschedeMtContact = personOf(ENSCHEDE, 'mt-contact');

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('signal dashboard in the local workbench (Chromium, real topology)', () => {
  let topology: Awaited<ReturnType<typeof startTopology>>;
  let browser: Browser;
  let reporter: TeamsReporter;
  let reference: string;

  /** The workbench signed in as `person`, with the dashboard's list loaded. */
  async function openDashboardAs(person: SeedPerson): Promise<{ page: Page; dialogs: string[] }> {
    const page = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${topology.hubUrl}/workbench?as=${encodeURIComponent(person.upn)}`);
    await page.getByRole('heading', { name: 'Signaaldashboard', exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: /signalen getoond/ }).waitFor();
    return { page, dialogs };
  }

  async function openSignal(page: Page): Promise<void> {
    await page.getByRole('button', { name: `Signaal ${reference} openen` }).click();
    await page.getByRole('dialog').getByTestId('signal-description').waitFor();
  }

  beforeAll(async () => {
    // `npm test` builds the workbench before vitest (gulp package); a single run of this file builds it here.
    execFileSync(process.execPath, [fileURLToPath(new URL('../../spfx/scripts/build-workbench.mjs', import.meta.url)), '--if-stale'], { stdio: 'ignore' });
    [topology, browser] = await Promise.all([startTopology(BASE_PORT, [HENGELO, ENSCHEDE]), launchChromium()]);
    const hengelo = topology.instances.find((i) => i.municipalityCodes.includes(HENGELO))!;
    reporter = await TeamsReporter.start(hengelo.baseUrl, hengelo.tenantId, reporterPerson);
    reference = await reporter.report({
      category: 'witwassen',
      description: DESCRIPTION,
      location: 'Stadhuis, balie vergunningen',
      occurredOn: '',
      period: 'sinds januari',
      involved: '',
      noticedHow: '',
      concernsMtContact: 'false',
      confidentiality: 'named',
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await reporter?.close();
    await topology?.stop();
  });

  it('is marked as the local development environment and linked from the hub home page', async () => {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/`);
    await page.getByRole('link', { name: 'Werkbank met de webonderdelen' }).click();
    await page.waitForURL('**/workbench');
    await expect(page.getByRole('note').first().textContent()).resolves.toMatch(/LOKALE ONTWIKKELOMGEVING/);
    await page.context().close();
  }, TEST_TIMEOUT);

  it("shows the Hengelo employee's signal to Hengelo's MT contact, its description as text, without axe violations", async () => {
    const { page, dialogs } = await openDashboardAs(hengeloMtContact);
    const row = page.locator('tr[data-signal-id]', { hasText: reference });
    await expect(row.textContent()).resolves.toMatch(/Witwassen.*Ontvangen.*Met naam/);
    expect(await axeViolations(page)).toEqual([]);

    await openSignal(page);
    const drawer = page.getByRole('dialog');
    expect(await drawer.getByTestId('signal-description').textContent()).toBe(DESCRIPTION);
    await expect(drawer.getByTestId('signal-reporter').textContent()).resolves.toContain(reporterPerson.displayName);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('lets the MT contact acknowledge it and ask the reporter a question that reaches the reporter in Teams', async () => {
    const { page, dialogs } = await openDashboardAs(hengeloMtContact);
    await openSignal(page);
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await drawer.getByText('Ontvangst bevestigen: gelukt.').waitFor();
    await drawer.locator('li[data-kind="status"]', { hasText: 'Status gewijzigd naar Ontvangst bevestigd' }).waitFor();

    const question = `Op welke dag was dat precies? (${Date.now()})`;
    await drawer.getByRole('button', { name: 'Vraag stellen aan de melder' }).click();
    await drawer.getByRole('textbox', { name: 'Bericht aan de melder' }).fill(question);
    await drawer.getByRole('button', { name: 'Opslaan' }).click();
    await drawer.getByText('Vraag stellen aan de melder: gelukt.').waitFor();
    await expect(drawer.locator('li[data-kind="message-to-reporter"]').last().textContent()).resolves.toContain(question);

    const delivered = await reporter.waitForText(question);
    expect(delivered.path).toContain(encodeURIComponent(`a:personal-${reporterPerson.objectId}`));

    await drawer.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await expect(page.locator('tr[data-signal-id]', { hasText: reference }).textContent()).resolves.toContain('Ontvangst bevestigd');
    expect(dialogs).toEqual([]);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('says "gewijzigd door iemand anders" when the signal changed since it was opened, and reloads it', async () => {
    const first = await openDashboardAs(hengeloMtContact);
    const second = await openDashboardAs(hengeloDeputy);
    await openSignal(first.page);
    await openSignal(second.page);

    const addNote = async (page: Page, text: string) => {
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('button', { name: 'Notitie toevoegen' }).click();
      await drawer.getByRole('textbox', { name: 'Notitie (alleen intern zichtbaar)' }).fill(text);
      await drawer.getByRole('button', { name: 'Opslaan' }).click();
    };
    await addNote(first.page, 'Eerste notitie van het aanspreekpunt.');
    await first.page.getByRole('dialog').getByText('Notitie toevoegen: gelukt.').waitFor();
    await addNote(second.page, 'Notitie op een verouderde versie.');
    const drawer = second.page.getByRole('dialog');
    await drawer.getByText('Gewijzigd door iemand anders, opnieuw laden.').waitFor();
    await drawer.getByRole('button', { name: 'Opnieuw laden' }).click();
    await drawer.locator('li[data-kind="note"]', { hasText: 'Eerste notitie van het aanspreekpunt.' }).waitFor();
    await first.page.context().close();
    await second.page.context().close();
  }, TEST_TIMEOUT);

  it('loads the management information only when asked, and downloads a CSV without the reporter', async () => {
    const { page } = await openDashboardAs(hengeloMtContact);
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(request.url()));
    expect(chunks.filter((url) => url.includes('InsightsPanel'))).toEqual([]);
    await page.getByRole('button', { name: 'Managementinformatie tonen' }).click();
    await page.getByText('Signalen per categorie', { exact: true }).first().waitFor();
    expect(chunks.some((url) => url.includes('/static/workbench/chunks/InsightsPanel'))).toBe(true);
    await expect(page.locator('dl dd').first().textContent()).resolves.toMatch(/^[1-9]\d*$/);
    // The charts' arrow-key navigation uses tabster's focus sentinels (aria-hidden <i tabindex=0> that
    // hand focus on); axe cannot know they redirect focus, so only they are left out of this scan.
    const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV downloaden' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(reference);
    expect(csv).not.toContain(reporterPerson.displayName);
    expect(csv).not.toContain(reporterPerson.upn);
    await page.context().close();
  }, TEST_TIMEOUT);

  it("does not show it to Enschede's MT contact, in the workbench nor through the API", async () => {
    const { page } = await openDashboardAs(enschedeMtContact);
    await page.getByText('Geen signalen', { exact: true }).waitFor();
    expect(await page.locator('tr[data-signal-id]', { hasText: reference }).count()).toBe(0);
    await page.context().close();

    const hengelo = topology.instances.find((i) => i.municipalityCodes.includes(HENGELO))!;
    const enschede = topology.instances.find((i) => i.municipalityCodes.includes(ENSCHEDE))!;
    const login = async (baseUrl: string, upn: string) =>
      ((await (await fetch(`${baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn }) })).json()) as { token: string }).token;
    const hengeloToken = await login(hengelo.baseUrl, hengeloMtContact.upn);
    const list = (await (await fetch(`${hengelo.baseUrl}/api/signals`, { headers: { authorization: `Bearer ${hengeloToken}` } })).json()) as { items: { id: string; reference: string }[] };
    const id = list.items.find((s) => s.reference === reference)?.id;
    expect(id).toBeDefined();
    const enschedeToken = await login(enschede.baseUrl, enschedeMtContact.upn);
    const response = await fetch(`${enschede.baseUrl}/api/signals/${id}`, { headers: { authorization: `Bearer ${enschedeToken}` } });
    expect(response.status).toBe(404);
  }, TEST_TIMEOUT);
});
