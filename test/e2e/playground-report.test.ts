import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from '../support/browser.js';
import { startTopologyWithPlaygrounds, waitForPlayground } from '../support/playground-topology.js';

const HENGELO = '0164';
const ENSCHEDE = '0153';
const BASE_PORT = 8978;
const EMPLOYEE_PLAYGROUND = 58150;
const MT_PLAYGROUND = 58151;
// A unique string in the description: it must reach the store, never a notification.
const MARKER = `Loods-${Date.now()}-afgeplakte-ramen`;

function bytesOfFolder(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) parts.push(bytesOfFolder(full));
    else parts.push(readFileSync(full));
  }
  return Buffer.concat(parts);
}

async function openChat(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 60_000 });
}

async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('reporting through the Agents Playground (Chromium)', () => {
  let topology: Awaited<ReturnType<typeof startTopologyWithPlaygrounds>>;
  let browser: Browser;

  beforeAll(async () => {
    [topology, browser] = await Promise.all([
      startTopologyWithPlaygrounds({
        basePort: BASE_PORT,
        only: [HENGELO, ENSCHEDE],
        playgrounds: [
          { label: 'employee', port: EMPLOYEE_PLAYGROUND, pick: (people) => people.find((p) => p.municipalityCode === HENGELO && p.roles.length === 1) },
          { label: 'mt-contact', port: MT_PLAYGROUND, pick: (people) => people.find((p) => p.municipalityCode === HENGELO && p.roles.includes('mt-contact')) },
        ],
      }),
      launchChromium(),
    ]);
    await Promise.all(topology.playgrounds.map((p) => waitForPlayground(p.url)));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await topology?.stop();
  });

  it('a Hengelo employee reports; the MT contact is notified without the content; Enschede holds nothing', async () => {
    // The MT contact has the app open, so the bot knows her conversation.
    const mtPage = await newPage(browser);
    await openChat(mtPage, `http://localhost:${MT_PLAYGROUND}/`);
    await mtPage.getByText(/meldpunt ondermijning/i).first().waitFor({ timeout: 60_000 });

    const employeePage = await newPage(browser);
    await openChat(employeePage, `http://localhost:${EMPLOYEE_PLAYGROUND}/`);
    await employeePage.getByText(/meldpunt ondermijning/i).first().waitFor({ timeout: 60_000 });
    await say(employeePage, 'melden');

    const card = employeePage.locator('.ac-adaptiveCard').filter({ has: employeePage.locator('textarea') }).last();
    await card.waitFor({ timeout: 60_000 });
    await card.locator('input[type="radio"]').first().check();
    const areas = card.locator('textarea');
    await areas.nth(0).fill(`${MARKER}: sterke wietlucht en een hoge stroomrekening bij de loods.`);
    await areas.nth(1).fill('Buitengebied Hengelo');
    await card.locator('input[type="text"]').nth(1).fill('sinds september');
    const radios = card.locator('input[type="radio"]');
    await radios.nth((await radios.count()) - 3).check(); // the first confidentiality choice: named
    await card.getByRole('button', { name: /send|versturen/i }).click();

    const reference = employeePage.getByText(/HGL-\d{4}-\d{4}/).last();
    await reference.waitFor({ timeout: 60_000 });
    const referenceText = /HGL-\d{4}-\d{4}/.exec((await reference.textContent()) ?? '')?.[0];
    expect(referenceText).toBeTruthy();

    const notification = mtPage.getByText(new RegExp(referenceText!)).last();
    await notification.waitFor({ timeout: 90_000 });
    const mtTranscript = (await mtPage.locator('body').textContent()) ?? '';
    expect(mtTranscript).toContain(referenceText!);
    expect(mtTranscript).not.toContain(MARKER);
    expect(mtTranscript).not.toContain('wietlucht');

    const enschede = topology.instances.find((i) => i.municipalityCodes.includes(ENSCHEDE))!;
    const enschedeBytes = bytesOfFolder(path.join(topology.dataDir, enschede.instanceId));
    expect(enschedeBytes.includes(Buffer.from(referenceText!))).toBe(false);
    expect(enschedeBytes.includes(Buffer.from(MARKER))).toBe(false);

    const mtEnschede = topology.people.find((p) => p.municipalityCode === ENSCHEDE && p.roles.includes('mt-contact'))!;
    const login = await fetch(`${enschede.baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: mtEnschede.upn }) });
    const { token } = (await login.json()) as { token: string };
    const list = await fetch(`${enschede.baseUrl}/api/signals`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await list.json()) as { items: { reference: string }[] };
    expect(body.items.map((s) => s.reference)).not.toContain(referenceText);
  }, 300_000);
});
