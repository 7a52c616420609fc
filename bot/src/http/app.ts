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
import { localHubCors } from './local-cors.js';
import { mountSignalsApi } from './signals-routes.js';
import type { SignalsApiDeps } from './signals-api-support.js';
import { webFormRouter, type WebFormDeps } from './web-form/web-form-router.js';
import { roundsRoutes, type RoundsRoutesDeps } from './rounds-routes.js';
import type { HubClient } from '../hub/hub-client.js';

export interface InstanceAppDeps {
  config: ServiceConfig;
  logger: Logger;
  clock: Clock;
  organisation: OrganisationStore;
  directory: Directory;
  verifier: TokenVerifier;
  /** The instance's client of the district hub (rounds); null when no hub is configured. */
  hub?: HubClient | null;
  /** The rounds routes' links to the checklist (self-scan from the checklist) and the report's names. */
  rounds?: Pick<RoundsRoutesDeps, 'checklistStatuses' | 'municipalityName'>;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** The anonymous web form (/melden); omitted where the instance takes no anonymous reports. */
  webForm?: WebFormDeps;
  /** The signals API of the dashboard (/api/signals, /api/insights, /api/audit, /api/disclosures). */
  signalsApi?: Omit<SignalsApiDeps, 'directory' | 'clock' | 'servedMunicipalities'>;
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
  // The hub's local workbench calls this instance from another port (local mode only).
  if (config.mode === 'local' && config.hub.url) app.use(localHubCors(config.hub.url));

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
  app.use('/api/rounds', auth, roundsRoutes({ hub: deps.hub ?? null, servedMunicipalities: config.municipalityCodes, ...deps.rounds }));
  if (deps.webForm) app.use('/melden', webFormRouter(deps.webForm));
  if (deps.signalsApi) {
    mountSignalsApi(app, auth, {
      ...deps.signalsApi,
      directory: deps.directory,
      clock: deps.clock,
      servedMunicipalities: config.municipalityCodes,
    });
  }
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
