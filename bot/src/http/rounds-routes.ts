import { Router, type Request } from 'express';
import {
  NotFoundError,
  RoundClosedError,
  ValidationError,
  decide,
  parseInput,
  selfScanSubmissionInputSchema,
  type Actor,
  type MunicipalityResultsDto,
  type RequirementStatuses,
} from '@weerbaar/shared';
import { HubUnavailableError, type HubClient } from '../hub/hub-client.js';
import { comparison } from '../hub/hub-rounds.js';
import { actorOf } from './authenticate.js';
import { authorize } from './authorize.js';
import { sendRoundReport } from './round-report.js';

export interface RoundsRoutesDeps {
  /** Null when no hub is configured: every route then answers 502 hub-unavailable. */
  hub: HubClient | null;
  servedMunicipalities: readonly string[];
  /** The municipality's working-checklist statuses: what a self-scan submits when the body names none. */
  checklistStatuses?: (municipalityCode: string) => Promise<RequirementStatuses>;
  /** The municipality's name, for the printable report. */
  municipalityName?: (municipalityCode: string) => string;
}

/**
 * The measurement rounds as a municipality sees them, through its own instance (mounted at
 * /api/rounds behind authentication). The rounds live at the hub; this instance fetches and
 * submits with its own credential, and applies the shared policy first: the secretary
 * submits the self-scan and reads her municipality's results, nobody else here does.
 */
export function roundsRoutes(deps: RoundsRoutesDeps): Router {
  const router = Router();
  const hub = (): HubClient => {
    if (!deps.hub) throw new HubUnavailableError('no hub configured');
    return deps.hub;
  };

  router.get('/results', async (req, res) => {
    const actor = actorOf(res);
    const code = municipalityFor(actor, req.query.municipality, deps.servedMunicipalities);
    authorize(actor, 'round.read-municipality', { kind: 'round', roundType: 'zelfscan', open: false, municipalityCode: code });
    res.json(visibleTo(actor, await hub().municipalityResults(code)));
  });

  router.get('/compare', async (req, res) => {
    const actor = actorOf(res);
    const code = municipalityFor(actor, req.query.municipality, deps.servedMunicipalities);
    authorize(actor, 'round.read-municipality', { kind: 'round', roundType: 'zelfscan', open: false, municipalityCode: code });
    const results = visibleTo(actor, await hub().municipalityResults(code));
    const [a, b] = [roundIn(results, queryText(req, 'a')), roundIn(results, queryText(req, 'b'))];
    const submissions = results.rounds.flatMap((r) => (r.submission ? [{ roundId: r.round.id, statuses: r.submission.statuses }] : []));
    res.json(comparison(code, a, b, submissions));
  });

  router.post('/:roundId/submission', async (req, res) => {
    const actor = actorOf(res);
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as { municipalityCode?: unknown };
    const code = municipalityFor(actor, body.municipalityCode, deps.servedMunicipalities);
    // The role first (403), before the hub is asked anything or the input is looked at.
    authorize(actor, 'round.submit', { kind: 'round', roundType: 'zelfscan', open: true, municipalityCode: code });
    // Without statuses in the body, the self-scan is the working checklist as it stands now.
    const fromChecklist = (body as { statuses?: unknown }).statuses === undefined ? deps.checklistStatuses : undefined;
    const statuses = fromChecklist ? await fromChecklist(code) : parseInput(selfScanSubmissionInputSchema, req.body).statuses;
    const round = roundIn(await hub().municipalityResults(code), String(req.params.roundId ?? ''));
    authorize(actor, 'round.submit', { kind: 'round', roundType: round.type, open: true, municipalityCode: code });
    // A closed round is frozen: the hub refuses too, but nothing needs to leave this instance.
    if (round.status !== 'open') throw new RoundClosedError('Deze meetronde is gesloten; de resultaten liggen vast');
    const submission = await hub().submitSelfScan(round.id, { municipalityCode: code, submittedBy: actor.upn, statuses });
    res.status(201).json(submission);
  });

  // The printable report of one round for the secretary's own municipality.
  router.get('/:roundId/report', async (req, res) => {
    const actor = actorOf(res);
    const code = municipalityFor(actor, req.query.municipality, deps.servedMunicipalities);
    authorize(actor, 'round.read-municipality', { kind: 'round', roundType: 'zelfscan', open: false, municipalityCode: code });
    const results = visibleTo(actor, await hub().municipalityResults(code));
    const found = results.rounds.find((r) => r.round.id === String(req.params.roundId ?? ''));
    if (!found) throw new NotFoundError('no such round');
    sendRoundReport(req, res, { round: found.round, municipality: { code, name: deps.municipalityName?.(code) ?? code }, submission: found.submission });
  });
  return router;
}

/** The municipality meant: the one asked for, or the actor's own when this instance serves just one of theirs. */
function municipalityFor(actor: Actor, requested: unknown, served: readonly string[]): string {
  if (requested !== undefined) {
    if (typeof requested !== 'string' || !/^\d{4}$/.test(requested)) {
      throw new ValidationError('Field "municipality" must be a four-digit CBS code.', 'municipality');
    }
    return requested;
  }
  const own = actor.municipalityCodes.filter((code) => served.includes(code));
  if (own.length === 1 && own[0]) return own[0];
  throw new ValidationError('Field "municipality" is required: you act for more than one municipality here.', 'municipality');
}

/** Drops any round the policy would not let this actor read (the secretary's grant covers all today). */
function visibleTo(actor: Actor, results: MunicipalityResultsDto): MunicipalityResultsDto {
  return {
    municipalityCode: results.municipalityCode,
    rounds: results.rounds.filter(
      ({ round }) =>
        decide(actor, 'round.read-municipality', {
          kind: 'round',
          roundType: round.type,
          open: round.status === 'open',
          municipalityCode: results.municipalityCode,
        }).allowed,
    ),
  };
}

function roundIn(results: MunicipalityResultsDto, roundId: string) {
  const found = results.rounds.find((r) => r.round.id === roundId)?.round;
  if (!found) throw new NotFoundError('no such round');
  return found;
}

function queryText(req: Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(`Field "${name}" is required as a query parameter.`, name);
  return value.trim();
}
