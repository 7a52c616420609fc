import express, { type Express, type Router } from 'express';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { languageOf, type Clock, type Person } from '@weerbaar/shared';
import type { ServiceConfig } from '../config/config.js';
import type { Logger } from '../logging.js';
import type { Seed } from '../seed/load-seed.js';
import { baseApp, finishApp } from '../http/app.js';
import { checkHealth, localInstances } from './instances.js';
import { renderHomePage } from './home-page.js';
import { WORKBENCH_PATH, mountWorkbench, workbenchBuilt } from './workbench-page.js';

export interface HubAppDeps {
  config: ServiceConfig;
  logger: Logger;
  clock: Clock;
  seed: Seed;
  playgrounds: { label: string; url: string }[];
  /** The rounds API (hub-routes.ts), mounted at /api/hub. */
  hubApi?: Router;
  extraRoutes?: (app: Express) => void;
}

const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../static');

/** The district hub. In local mode it is also the front door: home page and instance list. */
export function createHubApp(deps: HubAppDeps): Express {
  const { config, logger, seed } = deps;
  const app = baseApp(logger);
  app.get('/api/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      role: 'hub',
      instanceId: config.instanceId,
      mode: config.mode,
      time: deps.clock.now().toISOString(),
    });
  });
  if (config.mode === 'local') {
    const instances = localInstances(seed.municipalities, config.port);
    app.get('/api/instances', async (_req, res) => {
      const withHealth = await Promise.all(instances.map((i) => checkHealth(i)));
      res.set('Cache-Control', 'no-store').json({ instances: withHealth });
    });
    app.use('/static', express.static(STATIC_DIR, { fallthrough: false, maxAge: 0 }));
    mountWorkbench(app, { people: seed.people, instances });
    app.get('/', (req, res) => {
      const lang = req.query.lang === 'en' ? 'en' : req.query.lang === 'nl' ? 'nl' : languageOf(req.headers['accept-language']);
      res
        .type('html')
        .set('Cache-Control', 'no-store')
        .send(
          renderHomePage(
            {
              municipalities: seed.municipalities,
              people: seed.people,
              playgrounds: deps.playgrounds,
              workbenchUrl: workbenchBuilt() ? WORKBENCH_PATH : null,
            },
            lang,
          ),
        );
    });
  }
  if (deps.hubApi) app.use('/api/hub', deps.hubApi);
  deps.extraRoutes?.(app);
  return finishApp(app, logger);
}

export function districtPeople(people: readonly Person[]): Person[] {
  return people.filter((p) => p.municipalityCode === null);
}
