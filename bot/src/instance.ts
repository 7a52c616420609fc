import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import { NETHERLANDS_TIME_ZONE, OutboxWorker, retentionTerms, type Person } from '@weerbaar/shared';
import type { ServiceConfig } from './config/config.js';
import type { Logger } from './logging.js';
import type { Seed } from './seed/load-seed.js';
import { AdjustableClock } from './auth/adjustable-clock.js';
import { EntraTokenVerifier, LocalTokenService, type TokenVerifier } from './auth/tokens.js';
import { masterKeyringFor } from './crypto/master-keyring.js';
import { loadPseudonymisers } from './crypto/pseudonym.js';
import { startDataKeyRewrap } from './jobs/data-key-rewrap.js';
import { openServiceStore } from './stores/open-service-store.js';
import { SeededDirectory } from './directory/seeded-directory.js';
import { graphDirectoryFromEnv } from './directory/graph-directory.js';
import { seedOrganisation } from './seed/seed-organisation.js';
import { createCloudAdapter } from './teams/adapter.js';
import { composeSignalIntake } from './intake/compose-signal-intake.js';
import { graphAppInstallerFromEnv } from './teams/graph-app-installer.js';
import { privacyRoutes } from './http/privacy-page.js';
import { createInstanceApp } from './http/app.js';
import { devRoutes } from './http/dev-routes.js';
import { authenticate } from './http/authenticate.js';
import { composeAgenda } from './agenda/compose-agenda.js';
import { composeLearning } from './learning/compose-learning.js';
import { composeChecklist } from './checklist/compose-checklist.js';
import { TimelineReporterMessages } from './http/web-form/reporter-timeline.js';
import { JobScheduler } from './jobs/scheduler.js';
import { openOrganisationStore } from './stores/open-organisation-store.js';
import { departmentSyncJob } from './jobs/department-sync-job.js';
import { startOutboxLoop } from './jobs/outbox-job.js';
import { retentionJob } from './jobs/retention-job.js';
import { TurnTracker } from './turn-tracker.js';
import { connectToHub } from './hub/hub-client.js';

export interface RunningService {
  app: Express;
  close(): Promise<void>;
}

/** Composition root of a municipality instance: stores, directory, bot, jobs, HTTP. */
export async function composeInstance(config: ServiceConfig, logger: Logger, seed: Seed): Promise<RunningService & { attach(server: Server): void }> {
  const dir = path.resolve(config.dataDir, config.instanceId);
  mkdirSync(dir, { recursive: true });
  const clock = new AdjustableClock();
  const keyring = masterKeyringFor(config, path.join(dir, 'master.key'));
  const masterKey = keyring.current;
  const store = await openServiceStore({ database: config.database, sqliteFile: path.join(dir, 'service.db'), masterKey, previousMasterKeys: keyring.previous, now: () => clock.now(), logger });
  // After a master-key rotation: move every data key under the new key while serving.
  const rewrap = startDataKeyRewrap(store.dataKeys, logger);
  const pseudonyms = await loadPseudonymisers(store.dataKeys);
  const { store: organisation, kind: organisationKind } = await openOrganisationStore({
    mode: config.mode,
    env: process.env,
    sqliteFile: path.join(dir, 'organisation.db'),
    logger,
  });
  // Fictional seed people and departments belong in local mode only, never in a municipality's lists.
  if (config.mode === 'local') {
    const seeded = await seedOrganisation(organisation, config.municipalityCodes, seed.people, clock.now());
    logger.info({ seededDepartments: seeded.departments, seededRoles: seeded.roles }, 'organisation store ready');
  } else {
    logger.info({ organisationStore: organisationKind }, 'organisation store ready');
  }

  // Production with an app registration reads people and managers from Microsoft Graph; otherwise the seed.
  const graphDirectory =
    config.mode === 'production' ? graphDirectoryFromEnv(process.env, { servedCodes: config.municipalityCodes, organisation, clock }) : null;
  const directory = graphDirectory ?? new SeededDirectory(seed.people, organisation);
  // Its own key pair towards the district hub (the private key stays in `dir`).
  const hub = await connectToHub(config, dir, logger);
  const localTokens = config.mode === 'local' ? new LocalTokenService(masterKey, config.instanceId, config.tenantId!, () => clock.now()) : null;
  const verifier: TokenVerifier =
    localTokens ??
    new EntraTokenVerifier({ tenantId: config.tenantId!, audience: config.entra.audience!, jwksUrl: config.entra.jwksUrl, issuer: config.entra.issuer }, () => clock.now());

  const adapter = createCloudAdapter(config, logger);
  // The signal intake (bot, routing, receipt codes, reporter channel, legal clocks); its
  // `intake` service is shared with the anonymous web form.
  const signalIntake = composeSignalIntake({
    config,
    store,
    directory,
    clock,
    pseudonyms,
    logger,
    municipalities: seed.municipalities,
    adapter,
    installer: config.mode === 'production' ? graphAppInstallerFromEnv(process.env, logger) : null,
  });
  const { bot, transport } = signalIntake;
  // The yearly agenda nudges (requirement 1a): job, card actions, API, delivery hook.
  const agenda = composeAgenda({ config, store, organisation, directory, clock, municipalities: seed.municipalities, logger, schedules: process.env.AGENDA_NUDGE_SCHEDULES });
  // The working checklist of basis op orde (1a from the agenda; 2b live: the bot and /melden are served here).
  const checklist = composeChecklist({
    organisation,
    clock,
    agenda: agenda.service,
    timeZoneOf: () => NETHERLANDS_TIME_ZONE,
    signalChannelLive: (code) => config.municipalityCodes.includes(code) && (config.mode === 'local' || config.bot.appId !== null),
    servedMunicipalities: config.municipalityCodes,
  });
  // The learning module (issue 9): content, dialog, completion records, invitations.
  const learning = composeLearning({
    config,
    store,
    organisation,
    directory,
    clock,
    pseudonyms,
    municipalities: seed.municipalities,
    logger,
    localDir: process.env.LEARNING_LOCAL_DIR ?? path.join(dir, 'learning'),
    hub,
  });
  const worker = new OutboxWorker({
    outbox: store.outbox,
    transport,
    clock,
    workerId: `${config.instanceId}:${randomUUID()}`,
    logger,
    onFinalOutcome: signalIntake.onFinalOutcome,
    onDelivered: agenda.onDelivered,
  });
  const outboxLoop = startOutboxLoop({ worker, intervalMs: 2000, logger });
  const ids = { newId: () => randomUUID() };
  const scheduler = new JobScheduler({
    leases: store.leases,
    clock,
    logger,
    holder: `${config.instanceId}:${process.pid}:${randomUUID()}`,
    jobs: [
      ...signalIntake.jobs,
      retentionJob({ signals: store.signals, audit: store.audit, ids, logger }),
      agenda.job,
      ...learning.jobs,
      ...(graphDirectory ? [departmentSyncJob({ directory: graphDirectory, organisation, clock, municipalityCodes: config.municipalityCodes, logger })] : []),
    ],
  });
  scheduler.start();
  // The hub hears this instance's learning bands at start, not only after the first night.
  learning.reportBands();
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
    hub,
    rounds: {
      checklistStatuses: checklist.currentStatuses,
      municipalityName: (code) => seed.municipalities.find((m) => m.code === code)?.name ?? code,
    },
    adapter,
    bot: learning.withLearning(agenda.withCardActions(bot)),
    turns,
    signalsApi: {
      store,
      ids,
      reporterChannel: signalIntake.reporterChannel,
      retention: retentionTerms(config.retention.defaultMonths, config.retention.perMunicipality),
    },
    webForm: {
      served: config.municipalityCodes.flatMap((code) => seed.municipalities.filter((m) => m.code === code)),
      clock,
      logger,
      intake: signalIntake.intake,
      receiptCodes: signalIntake.receiptCodes,
      signals: store.signals,
      timeline: new TimelineReporterMessages(store.timeline),
    },
    extraRoutes: (a) => {
      a.use(privacyRoutes());
      a.use(agenda.routes(authenticate(verifier, directory, config.municipalityCodes)));
      a.use(checklist.routes(authenticate(verifier, directory, config.municipalityCodes)));
      a.use(learning.routes(authenticate(verifier, directory, config.municipalityCodes)));
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
      await learning.stop();
      await outboxLoop.stop();
      await rewrap.stop();
      await store.close();
      await organisation.close?.();
    },
  };
}
