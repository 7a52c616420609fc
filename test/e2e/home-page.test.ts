import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from '../support/browser.js';
import { startTopology } from '../support/topology.js';

const BASE_PORT = 4978;

describe('local home page in Chromium', () => {
  let topology: Awaited<ReturnType<typeof startTopology>>;
  let browser: Browser;

  beforeAll(async () => {
    [topology, browser] = await Promise.all([startTopology(BASE_PORT), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await topology?.stop();
  });

  it('lists every instance as healthy and is marked as the local environment', async () => {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/`);
    await expect(page.locator('.local-banner').textContent()).resolves.toMatch(/LOKALE ONTWIKKELOMGEVING/);
    await page.waitForSelector('td[data-health]');
    const states = await page.locator('td[data-health]').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.health));
    expect(states).toHaveLength(13);
    expect(states.every((s) => s === 'ok')).toBe(true);
    await page.context().close();
  });

  it("reaches Hengelo's instance health from the home page", async () => {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/`);
    const row = page.locator('tr', { hasText: 'Hengelo (0164)' });
    await row.locator('td[data-health="ok"]').waitFor();
    await row.locator('a').click();
    const body = JSON.parse((await page.locator('body').textContent()) ?? '{}');
    expect(body).toMatchObject({ status: 'ok', municipalityCodes: ['0164'] });
    await page.context().close();
  });

  it('has an English version', async () => {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/local development environment/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.context().close();
  });

  it('has no accessibility violations (axe-core)', async () => {
    const page = await newPage(browser);
    await page.goto(`${topology.hubUrl}/`);
    await page.waitForSelector('td[data-health]');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.context().close();
  });
});
