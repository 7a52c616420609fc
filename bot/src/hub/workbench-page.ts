import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { languageOf, type Language, type Person } from '@weerbaar/shared';
import { esc } from './home-page.js';
import type { InstanceDescriptor } from './instances.js';

/** Where spfx/scripts/build-workbench.mjs writes the bundle; the hub serves it under /static/workbench/. */
const BUNDLE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../static/workbench/workbench.js');

export const WORKBENCH_PATH = '/workbench';

export function workbenchBuilt(): boolean {
  return existsSync(BUNDLE_FILE);
}

const T = {
  nl: {
    title: 'Werkbank: Signaaldashboard (lokale ontwikkelomgeving)',
    banner: 'LOKALE ONTWIKKELOMGEVING: fictieve gegevens, geen Microsoft 365',
    noscript: 'De werkbank heeft JavaScript nodig.',
    missing: 'De werkbank is nog niet gebouwd. Start met `npm start`, of bouw hem met `node spfx/scripts/build-workbench.mjs`.',
  },
  en: {
    title: 'Workbench: Signal dashboard (local development environment)',
    banner: 'LOCAL DEVELOPMENT ENVIRONMENT: fictional data, no Microsoft 365',
    noscript: 'The workbench needs JavaScript.',
    missing: 'The workbench has not been built yet. Start with `npm start`, or build it with `node spfx/scripts/build-workbench.mjs`.',
  },
} as const;

/**
 * The page's CSP: scripts only from the hub itself (no inline script); styles from the hub and the
 * <style> elements Fluent UI's style engine creates, which carry this response's nonce; fetch only to
 * the hub and the local instances, which is where the fetch SignalsClient and /dev/login go.
 */
function workbenchCsp(instances: readonly InstanceDescriptor[], styleNonce: string): string {
  const connect = ["'self'", ...instances.flatMap((i) => [i.baseUrl, i.baseUrl.replace('//localhost:', '//127.0.0.1:')])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function renderWorkbenchPage(lang: Language, built: boolean, styleNonce: string): string {
  const t = T[lang];
  const body = built
    ? `<div id="workbench-root" data-style-nonce="${esc(styleNonce)}"><p class="local-banner" role="note">${esc(t.banner)}</p><noscript><p>${esc(t.noscript)}</p></noscript></div>
<script type="module" src="/static/workbench/workbench.js"></script>`
    : `<p class="local-banner" role="note">${esc(t.banner)}</p><main class="workbench-missing"><h1>${esc(t.title)}</h1><p>${esc(t.missing)}</p></main>`;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/static/workbench.css"></head>
<body>
${body}
</body></html>`;
}

/**
 * Local mode only: the workbench page (the dashboard's React components with the fetch client, see
 * spfx/src/workbench) and the people it can sign in as. Tokens come from each instance's /dev/login.
 */
export function mountWorkbench(app: Express, deps: { people: readonly Person[]; instances: readonly InstanceDescriptor[] }): void {
  // District people too: the basis-op-orde parts (Metingen, Twente-overzicht) sign them in at the hub.
  const people = deps.people
    .map((p) => ({ upn: p.upn, displayName: p.displayName, roles: p.roles, municipalityCode: p.municipalityCode }));

  app.get(WORKBENCH_PATH, (req, res) => {
    const lang = req.query.lang === 'en' ? 'en' : req.query.lang === 'nl' ? 'nl' : languageOf(req.headers['accept-language']);
    const styleNonce = randomBytes(18).toString('base64');
    res
      .type('html')
      .set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': workbenchCsp(deps.instances, styleNonce) })
      .send(renderWorkbenchPage(lang, workbenchBuilt(), styleNonce));
  });
  app.get(`${WORKBENCH_PATH}/people.json`, (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ people });
  });
}
