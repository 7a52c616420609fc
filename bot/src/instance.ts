import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import { OutboxWorker, type Person } from '@weerbaar/shared';
import type { ServiceConfig } from './config/config.js';
import type { Logger } from './logging.js';
import type { Seed } from './seed/load-seed.js';
import { AdjustableClock } from './auth/adjustable-clock.js';
import { EntraTokenVerifier, LocalTokenService, type TokenVerifier } from './auth/tokens.js';
import { loadMasterKey } from './crypto/master-key.js';
import { openSqliteServiceStore, openSqliteOrganisationStore } from './stores/sqlite/index.js';
import { SeededDirectory } from './directory/seeded-directory.js';
import { seedOrganisation } from './seed/seed-organisation.js';
import { createCloudAdapter } from './teams/adapter.js';
import { GreetingBot } from './teams/greeting-bot.js';
import { TeamsTransport } from './teams/teams-transport.js';
import { createInstanceApp } from './http/app.js';
import { devRoutes } from './http/dev-routes.js';
import { JobScheduler } from './jobs/scheduler.js';
import { startOutboxLoop } from './jobs/outbox-job.js';
import { TurnTracker } from './turn-tracker.js';

export interface RunningService {
  app: Express;
  close(): Promise<void>;
}

/** Composition root of a municipality instance: stores, directory, bot, jobs, HTTP. */
export async function composeInstance(config: ServiceConfig, logger: Logger, seed: Seed): Promise<RunningService & { attach(server: Server): void }> {
  const dir = path.resolve(config.dataDir, config.instanceId);
  mkdirSync(dir, { recursive: true });
  const clock = new AdjustableClock();
  const masterKey = loadMasterKey({ mode: config.mode, env: { WEERBAAR_DATA_KEY: config.dataKey ?? undefined }, keyFile: path.join(dir, 'master.key') });
  const store = await openSqliteServiceStore({ file: path.join(dir, 'service.db'), masterKey, now: () => clock.now() });
  const organisation = await openSqliteOrganisationStore({ file: path.join(dir, 'organisation.db') });
  const seeded = await seedOrganisation(organisation, config.municipalityCodes, seed.people, clock.now());
  logger.info({ seededDepartments: seeded.departments, seededRoles: seeded.roles }, 'organisation store ready');

  const directory = new SeededDirectory(seed.people, organisation);
  const localTokens = config.mode === 'local' ? new LocalTokenService(masterKey, config.instanceId, config.tenantId!, () => clock.now()) : null;
  const verifier: TokenVerifier =
    localTokens ??
    new EntraTokenVerifier({ tenantId: config.tenantId!, audience: config.entra.audience!, jwksUrl: config.entra.jwksUrl, issuer: config.entra.issuer }, () => clock.now());

  const adapter = createCloudAdapter(config, logger);
  const bot = new GreetingBot({ tenantId: config.tenantId!, conversations: store.conversations, clock, logger });
  const transport = new TeamsTransport(adapter, config.bot.appId ?? '', store.conversations);
  const worker = new OutboxWorker({ outbox: store.outbox, transport, clock, workerId: `${config.instanceId}:${randomUUID()}`, logger });
  const outboxLoop = startOutboxLoop({ worker, intervalMs: 2000, logger });
  const scheduler = new JobScheduler({ leases: store.leases, clock, logger, holder: `${config.instanceId}:${process.pid}:${randomUUID()}`, jobs: [] });
  scheduler.start();
  const turns = new TurnTracker();

  const servesPerson = (person: Person) =>
    [person.municipalityCode, ...(person.alsoServes ?? [])].some((code) => code !== null && config.municipalityCodes.includes(code));

  const app = createInstanceApp({
    config,
    logger,
    clock,
    organisation,
    directory,
    verifier,
    adapter,
    bot,
    turns,
    extraRoutes: (a) => {
      if (localTokens) {
        a.use('/dev', devRoutes({ tokens: localTokens, directory, clock, servesPerson, onClockMoved: async (now) => void (await scheduler.runDue(now)) }));
      }
    },
  });

  return {
    app,
    attach: () => undefined,
    async close() {
      await turns.drain(10_000);
      await scheduler.stop();
      await outboxLoop.stop();
      await store.close();
      await organisation.close?.();
    },
  };
}
