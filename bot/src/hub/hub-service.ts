import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ServiceConfig } from '../config/config.js';
import type { Logger } from '../logging.js';
import type { Seed } from '../seed/load-seed.js';
import { AdjustableClock } from '../auth/adjustable-clock.js';
import { EntraTokenVerifier, LocalTokenService, type TokenVerifier } from '../auth/tokens.js';
import { masterKeyringFor } from '../crypto/master-keyring.js';
import { startDataKeyRewrap } from '../jobs/data-key-rewrap.js';
import { devRoutes } from '../http/dev-routes.js';
import { createHubApp } from './hub-app.js';
import type { RunningService } from '../instance.js';
import { SeededDirectory } from '../directory/seeded-directory.js';
import { openSqliteOrganisationStore } from '../stores/sqlite/index.js';
import { openServiceStore } from '../stores/open-service-store.js';
import { authenticate } from '../http/authenticate.js';
import { authenticateByAppRoles } from './district-authenticate.js';
import { SignedInstanceTokenVerifier, type InstanceRegistry } from './hub-credential-verifier.js';
import { HubLearning } from './hub-learning.js';
import { HubRounds } from './hub-rounds.js';
import { hubRoutes } from './hub-routes.js';
import { localInstances } from './instances.js';
import { LocalInstanceRegistry, StaticInstanceRegistry, localRegistryDir } from './instance-registry.js';
import { KyselyReplayGuard } from './token-replay-guard.js';

export const HUB_TENANT_ID = '00000000-0000-0000-0000-000000000000';

/** Composition root of the district hub. */
export async function composeHub(config: ServiceConfig, logger: Logger, seed: Seed, playgrounds: { label: string; url: string }[]): Promise<RunningService> {
  const dir = path.resolve(config.dataDir, config.instanceId);
  mkdirSync(dir, { recursive: true });
  const clock = new AdjustableClock();
  const keyring = masterKeyringFor(config, path.join(dir, 'master.key'));
  const masterKey = keyring.current;
  const tokens = config.mode === 'local' ? new LocalTokenService(masterKey, config.instanceId, config.tenantId ?? HUB_TENANT_ID, () => clock.now()) : null;
  // Local mode only: the seed's district people, signed in through /dev/login. The hub holds no
  // organisation lists; the store is there because the seeded directory reads roles from one.
  const organisation = tokens ? await openSqliteOrganisationStore({ file: path.join(dir, 'organisation.db') }) : null;
  const directory = organisation ? new SeededDirectory(seed.people.filter((p) => p.municipalityCode === null), organisation) : null;
  // The rounds live in the hub's own service store (data/hub/service.db locally).
  const store = await openServiceStore({ database: config.database, sqliteFile: path.join(dir, 'service.db'), masterKey, previousMasterKeys: keyring.previous, now: () => clock.now(), logger });
  const rewrap = startDataKeyRewrap(store.dataKeys, logger);
  const userVerifier: TokenVerifier =
    tokens ??
    new EntraTokenVerifier({ tenantId: config.tenantId!, audience: config.entra.audience!, jwksUrl: config.entra.jwksUrl, issuer: config.entra.issuer }, () => clock.now());
  // Locally the seed's district people; in production the Entra tenant's app role assignments.
  const districtPeople = directory ? authenticate(userVerifier, directory, []) : authenticateByAppRoles(userVerifier);
  const instanceCredentials = new SignedInstanceTokenVerifier(instanceRegistry(config, seed), new KyselyReplayGuard(store.database.db));
  const rounds = new HubRounds({ rounds: store.rounds, audit: store.audit, clock, municipalities: seed.municipalities });
  const learning = new HubLearning({ bands: store.learningBands, audit: store.audit, clock, municipalities: seed.municipalities });
  const app = createHubApp({
    config,
    logger,
    clock,
    seed,
    playgrounds,
    hubApi: hubRoutes({ rounds, learning, authenticateUser: districtPeople, instanceCredentials }),
    extraRoutes: (a) => {
      if (tokens && directory) {
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
      await rewrap.stop();
      await store.close();
      await organisation?.close?.();
    },
  };
}

/**
 * Local mode: the allow-list is the topology `npm start` lays out from the seed, and each
 * instance publishes its public key at start. Production: the operator's registry file.
 */
function instanceRegistry(config: ServiceConfig, seed: Seed): InstanceRegistry {
  if (config.mode === 'production') return StaticInstanceRegistry.fromFile(config.hub.registryFile!);
  const allowList = localInstances(seed.municipalities, config.port).map(({ instanceId, tenantId, municipalityCodes }) => ({
    instanceId,
    tenantId,
    municipalityCodes,
  }));
  return new LocalInstanceRegistry(localRegistryDir(config.dataDir), allowList);
}
