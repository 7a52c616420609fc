import type { Request, Response } from 'express';
import { languageOf, type Language } from '@weerbaar/shared';

/**
 * The service's plain information pages (privacy notice, "herkennen"): HTML without scripts
 * or inline styles, which the Content-Security-Policy allows neither of; Dutch first,
 * English with ?lang=en or an English browser.
 */

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** ?lang=nl|en first (a link can choose), then the browser's first language. */
export function pageLanguageOf(req: Request): Language {
  const query = req.query['lang'];
  if (query === 'en' || query === 'nl') return query;
  return languageOf(req.headers['accept-language']?.split(',')[0]);
}

/** A whole page around `body` (already HTML), titled with the escaped `title`. */
export function plainPageHtml(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/** Sends a page that is the same for everyone: cacheable for an hour. */
export function sendPlainPage(res: Response, language: Language, html: string): void {
  res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': language, 'Cache-Control': 'public, max-age=3600' }).send(html);
}
