import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ServiceConfig } from '../config/config.js';
import type { Logger } from '../logging.js';
import type { Seed } from '../seed/load-seed.js';
import { AdjustableClock } from '../auth/adjustable-clock.js';
import { LocalTokenService } from '../auth/tokens.js';
import { loadMasterKey } from '../crypto/master-key.js';
import { devRoutes } from '../http/dev-routes.js';
import { createHubApp } from './hub-app.js';
import type { RunningService } from '../instance.js';
import { SeededDirectory } from '../directory/seeded-directory.js';
import { openSqliteOrganisationStore } from '../stores/sqlite/index.js';

export const HUB_TENANT_ID = '00000000-0000-0000-0000-000000000000';

/** Composition root of the district hub. */
export async function composeHub(config: ServiceConfig, logger: Logger, seed: Seed, playgrounds: { label: string; url: string }[]): Promise<RunningService> {
  const dir = path.resolve(config.dataDir, config.instanceId);
  mkdirSync(dir, { recursive: true });
  const clock = new AdjustableClock();
  const masterKey = loadMasterKey({ mode: config.mode, env: { WEERBAAR_DATA_KEY: config.dataKey ?? undefined }, keyFile: path.join(dir, 'master.key') });
  // The hub holds no organisation lists; the directory only needs the seed's district people.
  const organisation = await openSqliteOrganisationStore({ file: path.join(dir, 'organisation.db') });
  const directory = new SeededDirectory(seed.people.filter((p) => p.municipalityCode === null), organisation);
  const tokens = config.mode === 'local' ? new LocalTokenService(masterKey, config.instanceId, config.tenantId ?? HUB_TENANT_ID, () => clock.now()) : null;
  const app = createHubApp({
    config,
    logger,
    clock,
    seed,
    playgrounds,
    extraRoutes: (a) => {
      if (tokens) {
        a.use(
          '/dev',
          devRoutes({ tokens, directory, clock, servesPerson: (p) => p.municipalityCode === null, onClockMoved: async () => undefined }),
        );
      }
    },
  });
  return {
    app,
    async close() {
      await organisation.close?.();
    },
  };
}
