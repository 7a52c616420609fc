import type { WorkingDayCalendar } from '../domain/calendar.js';
import { legalDeadlines, type ClockedSignal } from '../domain/legal-clocks.js';
import { addCalendarDays, dutchDateOf, toLocalDate } from '../domain/local-date.js';

/**
 * The nudges that keep a signal within its legal terms (7 days to acknowledge, 3 months
 * to give feedback), counted on the municipality's working-day calendar: people cannot
 * act on days off, so "three working days" is what gives them a fair chance.
 */
export const ACKNOWLEDGEMENT_REMINDER_WORKING_DAYS = 3;
export const ACKNOWLEDGEMENT_ALERT_WORKING_DAYS = 5;
export const FEEDBACK_REMINDER_DAYS_BEFORE = 14;

export type LegalClockNotice = 'reminder-acknowledge' | 'alert-acknowledge' | 'reminder-feedback';

/**
 * The notices due for a signal at `now`. Each is sent once per signal (the caller keys
 * them by signal and kind); a signal first looked at after five working days gets the
 * alert only, not a late reminder as well.
 */
export function dueLegalClockNotices(signal: ClockedSignal, now: Date, calendar: WorkingDayCalendar): LegalClockNotice[] {
  if (signal.status === 'closed') return [];
  const today = toLocalDate(now, calendar.timeZone);
  const due: LegalClockNotice[] = [];
  if (signal.acknowledgedAt === null && signal.status === 'received') {
    const workingDays = calendar.workingDaysBetween(dutchDateOf(signal.receivedAt), today);
    if (workingDays >= ACKNOWLEDGEMENT_ALERT_WORKING_DAYS) due.push('alert-acknowledge');
    else if (workingDays >= ACKNOWLEDGEMENT_REMINDER_WORKING_DAYS) due.push('reminder-acknowledge');
  }
  const { feedbackBy } = legalDeadlines(signal);
  if (today >= addCalendarDays(feedbackBy, -FEEDBACK_REMINDER_DAYS_BEFORE) && today <= feedbackBy) due.push('reminder-feedback');
  return due;
}
