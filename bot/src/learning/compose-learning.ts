import { Router, type RequestHandler } from 'express';
import type { ActivityHandler } from 'botbuilder';
import {
  LearningRecords,
  OutboxNotifier,
  createWorkingDayCalendar,
  type Clock,
  type Directory,
  type Municipality,
  type OrganisationStore,
  type ServiceStore,
} from '@weerbaar/shared';
import type { ServiceConfig } from '../config/config.js';
import type { Pseudonymisers } from '../crypto/pseudonym.js';
import { learningRoutes, learningSettingsRoutes } from '../http/learning-routes.js';
import { LearningBandReporter, type LearningBandReporterDeps } from '../jobs/learning-band-job.js';
import { learningJob } from '../jobs/learning-job.js';
import type { Logger } from '../logging.js';
import { createLearningHandler, LearningBot } from '../teams/learning/learning-activity.js';
import { learningInvitationMessage } from '../teams/learning/learning-cards.js';
import { LearningFlow } from '../teams/learning/learning-flow.js';
import { LearningStateStore } from '../teams/learning/learning-state.js';
import { ServiceStoreStorage } from '../teams/service-store-storage.js';
import { loadLearningContent } from './learning-content.js';

export interface LearningParts {
  config: Pick<ServiceConfig, 'municipalityCodes' | 'publicBaseUrl' | 'tenantId'>;
  store: Pick<ServiceStore, 'outbox' | 'dialogState' | 'idempotency'>;
  organisation: OrganisationStore;
  directory: Directory;
  clock: Clock;
  /** Keyed pseudonyms for dialog state and activity keys (stable across a master-key rotation). */
  pseudonyms: Pseudonymisers;
  municipalities: readonly Municipality[];
  logger: Logger;
  /** The municipality's own scenarios (LEARNING_LOCAL_DIR, default data/<instance>/learning); null for none. */
  localDir: string | null;
  /** shared/learning unless a test points elsewhere. */
  standardDir?: string;
  /** The district hub, which receives one completion band per municipality; null without a hub. */
  hub: LearningBandReporterDeps['hub'] | null;
}

/**
 * Wires the learning module of an instance (issue 9): the content (standard module plus
 * the municipality's own scenarios), the dialog in Teams, the completion records and
 * their API, and the daily invitation job. No rules here.
 */
export function composeLearning(parts: LearningParts) {
  const { config, store, clock, logger } = parts;
  const municipalities = parts.municipalities.filter((m) => config.municipalityCodes.includes(m.code));
  const content = loadLearningContent({
    standardDir: parts.standardDir,
    localDir: parts.localDir,
    municipalityCodes: config.municipalityCodes,
    logger,
  });
  const records = new LearningRecords({ organisation: parts.organisation, directory: parts.directory, municipalities });
  const calendars = new Map(municipalities.map((m) => [m.code, createWorkingDayCalendar()]));
  const calendarFor = (code: string) => calendars.get(code) ?? createWorkingDayCalendar();
  const webFormUrl = `${config.publicBaseUrl.replace(/\/+$/, '')}/melden`;
  const tenantId = config.tenantId ?? '';

  const bandReporter = parts.hub ? new LearningBandReporter({ records, hub: parts.hub, clock, logger }) : null;
  const figuresChanged = () => bandReporter?.soon();
  const flow = new LearningFlow({
    content,
    recordCompletion: async (person, version, now) => {
      const result = await records.recordCompletion(person, version, now);
      if (result.recorded) figuresChanged();
      return result;
    },
    clock,
    webFormUrl,
    logger,
  });
  // The same key derivations as the signal bot: one dialog-state namespace, one redelivery namespace.
  const state = new LearningStateStore(new ServiceStoreStorage(store.dialogState, parts.pseudonyms['dialog-state']));
  const handleLearning = createLearningHandler({
    tenantId,
    directory: parts.directory,
    flow,
    state,
    idempotency: store.idempotency,
    conversationKey: parts.pseudonyms['activity-conversations'],
    clock,
    logger,
  });
  const job = learningJob({
    directory: parts.directory,
    notifier: new OutboxNotifier(store.outbox, clock),
    records,
    clock,
    municipalities,
    calendarFor,
    messageFor: learningInvitationMessage,
    logger,
  });

  return {
    content,
    records,
    /** The invitations, and the nightly band report to the hub when there is one. */
    jobs: bandReporter ? [job, bandReporter.job()] : [job],
    /** Sends the bands now (in the background); the instance calls it at start. */
    reportBands: figuresChanged,
    /** Shutdown: drops a pending retry and waits for a band report in flight. */
    stop: async () => bandReporter?.stop(),
    /** Puts the learning module in front of the instance's bot. */
    withLearning: (bot: ActivityHandler): ActivityHandler => new LearningBot(bot, handleLearning, tenantId),
    /** `/api/learning` and the recording switch under `/api/organisation`, both behind `auth`. */
    routes: (auth: RequestHandler): Router => {
      const deps = { records, clock, servedMunicipalities: config.municipalityCodes, onFiguresChanged: figuresChanged };
      const router = Router();
      router.use('/api/learning', auth, learningRoutes(deps));
      router.use('/api/organisation', auth, learningSettingsRoutes(deps));
      return router;
    },
  };
}
