import { Router } from 'express';
import {
  auditQuerySchema,
  disclosureQuerySchema,
  municipalitiesFor,
  parseInput,
  type AuditEventDto,
  type AuditListDto,
  type DisclosureDto,
  type DisclosureListDto,
} from '@weerbaar/shared';
import { actorOf } from './authenticate.js';
import { auditMunicipalityRead, displayNames, signalsBehindImpartialityWall, type SignalsApiDeps } from './signals-api-support.js';

const DEFAULT_AUDIT_PAGE = 100;

/**
 * GET /api/audit: the audit trail of the caller's municipality for the MT contact and
 * the privacy officer (who did what to which record, when; never content).
 */
export function auditRoutes(deps: SignalsApiDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = actorOf(res);
    const query = parseInput(auditQuerySchema, req.query);
    const codes = municipalitiesFor(actor, 'audit.read', deps.servedMunicipalities);
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
    const events = await deps.store.audit.list({
      municipalityCodes: codes,
      limit,
      ...(query.recordId ? { recordId: query.recordId } : {}),
      ...(query.before ? { before: query.before } : {}),
    });
    const hidden = await signalsBehindImpartialityWall(
      deps,
      actor,
      events.filter((event) => event.recordType === 'signal').map((event) => event.recordId),
    );
    const names = await displayNames(deps.directory, { objectIds: events.map((event) => event.actor) });
    const items: AuditEventDto[] = events.filter((event) => !hidden.has(event.recordId)).map((event) => {
      const actorName = names.get(event.actor);
      return { ...event, ...(actorName !== undefined ? { actorName } : {}) };
    });
    // Paging follows the trail itself, so a page with hidden entries is shorter, not shifted.
    const last = events.at(-1);
    const body: AuditListDto = events.length === limit && last ? { items, nextBefore: last.id } : { items };
    await auditMunicipalityRead(deps, actor, 'audit.read', codes);
    res.json(body);
  });
  return router;
}

/**
 * GET /api/disclosures: the disclosure register (which partner received which signal,
 * when, on what legal basis) for the privacy officer and the MT contact; no content.
 */
export function disclosureRoutes(deps: SignalsApiDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = actorOf(res);
    const query = parseInput(disclosureQuerySchema, req.query);
    const codes = municipalitiesFor(actor, 'disclosures.read', deps.servedMunicipalities);
    const page = await deps.store.timeline.disclosures({
      municipalityCodes: codes,
      ...(query.pageSize ? { limit: query.pageSize } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const hidden = await signalsBehindImpartialityWall(deps, actor, page.items.map((record) => record.signalId));
    const names = await displayNames(deps.directory, { objectIds: page.items.map((record) => record.recordedBy) });
    const items: DisclosureDto[] = page.items.filter((record) => !hidden.has(record.signalId)).map(({ recordedBy, ...record }) => {
      const recordedByName = names.get(recordedBy);
      return { ...record, ...(recordedByName !== undefined ? { recordedByName } : {}) };
    });
    const body: DisclosureListDto = page.nextPageToken ? { items, nextCursor: page.nextPageToken } : { items };
    await auditMunicipalityRead(deps, actor, 'disclosures.read', codes);
    res.json(body);
  });
  return router;
}
