import type { Language } from '@weerbaar/shared';
import { LAYOUT_TEXT } from './texts-pages.js';
import { withLang } from './language.js';

/** Escapes text for HTML content and double-quoted attribute values. */
export function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface PageFrame {
  lang: Language;
  title: string;
  /** Prefixes the title, so a screen reader hears at once that something needs fixing. */
  hasErrors?: boolean;
  /** Path the language switch points to; omitted on pages that must not be left by accident. */
  switchPath?: string;
  /** Names of the municipalities this instance serves, for the header. */
  municipalityNames: readonly string[];
  main: string;
}

/** The frame of every /melden page: one stylesheet, one deferred script, no inline code. */
export function renderPage(frame: PageFrame): string {
  const t = LAYOUT_TEXT[frame.lang];
  const other: Language = frame.lang === 'nl' ? 'en' : 'nl';
  const title = `${frame.hasErrors ? `${t.errorPrefix} ` : ''}${frame.title} – ${t.siteName}`;
  const switchLink = frame.switchPath
    ? `<p class="language-switch"><a href="${esc(withLang(frame.switchPath, other))}" lang="${other}" hreflang="${other}">${esc(LAYOUT_TEXT[other].languageName)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/melden/static/melden.css">
<script src="/melden/static/melden.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">${esc(t.skipLink)}</a>
<header class="site-header">
<p class="site-name">${esc(t.siteName)}<span class="municipalities">${esc(frame.municipalityNames.join(t.and))}</span></p>
${switchLink}
</header>
<main id="main" tabindex="-1">
${frame.main}
</main>
<footer class="site-footer">
<p>${esc(t.emergency)}</p>
<ul>
<li><a href="${esc(withLang('/melden', frame.lang))}">${esc(t.formLink)}</a></li>
<li><a href="${esc(withLang('/melden/status', frame.lang))}">${esc(t.statusLink)}</a></li>
<li><a href="${esc(withLang('/melden/toegankelijkheid', frame.lang))}">${esc(t.accessibilityLink)}</a></li>
</ul>
</footer>
</body>
</html>`;
}

