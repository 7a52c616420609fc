import {
  acknowledgementAlert,
  acknowledgementReminder,
  dueLegalClockNotices,
  feedbackReminder,
  recipientLanguage,
  signalNoticeKey,
  toLocalDate,
  type LegalClockNotice,
  type Municipality,
  type NoticeContext,
  type Notifier,
  type Signal,
  type SignalRepository,
  type SignalRouting,
  type WorkingDayCalendar,
} from '@weerbaar/shared';
import type { Logger } from '../logging.js';
import type { ScheduledJob } from './scheduler.js';

export interface LegalClockJobDeps {
  signals: Pick<SignalRepository, 'list'>;
  routing: SignalRouting;
  notifier: Notifier;
  /** The municipalities this instance serves. */
  municipalities: readonly Pick<Municipality, 'code' | 'tenantId'>[];
  calendarFor: (municipalityCode: string) => WorkingDayCalendar;
  notices: NoticeContext;
  logger: Logger;
}

/** Every hour on working-day hours; the calendar decides which days really are working days. */
export const LEGAL_CLOCK_JOB_PATTERN = '0 8-17 * * 1-5';

const MESSAGES = {
  'reminder-acknowledge': acknowledgementReminder,
  'alert-acknowledge': acknowledgementAlert,
  'reminder-feedback': feedbackReminder,
} as const;

/**
 * The legal-clock job: reminds the MT contact when receipt is unconfirmed after three
 * working days, alerts the deputy and the coordinator after five (before the seven-day
 * term runs out), and reminds the MT contact two weeks before the feedback term ends.
 * Each notice is keyed by signal and kind, so it goes once however often the job runs.
 */
export function legalClockJob(deps: LegalClockJobDeps): ScheduledJob {
  return {
    name: 'legal-clocks',
    pattern: LEGAL_CLOCK_JOB_PATTERN,
    run: async (tickAt) => {
      const queued = await runLegalClocks(deps, tickAt);
      if (queued > 0) deps.logger.info({ job: 'legal-clocks', queued }, 'legal clock notices queued');
    },
  };
}

export async function runLegalClocks(deps: LegalClockJobDeps, now: Date): Promise<number> {
  let queued = 0;
  for (const municipality of deps.municipalities) {
    const calendar = deps.calendarFor(municipality.code);
    // A day off is no day to nudge anyone: the next working-day tick catches up.
    if (!calendar.isWorkingDay(toLocalDate(now, calendar.timeZone))) continue;
    let cursor: string | undefined;
    do {
      const page = await deps.signals.list({ municipalityCodes: [municipality.code], limit: 200, ...(cursor ? { cursor } : {}) });
      for (const signal of page.items) {
        for (const notice of dueLegalClockNotices(signal, now, calendar)) {
          queued += await notify(deps, municipality.tenantId, signal, notice, calendar.nextSendMoment(now));
        }
      }
      cursor = page.nextPageToken;
    } while (cursor);
  }
  return queued;
}

async function notify(deps: LegalClockJobDeps, tenantId: string, signal: Signal, notice: LegalClockNotice, notBefore: Date): Promise<number> {
  const recipients =
    notice === 'alert-acknowledge' ? await deps.routing.escalationRecipients(signal) : await deps.routing.newSignalRecipients(signal, notBefore);
  let queued = 0;
  for (const { person } of recipients) {
    const { queued: created } = await deps.notifier.notify({
      idempotencyKey: signalNoticeKey(signal.id, notice),
      tenantId,
      municipalityCode: signal.municipalityCode,
      recipientObjectId: person.objectId,
      message: MESSAGES[notice](signal, recipientLanguage(person), deps.notices),
      notBefore,
    });
    if (created) queued += 1;
  }
  return queued;
}
