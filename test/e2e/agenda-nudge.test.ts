import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, createWorkingDayCalendar, zonedDateTimeToInstant } from '@weerbaar/shared';
import { launchChromium, newPage } from '../support/browser.js';

/**
 * The yearly agenda nudge end to end: the real topology for Hengelo (hub and instance, from
 * bot/dist) with one Agents Playground as a head of department, Chromium on the playground
 * and on the hub's workbench. Moving the instance's clock into the first window sends the
 * nudge; "Besproken op" updates the card in place; the web part and requirement 1a follow.
 * Run `npx tsc -b shared bot` first.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const BASE_PORT = 7478;
const PLAYGROUND_PORT = 7560;
const HENGELO = '0164';
const DEPARTMENT = 'Bestuur en Bedrijfsvoering';
const TEST_TIMEOUT = 120_000;
const calendar = createWorkingDayCalendar();

interface SeedPerson {
  upn: string;
  displayName: string;
  municipalityCode: string | null;
  roles: string[];
}
interface Topology {
  hubUrl: string;
  instances: { baseUrl: string; municipalityCodes: string[] }[];
  stop(): Promise<void>;
}

const people = (JSON.parse(readFileSync(path.join(root, 'shared/seed/people.json'), 'utf8')) as { people: SeedPerson[] }).people;
const head = people.find((p) => p.municipalityCode === HENGELO && p.roles.includes('department-head') && p.displayName === 'Frank Blokhuis')!;
const mtContact = people.find((p) => p.municipalityCode === HENGELO && p.roles.includes('mt-contact'))!;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Input.Date in the playground is Fluent's date picker: a read-only field with a calendar that
 * opens on the browser's month. Step the months to the wanted one, then press its day.
 */
async function pickDate(page: Page, field: Locator, date: string): Promise<void> {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wanted = year * 12 + month - 1;
  await field.click();
  const header = page.locator('.fui-CalendarDay__monthAndYear');
  for (let step = 0; step < 60; step += 1) {
    const [shownMonth = '', shownYear = ''] = ((await header.getAttribute('aria-label')) ?? '').split(' ');
    const shown = Number(shownYear) * 12 + MONTHS.indexOf(shownMonth);
    if (shown === wanted) break;
    await page.locator(`button[title^="${shown > wanted ? 'Previous' : 'Next'} month"]`).click();
  }
  await page.getByRole('button', { name: `${day}, ${MONTHS[month - 1]}, ${year}`, exact: true }).click();
}

async function json<T>(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

describe('agenda nudge in the Agents Playground (Chromium, real topology)', () => {
  let topology: Topology;
  let browser: Browser;
  let instanceUrl: string;
  let workDir: string;
  let playground: Page;

  const setClock = (date: string, time: string) =>
    json(`${instanceUrl}/dev/clock`, { method: 'POST', body: { now: zonedDateTimeToInstant(date, time, 'Europe/Amsterdam').toISOString() } });
  const login = async (upn: string) => (await json<{ token: string }>(`${instanceUrl}/dev/login`, { method: 'POST', body: { upn } })).token;
  const requirement1a = async () =>
    (await json<{ items: { status: string; discussedWithinYear: number }[] }>(`${instanceUrl}/api/agenda/requirement-1a`, { token: await login(mtContact.upn) })).items[0];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'spfx/scripts/build-workbench.mjs'), '--if-stale'], { stdio: 'ignore' });
    const { launchTopology } = (await import(path.join(root, 'bot/dist/local/launch-topology.js'))) as { launchTopology(options: object): Promise<Topology> };
    const { loadSeed } = (await import(path.join(root, 'bot/dist/seed/load-seed.js'))) as { loadSeed(dir: null): { municipalities: object[]; people: SeedPerson[] } };
    const seed = loadSeed(null);
    workDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-agenda-e2e-'));
    [topology, browser] = await Promise.all([
      launchTopology({
        basePort: BASE_PORT,
        dataDir: workDir,
        municipalities: seed.municipalities,
        people: seed.people,
        only: [HENGELO],
        logLevel: 'warn',
        stdio: 'ignore',
        playgrounds: [{ label: 'head', person: seed.people.find((p) => p.upn === head.upn), port: PLAYGROUND_PORT, workDir: path.join(workDir, 'playground') }],
        playgroundBin: path.join(root, 'node_modules/.bin/agentsplayground'),
      }),
      launchChromium(),
    ]);
    instanceUrl = topology.instances.find((i) => i.municipalityCodes.includes(HENGELO))!.baseUrl;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await topology?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('the head gets the nudge, records "besproken" on the card in place, and the web part and requirement 1a follow', async () => {
    const playgroundUrl = `http://localhost:${PLAYGROUND_PORT}`;
    // The playground shows what arrives while its page is open: open it first.
    playground = await newPage(browser);
    await playground.goto(playgroundUrl);
    await playground.getByText(/Hallo! Ik ben het meldpunt/).first().waitFor({ timeout: 60_000 });
    const config = await json<{ config: { personalChat: { id: string } } }>(`${playgroundUrl}/_internal/v1/config`);
    const chat = encodeURIComponent(config.config.personalChat.id);
    await json(`${playgroundUrl}/_conversation/v1/conversations/${chat}/messages`, {
      method: 'POST',
      body: { from: { id: 'user-id-0' }, text: 'hallo', textFormat: 'plain' },
    });

    // Where the department's cycle stands: the first window opens six weeks before its due date.
    const overview = await json<{ departments: { departmentId: string; name: string; dueDate: string }[] }>(`${instanceUrl}/api/agenda`, { token: await login(mtContact.upn) });
    const department = overview.departments.find((d) => d.name === DEPARTMENT)!;
    const windowDay = calendar.nextWorkingDay(addCalendarDays(department.dueDate, -42));
    await setClock(windowDay, '08:00');
    const mtToken = await login(mtContact.upn);
    for (const other of overview.departments.filter((d) => d.name !== DEPARTMENT)) {
      await json(`${instanceUrl}/api/agenda/${other.departmentId}/registrations`, { method: 'POST', token: mtToken, body: { kind: 'besproken', date: addCalendarDays(windowDay, -3) } });
    }
    expect(await requirement1a()).toMatchObject({ status: 'deels', discussedWithinYear: 4 });

    await setClock(windowDay, '09:31');
    const card = playground.locator('.ac-adaptiveCard').filter({ hasText: `Ondermijning op de agenda van ${DEPARTMENT}` });
    await card.first().waitFor({ timeout: 30_000 });
    expect(await card.count()).toBe(1);
    await card.getByRole('button', { name: 'Besproken op…' }).click();
    await pickDate(playground, card.locator('input[role="combobox"]'), windowDay);
    await card.getByRole('spinbutton').fill('9');
    await card.locator('button:visible', { hasText: 'Opslaan' }).click();

    await card.getByText(/Besproken op .*: geregistreerd, dank je wel!/).waitFor({ timeout: 30_000 });
    expect(await playground.locator('.ac-adaptiveCard').filter({ hasText: `Ondermijning op de agenda van ${DEPARTMENT}` }).count()).toBe(1);
    await expect(card.getByRole('button', { name: 'Besproken op…' }).count()).resolves.toBe(0);

    const workbench = await newPage(browser);
    await workbench.goto(`${topology.hubUrl}/workbench?lang=nl&part=afdelingsagenda&as=${encodeURIComponent(head.upn)}`);
    const row = workbench.locator(`tr[data-department="${DEPARTMENT}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect(row.locator('[data-state]').getAttribute('data-state')).resolves.toBe('op-tijd');
    await expect(row.textContent()).resolves.toContain('Op tijd');
    expect(await workbench.locator('tr[data-department]').count()).toBe(1);

    expect(await requirement1a()).toMatchObject({ status: 'voldaan', discussedWithinYear: 5 });
  }, TEST_TIMEOUT);

  it('the MT contact sees every department in the web part and plans one by hand, accessibly', async () => {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/workbench?lang=nl&part=afdelingsagenda&as=${encodeURIComponent(mtContact.upn)}`);
    const section = page.locator('section[aria-labelledby="afdelingsagenda-heading"]');
    await section.locator('tr[data-department]').first().waitFor({ timeout: 30_000 });
    expect(await section.locator('tr[data-department]').count()).toBe(5);
    const results = await new AxeBuilder({ page }).include('section[aria-labelledby="afdelingsagenda-heading"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    const today = (await json<{ today: string }>(`${instanceUrl}/api/agenda`, { token: await login(mtContact.upn) })).today;
    const planned = addCalendarDays(today, 10);
    await section.getByRole('button', { name: 'Gesprek registreren voor Vergunningen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Ingepland' }).check();
    await dialog.getByLabel('Datum').fill(planned);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Geregistreerd voor Vergunningen.' }).waitFor();
    await expect(section.locator('tr[data-department="Vergunningen"]').textContent()).resolves.toMatch(/ingepland op/);
  }, TEST_TIMEOUT);
});
