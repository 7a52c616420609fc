import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { NotFoundError, ValidationError } from '@weerbaar/shared';
import { AuthenticationError } from '../auth/tokens.js';
import { actorOf } from '../http/authenticate.js';
import { sendRoundReport } from '../http/round-report.js';
import type { HubCredentialVerifier, VerifiedInstance } from './hub-credential-verifier.js';
import type { HubLearning } from './hub-learning.js';
import type { HubRounds } from './hub-rounds.js';

export interface HubRoutesDeps {
  rounds: HubRounds;
  learning: HubLearning;
  /** District people: the hub's own tokens (`/dev/login` locally, Entra in production). */
  authenticateUser: RequestHandler;
  /** Municipality instances: a JWT signed with the instance's registered key. */
  instanceCredentials: HubCredentialVerifier;
}

/**
 * The hub's API, mounted at /api/hub. Two kinds of caller, never interchangeable: district
 * people with a hub user token, and municipality instances with their own signed credential.
 * Every answer is no-store; errors are `{"error":{"code","message"}}`.
 */
export function hubRoutes(deps: HubRoutesDeps): Router {
  const { rounds, learning, authenticateUser: user } = deps;
  const instance = authenticateInstance(deps.instanceCredentials);
  const router = Router();
  router.use(express.json({ limit: '64kb' }), (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // Instances: a self-scan for a municipality they serve, and that municipality's own results.
  router.post('/rounds/:id/submissions', instance, async (req, res) => {
    res.status(201).json(await rounds.submitFromInstance(instanceOf(res), param(req, 'id'), req.body));
  });
  router.get('/municipalities/:code/results', instance, async (req, res) => {
    res.json(await rounds.resultsForInstance(instanceOf(res), param(req, 'code')));
  });
  // The learning module's completion band of a municipality they serve (no people, no counts).
  router.put('/learning/municipalities/:code/band', instance, async (req, res) => {
    res.json(await learning.reportFromInstance(instanceOf(res), param(req, 'code'), req.body));
  });

  // District people.
  router.get('/rounds', user, async (_req, res) => {
    res.json({ rounds: await rounds.list() });
  });
  router.post('/rounds', user, async (req, res) => {
    res.status(201).json(await rounds.open(actorOf(res), req.body));
  });
  router.get('/rounds/compare', user, async (req, res) => {
    res.json(await rounds.compare(actorOf(res), query(req, 'a'), query(req, 'b'), query(req, 'municipality')));
  });
  router.post('/rounds/:id/close', user, async (req, res) => {
    res.json(await rounds.close(actorOf(res), param(req, 'id')));
  });
  router.get('/rounds/:id/results', user, async (req, res) => {
    res.json(await rounds.results(actorOf(res), param(req, 'id')));
  });
  // The printable report of one round for one municipality (district roles, as for the results).
  router.get('/rounds/:id/report', user, async (req, res) => {
    const code = query(req, 'municipality');
    const results = await rounds.results(actorOf(res), param(req, 'id'));
    const municipality = results.municipalities.find((m) => m.code === code);
    if (!municipality) throw new NotFoundError('no such municipality');
    sendRoundReport(req, res, { round: results.round, municipality: { code: municipality.code, name: municipality.name }, submission: municipality.submission });
  });
  router.put('/rounds/:id/municipalities/:code', user, async (req, res) => {
    res.json(await rounds.recordFinal(actorOf(res), param(req, 'id'), param(req, 'code'), req.body));
  });
  router.get('/outcome', user, async (req, res) => {
    res.json(await rounds.outcome(actorOf(res), query(req, 'round')));
  });
  // The learning module: count bands for the Twente-wide view, the band per municipality for district roles.
  router.get('/learning/outcome', user, async (_req, res) => {
    res.json(await learning.twente(actorOf(res)));
  });
  router.get('/learning/municipalities', user, async (_req, res) => {
    res.json(await learning.municipalityBands(actorOf(res)));
  });
  return router;
}

function authenticateInstance(verifier: HubCredentialVerifier): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) throw new AuthenticationError('no instance credential');
    res.locals.instance = await verifier.verify(match[1]);
    next();
  };
}

function instanceOf(res: Response): VerifiedInstance {
  const instance = res.locals.instance as VerifiedInstance | undefined;
  if (!instance) throw new AuthenticationError('no instance credential');
  return instance;
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 100) throw new ValidationError(`Field "${name}" is required.`, name);
  return value;
}

function query(req: Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100) {
    throw new ValidationError(`Field "${name}" is required as a query parameter.`, name);
  }
  return value.trim();
}
