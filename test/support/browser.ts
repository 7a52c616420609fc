import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, driven by Playwright; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in a fresh context (own cookies and storage), in Dutch unless told otherwise. */
export async function newPage(browser: Browser, locale = 'nl-NL'): Promise<Page> {
  const context = await browser.newContext({ locale });
  return context.newPage();
}
