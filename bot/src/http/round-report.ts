import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_STATUS_LABELS,
  REQUIREMENT_IDS,
  ROUND_TYPE_LABELS,
  THEMES,
  languageOf,
  requirementsOfTheme,
  type AssessmentStatus,
  type Language,
  type RoundDto,
  type SubmissionDto,
} from '@weerbaar/shared';
import { esc } from '../hub/home-page.js';

/**
 * The printable report of one round for one municipality: served by the instance to its
 * secretary and by the hub to the district roles. Plain HTML with a print stylesheet, so
 * "Print" or "Save as PDF" in any browser gives the paper version; no script at all.
 */
export interface RoundReport {
  round: RoundDto;
  municipality: { code: string; name: string };
  submission: SubmissionDto | null;
}

const T = {
  nl: {
    title: 'Rapportage basis op orde',
    round: 'Meetronde',
    type: 'Soort',
    period: 'Periode',
    state: 'Stand',
    open: 'open: de resultaten kunnen nog veranderen',
    closed: (at: string) => `gesloten op ${at}: de resultaten liggen vast`,
    submitted: 'Ingediend',
    by: 'door',
    none: 'Voor deze gemeente is in deze ronde niets ingediend of vastgelegd.',
    summary: 'Samenvatting',
    theme: 'Thema',
    requirement: 'Eis',
    status: 'Status',
    print: 'Druk deze pagina af of bewaar hem als PDF met de afdrukfunctie van de browser (Ctrl+P).',
    confidential: 'Vertrouwelijk: alleen voor de gemeentesecretaris, de districtelijk coördinator en de uitvoeringsspecialist.',
  },
  en: {
    title: 'Basis op orde report',
    round: 'Round',
    type: 'Type',
    period: 'Period',
    state: 'State',
    open: 'open: the results may still change',
    closed: (at: string) => `closed on ${at}: the results are final`,
    submitted: 'Submitted',
    by: 'by',
    none: 'Nothing was submitted or recorded for this municipality in this round.',
    summary: 'Summary',
    theme: 'Theme',
    requirement: 'Requirement',
    status: 'Status',
    print: "Print this page or save it as a PDF with the browser's print function (Ctrl+P).",
    confidential: 'Confidential: for the municipal secretary, the district coordinator and the specialist only.',
  },
} as const;

const STYLE = `
body{font-family:"Segoe UI",Arial,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border:1px solid #8a8886;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f2f1}.status{white-space:nowrap;font-weight:600}
.voldaan{color:#0b6a0b}.deels{color:#8a5300}.niet-voldaan{color:#a4262c}.onbekend{color:#605e5c}
.note{background:#f3f2f1;padding:.5rem .75rem;border-left:4px solid #0f6cbd}
@media print{body{margin:0;max-width:none;font-size:10.5pt}.note.screen{display:none}
table{page-break-inside:auto}tr,h2{page-break-inside:avoid;page-break-after:avoid}th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:A4;margin:15mm}}`;

function date(iso: string, lang: Language): string {
  return new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
}

export function renderRoundReport(report: RoundReport, lang: Language, styleNonce: string): string {
  const t = T[lang];
  const { round, submission } = report;
  const statusOf = (id: (typeof REQUIREMENT_IDS)[number]): AssessmentStatus => submission?.statuses[id] ?? 'onbekend';
  const label = (status: AssessmentStatus) => ASSESSMENT_STATUS_LABELS[status][lang];
  const counts = ASSESSMENT_STATUSES.map((status) => `<li>${esc(label(status))}: ${REQUIREMENT_IDS.filter((id) => statusOf(id) === status).length}</li>`).join('');
  const themes = THEMES.map((theme) => {
    const rows = requirementsOfTheme(theme.id)
      .map((r) => `<tr><th scope="row">${esc(r.id)}</th><td>${esc(r.text[lang])}</td><td class="status ${statusOf(r.id)}">${esc(label(statusOf(r.id)))}</td></tr>`)
      .join('');
    return `<h2>${theme.id}. ${esc(theme.title[lang])}</h2>
<table><thead><tr><th scope="col">${t.requirement}</th><th scope="col">${lang === 'nl' ? 'Omschrijving' : 'Description'}</th><th scope="col">${t.status}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }).join('\n');
  const state = round.closedAt ? t.closed(date(round.closedAt, lang)) : t.open;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t.title}: ${report.municipality.name}, ${round.title}`)}</title><link rel="icon" href="data:,">
<style nonce="${esc(styleNonce)}">${STYLE}</style></head>
<body><main>
<h1>${esc(t.title)}: ${esc(report.municipality.name)}</h1>
<p class="note screen">${esc(t.print)}</p>
<dl>
<dt>${t.round}</dt><dd>${esc(round.title)}</dd>
<dt>${t.type}</dt><dd>${esc(ROUND_TYPE_LABELS[round.type][lang])}</dd>
<dt>${t.period}</dt><dd>${esc(round.periodStart)} – ${esc(round.periodEnd)}</dd>
<dt>${t.state}</dt><dd>${esc(state)}</dd>
${submission ? `<dt>${t.submitted}</dt><dd>${esc(date(submission.submittedAt, lang))} ${t.by} ${esc(submission.submittedBy)}</dd>` : ''}
</dl>
${submission ? `<h2>${t.summary}</h2><ul>${counts}</ul>\n${themes}` : `<p>${esc(t.none)}</p>`}
<p><small>${esc(t.confidential)}</small></p>
</main></body></html>`;
}

/** Sends the report with a CSP that allows only its own inline stylesheet. */
export function sendRoundReport(req: Request, res: Response, report: RoundReport): void {
  const query = req.query.lang;
  const lang: Language = query === 'en' || query === 'nl' ? query : languageOf(req.headers['accept-language']);
  const nonce = randomBytes(16).toString('base64');
  res
    .type('html')
    .set({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    })
    .send(renderRoundReport(report, lang, nonce));
}
