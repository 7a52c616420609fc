import { Router } from 'express';
import { NotFoundError, ValidationError, decide, type Actor, type ChecklistService } from '@weerbaar/shared';
import { actorOf } from './authenticate.js';
import { authorize } from './authorize.js';
import { sendError } from './errors.js';

export interface ChecklistRoutesDeps {
  checklist: ChecklistService;
  servedMunicipalities: readonly string[];
}

/**
 * The working checklist of basis op orde, mounted behind `authenticate` at /api/checklist:
 * read by the MT contact, deputy, coordinator, secretary and app admin (checklist.read),
 * changed only by the MT contact and the app admin (checklist.edit), each change with the
 * item's eTag in If-Match so nobody overwrites a change they have not seen.
 */
export function checklistRoutes(deps: ChecklistRoutesDeps): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const actor = actorOf(res);
    const code = municipalityFor(actor, req.query.municipality, deps.servedMunicipalities);
    authorize(actor, 'checklist.read', { kind: 'municipality', municipalityCode: code });
    const canEdit = decide(actor, 'checklist.edit', { kind: 'municipality', municipalityCode: code }).allowed;
    res.json(await deps.checklist.read(code, canEdit));
  });

  router.patch('/:requirementId', async (req, res) => {
    const actor = actorOf(res);
    const code = municipalityFor(actor, req.query.municipality, deps.servedMunicipalities);
    authorize(actor, 'checklist.edit', { kind: 'municipality', municipalityCode: code });
    const ifMatch = etagOf(req.headers['if-match']);
    if (!ifMatch) return sendError(req, res, 428, 'precondition-required', { field: 'If-Match' });
    const item = await deps.checklist.update(code, String(req.params.requirementId ?? ''), ifMatch, req.body, actor.upn.toLowerCase());
    res.set('ETag', `"${item.etag}"`).json(item);
  });

  router.get('/:requirementId/history', async (req, res) => {
    const actor = actorOf(res);
    const code = municipalityFor(actor, req.query.municipality, deps.servedMunicipalities);
    authorize(actor, 'checklist.read', { kind: 'municipality', municipalityCode: code });
    res.json(await deps.checklist.history(code, String(req.params.requirementId ?? '')));
  });

  return router;
}

/** `"abc"`, `W/"abc"` and a bare `abc` all name the eTag `abc`. */
export function etagOf(header: string | undefined): string | undefined {
  const value = header?.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return value ? value : undefined;
}

/**
 * The municipality meant: the one asked for, or the actor's own when this instance serves
 * just one of theirs. One of another instance is refused by the policy as unknown (404).
 */
export function municipalityFor(actor: Actor, requested: unknown, served: readonly string[]): string {
  if (requested !== undefined) {
    if (typeof requested !== 'string' || !/^\d{4}$/.test(requested)) {
      throw new ValidationError('Field "municipality" must be a four-digit CBS code.', 'municipality');
    }
    // Another instance's municipality is not known here, whoever asks.
    if (!served.includes(requested)) throw new NotFoundError('municipality not served here');
    return requested;
  }
  const own = actor.municipalityCodes.filter((code) => served.includes(code));
  if (own.length === 1 && own[0]) return own[0];
  throw new ValidationError('Field "municipality" is required: you act for more than one municipality here.', 'municipality');
}
