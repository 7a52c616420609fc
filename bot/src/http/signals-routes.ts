import { Router, type Express, type RequestHandler } from 'express';
import {
  assertSignalVisible,
  decide,
  municipalitiesFor,
  NotFoundError,
  parseInput,
  performSignalAction,
  signalEtag,
  signalListQuerySchema,
  signalQueryFilters,
  signalResourceOf,
  signalScope,
  toSignalDetail,
  toSignalSummary,
  type Actor,
  type Signal,
  type SignalListDto,
} from '@weerbaar/shared';
import { actorOf } from './authenticate.js';
import { sendError } from './errors.js';
import { exportCsvHandler } from './export-routes.js';
import { insightsRoutes } from './insights-routes.js';
import { auditRoutes, disclosureRoutes } from './oversight-routes.js';
import { audit, auditMunicipalityRead, displayNames, routeParam, servedSignal, type SignalsApiDeps } from './signals-api-support.js';

const DEFAULT_PAGE_SIZE = 50;

/** Mounts the signals API under /api behind `auth` (the instance's authenticate middleware). */
export function mountSignalsApi(app: Express, auth: RequestHandler, deps: SignalsApiDeps): void {
  app.use('/api/signals', auth, signalsRoutes(deps));
  app.use('/api/insights', auth, insightsRoutes(deps));
  app.use('/api/audit', auth, auditRoutes(deps));
  app.use('/api/disclosures', auth, disclosureRoutes(deps));
}

/**
 * The MT contact's and coordinator's signals: list, detail with timeline, and actions.
 * Every route asks the shared policy; a signal the caller may not see is answered
 * exactly like an unknown id. Every read and change is audited (no content).
 */
export function signalsRoutes(deps: SignalsApiDeps): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const actor = actorOf(res);
    const query = parseInput(signalListQuerySchema, req.query);
    const codes = municipalitiesFor(actor, 'signal.list', deps.servedMunicipalities);
    const scope = signalScope(actor, 'signal.read', codes);
    const now = deps.clock.now();
    let body: SignalListDto = { items: [] };
    if (scope) {
      const page = await deps.store.signals.list({
        ...signalQueryFilters(query, now),
        municipalityCodes: scope.municipalityCodes,
        ...(scope.concernsMtContact !== undefined ? { concernsMtContact: scope.concernsMtContact } : {}),
        limit: query.pageSize ?? DEFAULT_PAGE_SIZE,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      // Second wall: every row passes the policy itself, whatever the query scope said.
      const items = page.items
        .filter((signal) => decide(actor, 'signal.read', signalResourceOf(signal)).allowed)
        .map((signal) => toSignalSummary(signal, actor, now));
      body = page.nextPageToken ? { items, nextCursor: page.nextPageToken } : { items };
    }
    await auditMunicipalityRead(deps, actor, 'signal.list', scope?.municipalityCodes ?? codes, `${body.items.length} rows`);
    res.json(body);
  });

  // Before '/:id', which would otherwise take "export.csv" for an id.
  router.get('/export.csv', exportCsvHandler(deps));

  router.get('/:id', async (req, res) => {
    const actor = actorOf(res);
    const signal = await visibleSignal(deps, actor, routeParam(req, 'id'));
    const detail = await detailFor(deps, actor, signal, false);
    await audit(deps, actor, {
      action: 'signal.read',
      recordType: 'signal',
      recordId: signal.id,
      municipalityCode: signal.municipalityCode,
      ...(detail.reporter ? { detail: 'reporter shown (named)' } : {}),
    });
    res.set('ETag', signalEtag(signal)).json(detail);
  });

  // A photo or document kept with the signal: whoever may read the content may fetch it.
  router.get('/:id/attachments/:attachmentId', async (req, res) => {
    const actor = actorOf(res);
    const signal = await visibleSignal(deps, actor, routeParam(req, 'id'));
    const attachmentId = routeParam(req, 'attachmentId');
    const found = attachmentId.length > 0 && attachmentId.length <= 100 ? await deps.store.attachments.get(signal.id, attachmentId) : undefined;
    if (!found) throw new NotFoundError('unknown attachment');
    await audit(deps, actor, {
      action: 'signal.attachment.read',
      recordType: 'signal',
      recordId: signal.id,
      municipalityCode: signal.municipalityCode,
      detail: `attachment ${found.info.id}`,
    });
    res
      .set({
        'Content-Type': found.info.contentType,
        'Content-Disposition': attachmentDisposition(found.info.name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      })
      .send(Buffer.from(found.bytes));
  });

  router.post('/:id/actions', async (req, res) => {
    const actor = actorOf(res);
    const ifMatch = req.headers['if-match'];
    if (!ifMatch) return sendError(req, res, 428, 'precondition-required', { field: 'If-Match' });
    const id = routeParam(req, 'id');
    const result = await performSignalAction(
      {
        signals: { get: (signalId) => servedSignal(deps, signalId) },
        timeline: deps.store.timeline,
        audit: deps.store.audit,
        reporterChannel: deps.reporterChannel,
        directory: deps.directory,
        clock: deps.clock,
        ids: deps.ids,
        retention: deps.retention,
      },
      actor,
      id,
      ifMatch,
      req.body,
    );
    const detail = await detailFor(deps, actor, result.signal, result.reporterRevealed);
    res.set('ETag', signalEtag(result.signal)).json(detail);
  });

  return router;
}

async function visibleSignal(deps: SignalsApiDeps, actor: Actor, id: string): Promise<Signal> {
  const signal = await servedSignal(deps, id);
  if (!signal) throw new NotFoundError('unknown signal');
  assertSignalVisible(actor, signal);
  return signal;
}

async function detailFor(deps: SignalsApiDeps, actor: Actor, signal: Signal, revealed: boolean) {
  const timeline = await deps.store.timeline.list(signal.id);
  const names = await displayNames(deps.directory, {
    objectIds: timeline.map((entry) => entry.actor),
    upns: timeline.flatMap((entry) => (entry.assigneeUpn ? [entry.assigneeUpn] : [])),
  });
  const detail = toSignalDetail(signal, timeline, { actor, now: deps.clock.now(), names, revealed });
  const attachments = await deps.store.attachments.list(signal.id);
  return { ...detail, attachments: attachments.map(({ id, name, contentType, size }) => ({ id, name, contentType, size })) };
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
