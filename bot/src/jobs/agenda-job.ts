import {
  dueReminders,
  planAgendaRun,
  recipientScopedKey,
  type AgendaLedgerRepository,
  type AgendaSend,
  type AgendaService,
  type Clock,
  type Municipality,
  type Notifier,
  type NudgeSchedule,
  type OutgoingMessage,
  type WorkingDayCalendar,
} from '@weerbaar/shared';
import type { Logger } from '../logging.js';
import type { ScheduledJob } from './scheduler.js';

export interface AgendaJobDeps {
  service: Pick<AgendaService, 'snapshot'>;
  ledger: Pick<AgendaLedgerRepository, 'recordNudge' | 'nudges'>;
  notifier: Notifier;
  clock: Clock;
  municipalities: readonly Pick<Municipality, 'code' | 'tenantId'>[];
  calendarFor(municipalityCode: string): WorkingDayCalendar;
  scheduleFor(municipalityCode: string): NudgeSchedule;
  messageFor(send: AgendaSend): OutgoingMessage;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Every working-day hour at half past, from 08:30: the first run of the day sends the
 * day's nudges, later runs catch a head who came back, a department added or a
 * registration that changed the plan. The calendar decides which days are working days.
 */
export const AGENDA_JOB_PATTERN = '30 8-17 * * 1-5';

/**
 * A tick this far behind the clock is skipped: after a restart or a /dev/clock jump the
 * latest tick plans for "now", and windows that closed meanwhile are not sent late.
 */
const STALE_TICK_MS = 60 * 60_000;

export interface AgendaRunSummary {
  planned: number;
  queued: number;
  escalations: number;
}

export function agendaJob(deps: AgendaJobDeps): ScheduledJob {
  return {
    name: 'agenda-nudges',
    pattern: AGENDA_JOB_PATTERN,
    run: async (tickAt) => {
      const now = deps.clock.now();
      if (now.getTime() - tickAt.getTime() > STALE_TICK_MS) return;
      const summary = await runAgendaNudges(deps, now);
      if (summary.queued > 0) deps.logger.info({ job: 'agenda-nudges', ...summary }, 'agenda nudges queued');
    },
  };
}

/**
 * Plans each municipality's nudges and queues them. Exactly once per department, window
 * and recipient: the outbox refuses a second message with the same idempotency key, so
 * a rerun, a restart or a second process queues nothing new. The ledger row is written
 * before the message, so the delivery hook always finds it.
 */
export async function runAgendaNudges(deps: AgendaJobDeps, now: Date): Promise<AgendaRunSummary> {
  const summary: AgendaRunSummary = { planned: 0, queued: 0, escalations: 0 };
  for (const municipality of deps.municipalities) {
    try {
      const [{ facts }, ledger] = await Promise.all([deps.service.snapshot(municipality.code), deps.ledger.nudges(municipality.code)]);
      const schedule = deps.scheduleFor(municipality.code);
      const calendar = deps.calendarFor(municipality.code);
      const plan = planAgendaRun(facts, schedule, calendar, now);
      const reminders = dueReminders(facts, ledger, schedule, calendar, now);
      for (const send of [...plan.sends, ...plan.escalations, ...reminders]) {
        summary.planned += 1;
        if (await queue(deps, send, now)) {
          summary.queued += 1;
          if (send.stage === 'escalation') summary.escalations += 1;
        }
      }
    } catch (error) {
      // One municipality's broken list must not keep the other's heads from their nudges.
      deps.logger.warn({ job: 'agenda-nudges', municipality: municipality.code, err: error instanceof Error ? error.message : String(error) }, 'agenda run failed');
    }
  }
  return summary;
}

async function queue(deps: AgendaJobDeps, send: AgendaSend, now: Date): Promise<boolean> {
  await deps.ledger.recordNudge({
    key: recipientScopedKey(send.purposeKey, send.recipient.objectId),
    municipalityCode: send.municipalityCode,
    departmentId: send.departmentId,
    windowKey: send.windowKey,
    stage: send.stage,
    recipientRole: send.recipientRole,
    recipientObjectId: send.recipient.objectId,
    queuedAt: now.toISOString(),
    notBefore: send.notBefore.toISOString(),
  });
  const { queued } = await deps.notifier.notify({
    idempotencyKey: send.purposeKey,
    tenantId: send.tenantId,
    municipalityCode: send.municipalityCode,
    recipientObjectId: send.recipient.objectId,
    message: deps.messageFor(send),
    notBefore: send.notBefore,
  });
  return queued;
}
