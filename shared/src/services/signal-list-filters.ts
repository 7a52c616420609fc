import { ACKNOWLEDGEMENT_TERM_DAYS, FEEDBACK_TERM_MONTHS } from '../domain/legal-clocks.js';
import { addCalendarDays, addMonths, dutchDateOf, zonedDateTimeToInstant, type LocalDate } from '../domain/local-date.js';
import type { SignalListQuery } from '../api/signals-api.js';
import type { SignalQuery } from '../ports/service-store.js';

/**
 * Turns the dashboard's filters (calendar dates, "overdue") into bounds on stored
 * instants, so the store filters with plain comparisons on indexed columns and never
 * has to know the legal clocks. Each bound is exact: a signal passes the filter if and
 * only if legal-clocks.ts calls it overdue (the tests compare both on many dates).
 */
function startOfDutchDay(date: LocalDate): string {
  return zonedDateTimeToInstant(date, '00:00').toISOString();
}

/** Inclusive calendar dates (Dutch time) to an instant range on receivedAt. */
export function receivedBounds(from?: LocalDate, to?: LocalDate): Pick<SignalQuery, 'receivedFrom' | 'receivedBefore'> {
  return {
    ...(from !== undefined ? { receivedFrom: startOfDutchDay(from) } : {}),
    ...(to !== undefined ? { receivedBefore: startOfDutchDay(addCalendarDays(to, 1)) } : {}),
  };
}

/**
 * Receipt is overdue when today is after receivedOn + 7, i.e. receivedOn is on or
 * before today - 8: received before the start of today - 7.
 */
export function acknowledgementOverdueBound(now: Date): string {
  return startOfDutchDay(addCalendarDays(dutchDateOf(now), -ACKNOWLEDGEMENT_TERM_DAYS));
}

/**
 * Feedback is overdue when today is after start + 3 months. Month arithmetic clamps
 * (31 May + 3 months = 31 Aug, 30 Nov + 3 months = 28 Feb), so the last start date
 * that is overdue today is searched for rather than derived by subtracting months.
 */
export function feedbackOverdueBounds(now: Date): NonNullable<SignalQuery['feedbackStartedBefore']> {
  const today = dutchDateOf(now);
  let lastOverdueStart = addMonths(today, -FEEDBACK_TERM_MONTHS);
  while (addMonths(lastOverdueStart, FEEDBACK_TERM_MONTHS) >= today) lastOverdueStart = addCalendarDays(lastOverdueStart, -1);
  while (addMonths(addCalendarDays(lastOverdueStart, 1), FEEDBACK_TERM_MONTHS) < today) {
    lastOverdueStart = addCalendarDays(lastOverdueStart, 1);
  }
  const dayAfter = addCalendarDays(lastOverdueStart, 1);
  return {
    // Acknowledged: the term starts on the day of acknowledgement.
    acknowledgedBefore: startOfDutchDay(dayAfter),
    // Never acknowledged: the term starts when the 7-day term ends (receivedOn + 7).
    unacknowledgedReceivedBefore: startOfDutchDay(addCalendarDays(dayAfter, -ACKNOWLEDGEMENT_TERM_DAYS)),
  };
}

/** The store query for the dashboard's filters (scope and paging are added by the caller). */
export function signalQueryFilters(
  query: Omit<SignalListQuery, 'pageSize' | 'cursor'>,
  now: Date,
): Omit<SignalQuery, 'municipalityCodes' | 'limit' | 'cursor'> {
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...receivedBounds(query.from, query.to),
    // The department can identify a reporter; it is only shown, and so only
    // searchable, for signals whose reporter chose to be named.
    ...(query.department ? { department: query.department, confidentiality: 'named' as const } : {}),
    ...(query.overdue === 'acknowledgement' ? { unacknowledgedReceivedBefore: acknowledgementOverdueBound(now) } : {}),
    ...(query.overdue === 'feedback' ? { feedbackStartedBefore: feedbackOverdueBounds(now) } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
  };
}
