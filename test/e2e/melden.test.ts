import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../../bot/test/support/instance-harness.js';
import { launchChromium, newPage } from '../support/browser.js';

/** Presses Tab until the element with `id` has focus, as a keyboard user would. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// axe-core and a real browser on a shared two-core machine: give each test room.
describe('anonymous web form in Chromium', { timeout: 180_000 }, () => {
  let instance: TestInstance;
  let browser: Browser;

  beforeAll(async () => {
    [instance, browser] = await Promise.all([startTestInstance({ codes: ['1774', '0183'] }), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('is filled in and sent by keyboard alone, and the receipt code opens the status page', async () => {
    const page = await newPage(browser);
    await page.goto(`${instance.baseUrl}/melden`);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, 'municipality-1774');
    await page.keyboard.press('ArrowDown'); // radio groups: arrows choose, Tab leaves the group
    await tabTo(page, 'category-drugs');
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
    await tabTo(page, 'description');
    await page.keyboard.type('Een schuur die elke nacht bezoek krijgt van busjes.');
    await expect(page.locator('#description-counter').textContent()).resolves.toContain('van de 4000 tekens');
    await tabTo(page, 'location');
    await page.keyboard.type('Hoofdweg, Tubbergen');
    await tabTo(page, 'period');
    await page.keyboard.type('sinds de zomer');
    await tabTo(page, 'concernsMtContact');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Melding versturen');
    await Promise.all([page.waitForURL('**/melden?lang=nl'), page.keyboard.press('Enter')]);

    await expect(page.locator('h1').textContent()).resolves.toBe('Je melding is verstuurd');
    const code = (await page.locator('#receipt-code').textContent()) ?? '';
    const reference = (await page.locator('.reference').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(reference).toMatch(/^TUB-/);
    expect(await page.context().cookies()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('a.button').focus();
    await Promise.all([page.waitForURL('**/melden/status?lang=nl'), page.keyboard.press('Enter')]);
    await tabTo(page, 'code');
    await page.keyboard.type(code);
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.locator('.status-label').waitFor();
    expect(page.url()).not.toContain(code);
    await expect(page.locator('.reference').textContent()).resolves.toBe(reference);
    await expect(page.locator('.status-label').textContent()).resolves.toBe('Ontvangen');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('returns an empty form with the error summary focused, every error linked to its field', async () => {
    const page = await newPage(browser);
    await page.goto(`${instance.baseUrl}/melden`);
    await tabTo(page, 'description');
    await page.keyboard.type('kort');
    await page.locator('button[type="submit"]').focus();
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.locator('#error-summary').waitFor();

    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await expect(page.locator('#description').inputValue()).resolves.toBe('kort');
    const links = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#municipality-1774', '#category-drugs', '#description', '#location', '#occurredOn']);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#error-summary a[href="#description"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('description');
    await page.context().close();
  });

  it('has an accessible English version and accessibility statement', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto(`${instance.baseUrl}/melden`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${instance.baseUrl}/melden/toegankelijkheid`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Accessibility statement');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${instance.baseUrl}/melden/toegankelijkheid?lang=nl`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Toegankelijkheidsverklaring');
    await page.context().close();
  });
});
