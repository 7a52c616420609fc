import type { Signal } from './signal.js';
import { addCalendarDays, addMonths, dutchDateOf, NETHERLANDS_TIME_ZONE } from './local-date.js';

/**
 * The legal clocks of an internal reporting channel (EU Directive 2019/1937 art. 9,
 * Wet bescherming klokkenluiders): confirm receipt within 7 calendar days, and give
 * feedback within 3 months of that confirmation (or, when receipt was never confirmed,
 * within 3 months of the end of the 7-day term).
 *
 * Terms count calendar days in the Netherlands, and a deadline is a whole day: acting
 * at any moment on `acknowledgeBy` (Dutch time) is on time. Deadlines are therefore ISO
 * calendar dates (yyyy-mm-dd), the last day on which the action is still on time.
 */
export const ACKNOWLEDGEMENT_TERM_DAYS = 7;
export const FEEDBACK_TERM_MONTHS = 3;
/** The time zone the terms are counted in. */
export const LEGAL_CLOCK_TIME_ZONE = NETHERLANDS_TIME_ZONE;

export interface LegalDeadlines {
  /** Last day (yyyy-mm-dd) to confirm receipt to the reporter. */
  acknowledgeBy: string;
  /** Last day (yyyy-mm-dd) to tell the reporter what was done. */
  feedbackBy: string;
}

/** What the clocks need of a signal; a full Signal fits. */
export type ClockedSignal = Pick<Signal, 'receivedAt' | 'acknowledgedAt' | 'closedAt' | 'status'>;

export function legalDeadlines(signal: ClockedSignal): LegalDeadlines {
  const acknowledgeBy = addCalendarDays(dutchDateOf(signal.receivedAt), ACKNOWLEDGEMENT_TERM_DAYS);
  // Without a confirmation the feedback term starts when the confirmation term ends.
  const feedbackStart = signal.acknowledgedAt ? dutchDateOf(signal.acknowledgedAt) : acknowledgeBy;
  return { acknowledgeBy, feedbackBy: addMonths(feedbackStart, FEEDBACK_TERM_MONTHS) };
}

/** Receipt not yet confirmed and the last day to do so has passed. */
export function isAcknowledgementOverdue(signal: ClockedSignal, now: Date): boolean {
  if (signal.acknowledgedAt) return false;
  return dutchDateOf(now) > legalDeadlines(signal).acknowledgeBy;
}

/**
 * The signal is still open and the last day for feedback has passed. Closing tells
 * the reporter the outcome, so a closed signal counts as fed back; a forwarded one
 * does not yet, because forwarding alone is not recorded as a message to the reporter.
 */
export function isFeedbackOverdue(signal: ClockedSignal, now: Date): boolean {
  if (signal.status === 'closed') return false;
  return dutchDateOf(now) > legalDeadlines(signal).feedbackBy;
}

/** Receipt was confirmed after the last day allowed (for the insights and the FG). */
export function wasAcknowledgedLate(signal: ClockedSignal): boolean {
  if (!signal.acknowledgedAt) return false;
  return dutchDateOf(signal.acknowledgedAt) > legalDeadlines(signal).acknowledgeBy;
}
