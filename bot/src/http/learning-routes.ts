import { Router, type Response } from 'express';
import { learningRecordingInputSchema, NotFoundError, parseInput, type Clock, type LearningRecords } from '@weerbaar/shared';
import { actorOf } from './authenticate.js';
import { authorize } from './authorize.js';

export interface LearningRouteDeps {
  records: LearningRecords;
  clock: Clock;
  servedMunicipalities: readonly string[];
  /** Called after the recording switch changed, so the hub hears the new state soon. */
  onFiguresChanged?: () => void;
}

function noStore(res: Response): Response {
  return res.set('Cache-Control', 'no-store');
}

/**
 * `/api/learning` (behind `authenticate`): completion of the learning module as the
 * policy lets the caller see it. `GET /completion` per department (heads: their own
 * department by name; the MT contact: percentages, small departments hidden);
 * `GET /completion?view=twente` (or `/bands`): one band per municipality, no people.
 */
export function learningRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  router.get('/completion', async (req, res) => {
    const now = deps.clock.now();
    if (req.query.view === 'twente') {
      noStore(res).json(await deps.records.bands(actorOf(res), now));
      return;
    }
    noStore(res).json(await deps.records.completion(actorOf(res), now));
  });
  router.get('/bands', async (_req, res) => {
    noStore(res).json(await deps.records.bands(actorOf(res), deps.clock.now()));
  });
  return router;
}

/**
 * The app admin's switch, next to the other organisation settings:
 * `GET|PUT /api/organisation/{code}/settings/learning-recording`. Off until switched on,
 * and switching on requires the basis (the works council's consent, WOR art. 27).
 */
export function learningSettingsRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  const served = (code: string): string => {
    // Another municipality's code is answered like an unknown one.
    if (!deps.servedMunicipalities.includes(code)) throw new NotFoundError('unknown municipality');
    return code;
  };
  router.get('/:code/settings/learning-recording', async (req, res) => {
    const code = served(String(req.params.code));
    authorize(actorOf(res), 'organisation.read', { kind: 'municipality', municipalityCode: code });
    noStore(res).json(await deps.records.recordingSetting(code));
  });
  router.put('/:code/settings/learning-recording', async (req, res) => {
    const code = served(String(req.params.code));
    authorize(actorOf(res), 'organisation.manage', { kind: 'municipality', municipalityCode: code });
    const input = parseInput(learningRecordingInputSchema, req.body);
    const setting = await deps.records.setRecording(actorOf(res), code, input, deps.clock.now());
    deps.onFiguresChanged?.();
    noStore(res).json(setting);
  });
  return router;
}
