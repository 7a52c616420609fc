import { Router } from 'express';
import {
  computeInsights,
  insightsIncludeConcerning,
  insightsQuerySchema,
  municipalitiesFor,
  parseInput,
  receivedBounds,
} from '@weerbaar/shared';
import { actorOf } from './authenticate.js';
import { auditMunicipalityRead, type SignalsApiDeps } from './signals-api-support.js';

/**
 * GET /api/insights: figures over the municipality's signals, tombstones included so
 * the numbers stay right after retention; departments with fewer than five signals are
 * suppressed. Computed from plaintext columns only: no signal is opened for it.
 */
export function insightsRoutes(deps: SignalsApiDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = actorOf(res);
    const query = parseInput(insightsQuerySchema, req.query);
    const codes = municipalitiesFor(actor, 'insights.read', deps.servedMunicipalities);
    const facts = await deps.store.signals.facts({
      municipalityCodes: codes,
      includeConcerningMtContact: insightsIncludeConcerning(actor, codes),
      ...receivedBounds(query.from, query.to),
    });
    const insights = computeInsights(facts, deps.clock.now());
    await auditMunicipalityRead(deps, actor, 'insights.read', codes);
    res.json(insights);
  });
  return router;
}
