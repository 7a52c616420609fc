import {
  languageOf,
  planLearningInvitations,
  toLocalDate,
  type Clock,
  type Directory,
  type LearningInvitationKind,
  type LearningRecords,
  type Municipality,
  type Notifier,
  type OutgoingMessage,
  type WorkingDayCalendar,
} from '@weerbaar/shared';
import type { Logger } from '../logging.js';
import type { ScheduledJob } from './scheduler.js';

export interface LearningJobDeps {
  directory: Pick<Directory, 'peopleOf'>;
  notifier: Notifier;
  records: Pick<LearningRecords, 'deleteExpired'>;
  clock: Clock;
  municipalities: readonly Pick<Municipality, 'code' | 'tenantId'>[];
  calendarFor(municipalityCode: string): WorkingDayCalendar;
  messageFor(language: 'nl' | 'en', kind: LearningInvitationKind): OutgoingMessage;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/** Working days at 10:15: invitations land mid-morning, not at the start of someone's day. */
export const LEARNING_JOB_PATTERN = '15 10 * * 1-5';

/** A tick this far behind the clock (a restart, a /dev/clock jump) is skipped: the latest tick plans for "now". */
const STALE_TICK_MS = 60 * 60_000;

export interface LearningRunSummary {
  planned: number;
  queued: number;
  expiredRecords: number;
}

export function learningJob(deps: LearningJobDeps): ScheduledJob {
  return {
    name: 'learning-invitations',
    pattern: LEARNING_JOB_PATTERN,
    run: async (tickAt) => {
      const now = deps.clock.now();
      if (now.getTime() - tickAt.getTime() > STALE_TICK_MS) return;
      const summary = await runLearningJob(deps, now);
      if (summary.queued > 0 || summary.expiredRecords > 0) deps.logger.info({ job: 'learning-invitations', ...summary }, 'learning invitations queued');
    },
  };
}

/**
 * Queues today's invitations (onboarding in the first two weeks, the yearly refresher on
 * the start-date anniversary) through the outbox, inside the quiet hours of the calendar,
 * and deletes completion records past their retention. Exactly once per person and
 * occasion: the outbox refuses a second message with the same idempotency key.
 */
export async function runLearningJob(deps: LearningJobDeps, now: Date): Promise<LearningRunSummary> {
  const summary: LearningRunSummary = { planned: 0, queued: 0, expiredRecords: 0 };
  for (const municipality of deps.municipalities) {
    try {
      const calendar = deps.calendarFor(municipality.code);
      const today = toLocalDate(now, calendar.timeZone);
      const people = await deps.directory.peopleOf(municipality.code);
      const notBefore = calendar.nextSendMoment(now);
      for (const invitation of planLearningInvitations(people, municipality.code, today)) {
        summary.planned += 1;
        const { queued } = await deps.notifier.notify({
          idempotencyKey: invitation.purposeKey,
          tenantId: municipality.tenantId,
          municipalityCode: municipality.code,
          recipientObjectId: invitation.person.objectId,
          message: deps.messageFor(languageOf(invitation.person.locale), invitation.kind),
          notBefore,
        });
        if (queued) summary.queued += 1;
      }
    } catch (error) {
      // One municipality's failure must not keep the other's people from their invitation.
      deps.logger.warn({ job: 'learning-invitations', municipality: municipality.code, err: error instanceof Error ? error.message : String(error) }, 'learning invitations failed');
    }
  }
  try {
    summary.expiredRecords = await deps.records.deleteExpired(now);
  } catch (error) {
    deps.logger.warn({ job: 'learning-invitations', err: error instanceof Error ? error.message : String(error) }, 'learning record retention failed');
  }
  return summary;
}
