import { Router } from 'express';
import { CATEGORIES, type Language } from '@weerbaar/shared';
import { escapeHtml, pageLanguageOf, plainPageHtml, sendPlainPage } from './plain-page.js';

/**
 * "Herkennen": the examples of signs of ondermijning per category, the page the agenda
 * nudge links to so a department can go through them in its meeting. Plain HTML without
 * scripts or inline styles (the Content-Security-Policy allows neither), Dutch first,
 * English with ?lang=en or an English browser.
 */
const CONTENT: Record<Language, { title: string; intro: string; report: string; other: string }> = {
  nl: {
    title: 'Signalen van ondermijning herkennen',
    intro: 'Voorbeelden uit het dagelijkse werk van de gemeente. Herken je iets? Meld het via het meldpunt in Teams of anoniem via het webformulier.',
    report: 'Melden kan met naam, vertrouwelijk of anoniem. Bij direct gevaar: bel 112.',
    other: 'English version: add ?lang=en to this address.',
  },
  en: {
    title: 'Recognising signs of ondermijning (subversive crime)',
    intro: 'Examples from the daily work of the municipality. Recognise something? Report it through the reporting point in Teams or anonymously through the web form.',
    report: 'You can report with your name, confidentially or anonymously. In immediate danger: call 112.',
    other: 'Nederlandse versie: dit adres zonder ?lang=en.',
  },
};

export function recognitionPageHtml(language: Language): string {
  const c = CONTENT[language];
  const sections = CATEGORIES.map(
    (category) =>
      `<h2>${escapeHtml(category.label[language])}</h2>\n<p>${escapeHtml(category.hint[language])}</p>\n<ul>\n${category.examples
        .map((example) => `<li>${escapeHtml(example[language])}</li>`)
        .join('\n')}\n</ul>`,
  ).join('\n');
  const form = `<a href="/melden${language === 'en' ? '?lang=en' : ''}">${language === 'nl' ? 'Anoniem webformulier' : 'Anonymous web form'}</a>`;
  return plainPageHtml(language, c.title, `<p>${escapeHtml(c.intro)}</p>\n${sections}\n<p>${escapeHtml(c.report)}</p>\n<p>${form}</p>\n<p>${escapeHtml(c.other)}</p>`);
}

export function recognitionRoutes(): Router {
  const router = Router();
  router.get('/herkennen', (req, res) => {
    const language = pageLanguageOf(req);
    sendPlainPage(res, language, recognitionPageHtml(language));
  });
  return router;
}
