import express, { Router } from 'express';
import { devClockSchema, devLoginSchema, parseInput, type Directory, type Person } from '@weerbaar/shared';
import type { LocalTokenService } from '../auth/tokens.js';
import type { AdjustableClock } from '../auth/adjustable-clock.js';
import { sendError } from './errors.js';

export interface DevRouteDeps {
  tokens: LocalTokenService;
  directory: Directory;
  clock: AdjustableClock;
  /** Whether this instance may issue a token for the person (own municipalities, or district people at the hub). */
  servesPerson(person: Person): boolean;
  /** Runs the scheduler up to the new time, so a clock jump shows its effects at once. */
  onClockMoved(now: Date): Promise<void>;
}

/**
 * Local mode only (never mounted in production): sign in as a seeded person and move
 * this instance's clock. Both exist so that a newcomer and the tests can play every role.
 */
export function devRoutes(deps: DevRouteDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));
  router.post('/login', async (req, res) => {
    const { upn } = parseInput(devLoginSchema, req.body);
    const person = await deps.directory.findByUpn(upn);
    if (!person || !deps.servesPerson(person)) return sendError(req, res, 404, 'not-found');
    const token = await deps.tokens.issue({ objectId: person.objectId, upn: person.upn });
    res.set('Cache-Control', 'no-store').json({
      token,
      person: { displayName: person.displayName, roles: person.roles, municipalityCode: person.municipalityCode },
    });
  });
  router.post('/clock', async (req, res) => {
    const { now } = parseInput(devClockSchema, req.body);
    const to = new Date(now);
    deps.clock.set(to);
    await deps.onClockMoved(to);
    res.set('Cache-Control', 'no-store').json({ now: deps.clock.now().toISOString() });
  });
  router.get('/clock', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ now: deps.clock.now().toISOString() });
  });
  return router;
}
