import type { Language } from '@weerbaar/shared';
import { esc } from './page-layout.js';
import { withLang } from './language.js';
import { ACCESSIBILITY_TEXT } from './texts-accessibility.js';
import { FAILURE_TEXT, LIMIT_TEXT, RECEIPT_TEXT } from './texts-pages.js';

/** Shown once after a new report: the reference and the receipt code, with what to do with it. */
export function renderReceiptMain(lang: Language, reference: string, receiptCode: string): string {
  const t = RECEIPT_TEXT[lang];
  return `<h1>${esc(t.title)}</h1>
<p>${esc(t.thanks)}</p>
<dl class="receipt">
<dt>${esc(t.reference)}</dt><dd class="reference">${esc(reference)}</dd>
<dt>${esc(t.codeTitle)}</dt><dd><code class="receipt-code" id="receipt-code">${esc(receiptCode)}</code></dd>
</dl>
<div class="notice">
<p><strong>${esc(t.writeDown)}</strong></p>
<p>${esc(t.whyCode)}</p>
<p>${esc(t.keepSafe)}</p>
</div>
<p>${esc(t.terms)}</p>
<p><a class="button" href="${esc(withLang('/melden/status', lang))}">${esc(t.statusLink)}</a></p>
<p><a href="${esc(withLang('/melden', lang))}">${esc(t.newReport)}</a></p>`;
}

/** The same form posted again: nothing new was made, and the code is not shown twice. */
export function renderDuplicateMain(lang: Language): string {
  const t = RECEIPT_TEXT[lang];
  return `<h1>${esc(t.duplicateTitle)}</h1>
<p>${esc(t.duplicate)}</p>
<p><a href="${esc(withLang('/melden/status', lang))}">${esc(t.statusLink)}</a></p>
<p><a href="${esc(withLang('/melden', lang))}">${esc(t.newReport)}</a></p>`;
}

/** Placed above the prefilled form when the municipality's window is spent. */
export function renderLimitNotice(lang: Language, forStatus: boolean): string {
  const t = LIMIT_TEXT[lang];
  return `<div class="notice notice-warning" id="limit-notice" tabindex="-1" aria-labelledby="limit-title" autofocus>
<h2 id="limit-title">${esc(t.title)}</h2>
<p>${esc(forStatus ? t.statusBody : t.body)}</p>
<p>${esc(t.alternative)}</p>
</div>`;
}

export function renderFailureMain(lang: Language, kind: 'internal' | 'too-large' | 'not-found'): string {
  const t = FAILURE_TEXT[lang];
  const body = kind === 'too-large' ? t.tooLarge : kind === 'not-found' ? t.notFound : t.body;
  return `<h1>${esc(t.title)}</h1>
<p>${esc(body)}</p>
<p><a href="${esc(withLang('/melden', lang))}">${esc(RECEIPT_TEXT[lang].newReport)}</a></p>`;
}

export function renderAccessibilityMain(lang: Language): string {
  const t = ACCESSIBILITY_TEXT[lang];
  const sections = t.sections.map(
    (s) => `<section>
<h2>${esc(s.heading)}</h2>
${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${s.list ? `<ul>${s.list.map((item) => `<li>${esc(item)}</li>`).join('\n')}</ul>` : ''}
</section>`,
  );
  return `<h1>${esc(t.title)}</h1>\n${sections.join('\n')}`;
}
