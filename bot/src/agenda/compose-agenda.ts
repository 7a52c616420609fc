import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { ActivityHandler } from 'botbuilder';
import {
  AgendaService,
  OutboxNotifier,
  createWorkingDayCalendar,
  type AgendaSend,
  type Clock,
  type DeliveryOutcome,
  type Directory,
  type Municipality,
  type OrganisationStore,
  type OutboxMessage,
  type ServiceStore,
} from '@weerbaar/shared';
import type { ServiceConfig } from '../config/config.js';
import { agendaRoutes } from '../http/agenda-routes.js';
import { recognitionRoutes } from '../http/recognition-page.js';
import { agendaJob } from '../jobs/agenda-job.js';
import type { Logger } from '../logging.js';
import { AgendaActionsBot, createAgendaActionHandler } from '../teams/agenda/agenda-activity.js';
import { AgendaCardActions } from '../teams/agenda/card-actions.js';
import { agendaCardUpdates } from '../teams/agenda/card-updates.js';
import { agendaNudgeMessage } from '../teams/agenda/cards.js';
import { agendaSchedulesFromEnv } from './agenda-schedules.js';

export interface AgendaParts {
  config: Pick<ServiceConfig, 'municipalityCodes' | 'publicBaseUrl' | 'tenantId'>;
  store: Pick<ServiceStore, 'outbox' | 'agenda'>;
  organisation: OrganisationStore;
  directory: Directory;
  clock: Clock;
  municipalities: readonly Municipality[];
  logger: Logger;
  /** AGENDA_NUDGE_SCHEDULES (JSON per CBS code); default windows when unset. */
  schedules?: string;
}

/**
 * Wires the yearly agenda cycle of an instance (requirement 1a): the agenda service, the
 * scheduled nudge job, the card actions in Teams, the API of the Afdelingsagenda web part
 * and the outbox delivery hook that keeps each card's activity id. No rules here.
 */
export function composeAgenda(parts: AgendaParts) {
  const { config, store, clock, logger } = parts;
  const municipalities = parts.municipalities.filter((m) => config.municipalityCodes.includes(m.code));
  const calendars = new Map(municipalities.map((m) => [m.code, createWorkingDayCalendar()]));
  const calendarFor = (code: string) => calendars.get(code) ?? createWorkingDayCalendar();
  const scheduleFor = agendaSchedulesFromEnv(parts.schedules);
  const recognitionUrl = `${config.publicBaseUrl.replace(/\/+$/, '')}/herkennen`;
  const notifier = new OutboxNotifier(store.outbox, clock);
  const service = new AgendaService({
    organisation: parts.organisation,
    directory: parts.directory,
    ledger: store.agenda,
    ids: { newId: randomUUID },
    municipalities,
    calendarFor,
    scheduleFor,
  });

  const messageFor = (send: AgendaSend) =>
    agendaNudgeMessage({
      language: send.recipient.language,
      departmentId: send.departmentId,
      departmentName: send.departmentName,
      windowKey: send.windowKey,
      stage: send.stage,
      dueDate: send.dueDate,
      recipientRole: send.recipientRole,
      recognitionUrl,
    });
  const job = agendaJob({ service, ledger: store.agenda, notifier, clock, municipalities, calendarFor, scheduleFor, messageFor, logger });

  const actions = new AgendaCardActions({
    service,
    organisation: parts.organisation,
    ledger: store.agenda,
    clock,
    calendarFor,
    recognitionUrl,
    logger,
  });
  const handleAgendaAction = createAgendaActionHandler({ tenantId: config.tenantId ?? '', directory: parts.directory, actions, logger });
  const afterRecorded = agendaCardUpdates({
    ledger: store.agenda,
    notifier,
    directory: parts.directory,
    recognitionUrl,
    tenantOf: (code) => service.tenantOf(code),
  });

  return {
    service,
    job,
    actions,
    handleAgendaAction,
    /** Puts the card actions in front of the instance's bot. */
    withCardActions: (bot: ActivityHandler): ActivityHandler => new AgendaActionsBot(bot, handleAgendaAction),
    /** The outbox worker's delivery hook: keeps the Teams activity id of each nudge card. */
    onDelivered: async (message: OutboxMessage, outcome: Extract<DeliveryOutcome, { kind: 'sent' }>) => {
      if (!message.payload.kind.startsWith('agenda.')) return;
      await store.agenda.markDelivered(message.idempotencyKey, outcome.activityId ?? null, clock.now().toISOString());
    },
    /** `/api/agenda` (behind `auth`) and the recognition page the cards link to. */
    routes: (auth: RequestHandler): Router => {
      const router = Router();
      router.use(recognitionRoutes());
      router.use('/api/agenda', auth, agendaRoutes({ service, clock, afterRecorded }));
      return router;
    },
  };
}
