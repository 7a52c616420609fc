import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from '../support/browser.js';
import { startTopology } from '../support/topology.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BASE_PORT = 9278;
const PLAYGROUND_PORT = 59172;
const HENGELO = '0164';
const DEPARTMENT = 'Bestuur en Bedrijfsvoering';
/** A page, a playground, eight card round trips and axe on a shared 2-core machine. */
const TEST_TIMEOUT = 240_000;

interface SeedPerson {
  upn: string;
  displayName: string;
  objectId: string;
  municipalityCode: string | null;
  department: string | null;
  roles: string[];
  locale: string;
}
const hengeloOffset = (JSON.parse(readFileSync(path.join(root, 'shared/seed/municipalities.json'), 'utf8')) as { municipalities: { code: string; localPortOffset: number }[] }).municipalities.find(
  (m) => m.code === HENGELO,
)?.localPortOffset;
const people = (JSON.parse(readFileSync(path.join(root, 'shared/seed/people.json'), 'utf8')) as { people: SeedPerson[] }).people;
const find = (test: (p: SeedPerson) => boolean, what: string): SeedPerson => {
  const person = people.find(test);
  if (!person) throw new Error(`the seed has no ${what}`);
  return person;
};
// An employee of a department big enough (6) for the MT contact to see its figure.
const learner = find((p) => p.municipalityCode === HENGELO && p.department === DEPARTMENT && p.locale === 'nl-NL' && !p.roles.includes('mt-contact') && !p.roles.includes('department-head') && !p.roles.includes('app-admin'), 'learner');
const mtContact = find((p) => p.municipalityCode === HENGELO && p.roles.includes('mt-contact'), 'MT contact');
const appAdmin = find((p) => p.municipalityCode === HENGELO && p.roles.includes('app-admin'), 'app admin');

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The learning module end to end: an employee takes it in the Microsoft 365 Agents Playground
 * (typing "leren", answering every card in the playground's own UI), and the MT contact sees
 * the department's completion figure go up in the Bewustwording web part in the workbench.
 */
describe('learning module: Agents Playground and the Bewustwording web part (Chromium, real topology)', () => {
  let topology: Awaited<ReturnType<typeof startTopology>>;
  let browser: Browser;
  let playground: ChildProcess | undefined;
  let playgroundDir: string;

  async function departmentPercentage(page: Page): Promise<string> {
    const cell = page.locator(`tr[data-department="${DEPARTMENT}"] [data-role="percentage"]`);
    await cell.waitFor();
    return (await cell.textContent()) ?? '';
  }

  async function openView(): Promise<Page> {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/workbench?part=bewustwording&as=${encodeURIComponent(mtContact.upn)}`);
    await page.getByRole('heading', { name: 'Bewustwording', exact: true }).waitFor();
    return page;
  }

  beforeAll(async () => {
    // Something already answering on these ports would be tested instead of this topology.
    for (const port of [BASE_PORT, BASE_PORT + (hengeloOffset ?? 0), PLAYGROUND_PORT]) {
      const busy = await fetch(`http://localhost:${port}/`, { signal: AbortSignal.timeout(500) }).then(() => true, () => false);
      if (busy) throw new Error(`port ${port} is in use; stop what runs there first`);
    }
    execFileSync(process.execPath, [path.join(root, 'spfx/scripts/build-workbench.mjs'), '--if-stale'], { stdio: 'ignore' });
    [topology, browser] = await Promise.all([startTopology(BASE_PORT, [HENGELO]), launchChromium()]);
    const hengelo = topology.instances.find((i) => i.municipalityCodes.includes(HENGELO))!;

    // Recording is off until the app admin switches it on, with the works council's consent as basis.
    const login = await fetch(`${hengelo.baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: appAdmin.upn }) });
    const { token } = (await login.json()) as { token: string };
    const switched = await fetch(`${hengelo.baseUrl}/api/organisation/${HENGELO}/settings/learning-recording`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ enabled: true, basis: 'Instemming OR 12 maart 2026, kenmerk OR-2026-07' }),
    });
    expect(switched.status).toBe(200);

    // The playground as the learner. Its activities always carry locale en-US (hard-coded in the
    // playground), so the bot answers in English there; the Dutch dialog is tested over HTTP.
    const { playgroundConfigYaml } = (await import(path.join(root, 'bot/dist/local/playground-config.js'))) as {
      playgroundConfigYaml(person: SeedPerson, tenantId: string, people: SeedPerson[]): string;
    };
    playgroundDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-playground-'));
    writeFileSync(path.join(playgroundDir, '.m365agentsplayground.yml'), playgroundConfigYaml(learner, hengelo.tenantId, people));
    playground = spawn(
      path.join(root, 'node_modules/.bin/agentsplayground'),
      ['-e', `${hengelo.baseUrl}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
      // It exits when its stdin closes, so it gets a pipe that stays open.
      { cwd: playgroundDir, stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, BROWSER: 'none' } },
    );
    await waitForHttp(`http://localhost:${PLAYGROUND_PORT}/_internal/v1/config`, 60_000);
  }, 240_000);

  afterAll(async () => {
    if (playground && playground.exitCode === null) {
      const exited = new Promise((resolve) => playground?.once('exit', resolve));
      playground.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    await browser?.close();
    await topology?.stop();
    if (playgroundDir) rmSync(playgroundDir, { recursive: true, force: true });
  });

  it(
    'an employee completes the module in the playground, and the department figure goes up',
    async () => {
      const before = await openView();
      expect(await departmentPercentage(before)).toBe('0%');
      expect(await axeViolations(before)).toEqual([]);
      await before.close();

      const chat = await newPage(browser);
      await chat.setViewportSize({ width: 1280, height: 2000 });
      await chat.goto(`http://localhost:${PLAYGROUND_PORT}`);
      const compose = chat.locator('[contenteditable="true"][role="textbox"]');
      await compose.click();
      await compose.pressSequentially('leren');
      await compose.press('Enter');

      for (let question = 1; question <= 8; question += 1) {
        await chat.getByText(`Question ${question} of 8`, { exact: false }).first().waitFor({ timeout: 30_000 });
        // Only the open question card has answers to choose; answered cards were replaced by their feedback.
        const choice = chat.getByRole('radio').first();
        await choice.waitFor({ timeout: 30_000 });
        await choice.check();
        await chat.getByRole('button', { name: 'Answer', exact: true }).last().click();
        // The pressed card is replaced in place by its feedback.
        await chat.getByText('Why?', { exact: true }).nth(question - 1).waitFor({ timeout: 30_000 });
      }
      await chat.getByText('Done!', { exact: false }).first().waitFor({ timeout: 30_000 });
      await chat.getByText('How to report a signal').first().waitFor();
      await chat.getByText('0800-7000', { exact: false }).first().waitFor();
      await chat.close();

      const after = await openView();
      // One of six people in the department.
      expect(await departmentPercentage(after)).toBe('17%');
      expect(await axeViolations(after)).toEqual([]);
      await after.close();
    },
    TEST_TIMEOUT,
  );
});
