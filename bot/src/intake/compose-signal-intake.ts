import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import {
  OutboxNotifier,
  SignalIntakeService,
  SignalRouting,
  UndeliverableNotices,
  createWorkingDayCalendar,
  type Clock,
  type Directory,
  type Municipality,
  type ServiceStore,
  type TeamsAppInstaller,
} from '@weerbaar/shared';
import type { ServiceConfig } from '../config/config.js';
import { fileHostPolicy } from '../teams/attachments/file-hosts.js';
import type { Pseudonymisers } from '../crypto/pseudonym.js';
import { ScryptReceiptCodes } from '../crypto/receipt-codes.js';
import { intakeDraftExpiryJob } from '../jobs/intake-draft-expiry.js';
import { legalClockJob } from '../jobs/legal-clock-jobs.js';
import type { Logger } from '../logging.js';
import { ConversationReferences } from '../teams/conversation-references.js';
import { ConversationStateStore } from '../teams/dialog/conversation-state.js';
import { IntakeFlow } from '../teams/dialog/intake-flow.js';
import { TeamsReporterChannel } from '../teams/reporter-channel.js';
import { ServiceStoreStorage } from '../teams/service-store-storage.js';
import { SignalBot } from '../teams/signal-bot.js';
import { TeamsTransport } from '../teams/teams-transport.js';

export interface SignalIntakeParts {
  config: ServiceConfig;
  store: ServiceStore;
  directory: Directory;
  clock: Clock;
  /** Keyed pseudonyms for dialog state and activity keys (stable across a master-key rotation). */
  pseudonyms: Pseudonymisers;
  logger: Logger;
  municipalities: readonly Municipality[];
  adapter: CloudAdapter;
  installer: TeamsAppInstaller | null;
}

/**
 * Wires the signal intake of an instance: the intake service (shared by the bot and the
 * anonymous web form), routing, receipt codes, the outbox notifier and its
 * undeliverable hook, the reporter channel, the legal-clock job, the Teams transport and
 * the bot. No rules here: each piece is a port implementation or a domain service.
 */
export function composeSignalIntake(parts: SignalIntakeParts) {
  const { config, store, directory, clock, logger } = parts;
  const municipalities = parts.municipalities.filter((m) => config.municipalityCodes.includes(m.code));
  const notices = { dashboardUrl: config.dashboardUrl };
  const privacyUrl = `${config.publicBaseUrl.replace(/\/+$/, '')}/privacy`;
  const notifier = new OutboxNotifier(store.outbox, clock);
  const routing = new SignalRouting(directory);
  const receiptCodes = new ScryptReceiptCodes(store.receiptCodes, clock);
  const intake = new SignalIntakeService({
    signals: store.signals,
    audit: store.audit,
    notifier,
    receiptCodes,
    routing,
    ids: { newId: randomUUID },
    municipalities,
    notices,
  });
  const undeliverable = new UndeliverableNotices({ routing, signals: store.signals, directory, notifier, municipalities, logger });
  const reporterChannel = new TeamsReporterChannel({ signals: store.signals, timeline: store.timeline, notifier, directory, municipalities, logger });

  const references = new ConversationReferences(store.conversations, parts.pseudonyms['conversation-references']);
  const transport = new TeamsTransport(parts.adapter, config.bot.appId ?? '', references, parts.installer);
  const calendars = new Map(municipalities.map((m) => [m.code, createWorkingDayCalendar()]));
  const legalClocks = legalClockJob({
    signals: store.signals,
    routing,
    notifier,
    municipalities,
    calendarFor: (code) => calendars.get(code) ?? createWorkingDayCalendar(),
    notices,
    logger,
  });

  const tenantId = config.tenantId ?? '';
  const flow = new IntakeFlow({
    intake,
    directory,
    municipalityCodes: config.municipalityCodes,
    clock,
    privacyUrl,
    logger,
    attachments: store.attachments,
  });
  const bot = new SignalBot({
    tenantId,
    references,
    idempotency: store.idempotency,
    state: new ConversationStateStore(new ServiceStoreStorage(store.dialogState, parts.pseudonyms['dialog-state'])),
    flow,
    status: { receiptCodes, signals: store.signals, timeline: store.timeline },
    clock,
    logger,
    privacyUrl,
    conversationKey: parts.pseudonyms['activity-conversations'],
    fileHosts: fileHostPolicy(config.mode),
  });

  return {
    intake,
    receiptCodes,
    notifier,
    routing,
    reporterChannel,
    transport,
    bot,
    legalClocks,
    /** The scheduled jobs of the intake: legal clocks, and the nightly deletion of abandoned drafts. */
    jobs: [legalClocks, intakeDraftExpiryJob({ dialogState: store.dialogState, logger })],
    /** The outbox worker's final-outcome hook: pass a notice on, tell the app admin. */
    onFinalOutcome: undeliverable.handle.bind(undeliverable),
  };
}
