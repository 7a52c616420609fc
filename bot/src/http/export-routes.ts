import type { Request, RequestHandler, Response } from 'express';
import {
  decide,
  dutchDateOf,
  ForbiddenError,
  municipalitiesFor,
  parseInput,
  signalListQuerySchema,
  signalQueryFilters,
  signalResourceOf,
  signalScope,
  toSignalSummary,
  ValidationError,
  type Signal,
  type SignalSummaryDto,
} from '@weerbaar/shared';
import { actorOf } from './authenticate.js';
import { toCsv, UTF8_BOM, type CsvValue } from './csv.js';
import { languageOfRequest } from './errors.js';
import { auditMunicipalityRead, type SignalsApiDeps } from './signals-api-support.js';

/**
 * GET /api/signals/export.csv: the filtered signals as a spreadsheet for the accountable
 * MT members. Never the reporter (no name, UPN or object id); the department only where
 * the reporter chose to be named; not who else is involved or how the reporter noticed,
 * which could point at the reporter. Every cell is neutralised against formula injection.
 */
const PAGE = 200;
/** An export larger than this must be narrowed by period (a full history is not a working copy). */
export const MAX_EXPORT_ROWS = 20_000;

const COLUMNS: { header: { nl: string; en: string }; value: (signal: Signal, summary: SignalSummaryDto) => CsvValue }[] = [
  { header: { nl: 'Referentie', en: 'Reference' }, value: (s) => s.reference },
  { header: { nl: 'Gemeente', en: 'Municipality' }, value: (s) => s.municipalityCode },
  { header: { nl: 'Categorie', en: 'Category' }, value: (s) => s.category },
  { header: { nl: 'Status', en: 'Status' }, value: (s) => s.status },
  { header: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' }, value: (s) => s.confidentiality },
  { header: { nl: 'Afdeling melder', en: "Reporter's department" }, value: (_s, summary) => summary.department },
  { header: { nl: 'Ontvangen', en: 'Received' }, value: (s) => s.receivedAt },
  { header: { nl: 'Ontvangst bevestigd', en: 'Acknowledged' }, value: (s) => s.acknowledgedAt },
  { header: { nl: 'Afgesloten', en: 'Closed' }, value: (s) => s.closedAt },
  { header: { nl: 'Uitkomst', en: 'Outcome' }, value: (s) => s.outcome },
  { header: { nl: 'Toegewezen aan', en: 'Assigned to' }, value: (s) => s.assignedTo },
  { header: { nl: 'Bevestigen uiterlijk', en: 'Acknowledge by' }, value: (_s, summary) => summary.acknowledgeBy },
  { header: { nl: 'Terugkoppelen uiterlijk', en: 'Feedback by' }, value: (_s, summary) => summary.feedbackBy },
  { header: { nl: 'Datum voorval', en: 'Occurred on' }, value: (s) => s.content.occurredOn ?? s.content.period },
  { header: { nl: 'Locatie', en: 'Location' }, value: (s) => s.content.location },
  { header: { nl: 'Omschrijving', en: 'Description' }, value: (s) => s.content.description },
];

export function exportCsvHandler(deps: SignalsApiDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const actor = actorOf(res);
    const query = parseInput(signalListQuerySchema, req.query);
    const codes = municipalitiesFor(actor, 'signal.list', deps.servedMunicipalities);
    const scope = signalScope(actor, 'signal.export', codes);
    if (!scope) throw new ForbiddenError('role may not export signals');
    const now = deps.clock.now();
    const filters = signalQueryFilters(query, now);
    const exported: Signal[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.store.signals.list({
        ...filters,
        municipalityCodes: scope.municipalityCodes,
        ...(scope.concernsMtContact !== undefined ? { concernsMtContact: scope.concernsMtContact } : {}),
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      exported.push(...page.items.filter((signal) => decide(actor, 'signal.export', signalResourceOf(signal)).allowed));
      if (exported.length > MAX_EXPORT_ROWS) {
        throw new ValidationError(`An export holds at most ${MAX_EXPORT_ROWS} signals; choose a shorter period.`, 'from');
      }
      cursor = page.nextPageToken;
    } while (cursor);

    const language = languageOfRequest(req);
    const csv = toCsv([
      COLUMNS.map((column) => column.header[language]),
      ...exported.map((signal) => {
        const summary = toSignalSummary(signal, actor, now);
        return COLUMNS.map((column) => column.value(signal, summary));
      }),
    ]);
    await auditMunicipalityRead(deps, actor, 'signal.export', scope.municipalityCodes, `${exported.length} rows`);
    res
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="signalen-${dutchDateOf(now)}.csv"`,
        'Cache-Control': 'no-store',
      })
      .send(UTF8_BOM + csv);
  };
}
