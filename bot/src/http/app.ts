import express, { type Express, type Request, type Response, type NextFunction } from 'express';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Directory, OrganisationStore, Clock } from '@weerbaar/shared';
import type { ServiceConfig } from '../config/config.js';
import type { Logger } from '../logging.js';
import type { TokenVerifier } from '../auth/tokens.js';
import { authenticate } from './authenticate.js';
import { errorHandler, sendError } from './errors.js';
import { organisationRoutes } from './organisation-routes.js';

export interface InstanceAppDeps {
  config: ServiceConfig;
  logger: Logger;
  clock: Clock;
  organisation: OrganisationStore;
  directory: Directory;
  verifier: TokenVerifier;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Extra routers mounted before the error handler (dev routes, pages). */
  extraRoutes?: (app: Express) => void;
  /** Counts turns in flight so shutdown can wait for them. */
  turns: { begin(): void; end(): void };
}

const JSON_LIMIT = '64kb';

export function baseApp(logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders);
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Route pattern, method, status and duration only: no query, body, IP or identity.
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, route: req.route?.path ?? 'unmatched', status: res.statusCode, ms }, 'request');
    });
    next();
  });
  return app;
}

export function finishApp(app: Express, logger: Logger): Express {
  app.use('/api', (req, res) => sendError(req, res, 404, 'not-found'));
  app.use(errorHandler(logger));
  return app;
}

/** The HTTP surface of a municipality instance. */
export function createInstanceApp(deps: InstanceAppDeps): Express {
  const { config, logger } = deps;
  const app = baseApp(logger);

  app.get('/api/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      role: 'instance',
      instanceId: config.instanceId,
      mode: config.mode,
      tenantId: config.tenantId,
      municipalityCodes: config.municipalityCodes,
      time: deps.clock.now().toISOString(),
    });
  });

  app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    deps.turns.begin();
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } finally {
      deps.turns.end();
    }
  });

  app.use('/api', express.json({ limit: JSON_LIMIT }), noStore);
  const auth = authenticate(deps.verifier, deps.directory, config.municipalityCodes);
  app.get('/api/me', auth, (_req, res) => {
    const person = res.locals.person as { displayName: string; roles: string[]; municipalityCode: string | null; department: string | null; locale: string };
    res.json({
      displayName: person.displayName,
      roles: person.roles,
      municipalityCode: person.municipalityCode,
      department: person.department,
      locale: person.locale,
    });
  });
  app.use(
    '/api/organisation',
    auth,
    organisationRoutes({
      organisation: deps.organisation,
      directory: deps.directory,
      clock: deps.clock,
      servedMunicipalities: config.municipalityCodes,
    }),
  );
  deps.extraRoutes?.(app);
  return finishApp(app, logger);
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  });
  next();
}
