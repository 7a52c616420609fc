import type { LearningBand, LearningPersonCompletionDto, LearningTrendPointDto } from '../api/learning-api.js';
import { addCalendarDays, addMonths, toLocalDate, type LocalDate } from '../domain/local-date.js';

/**
 * The figures of the learning module, computed from completion records alone. Pure, so
 * the suppression and band rules are tested without a store: a department under five
 * people shows no figure in the MT view, and the Twente-wide view shows only a band.
 */
export const LEARNING_WINDOW_MONTHS = 12;
export const LEARNING_MINIMUM_GROUP_SIZE = 5;
/** Completion records older than this are deleted: the trend looks back 12 months over a 12-month window. */
export const LEARNING_RECORD_RETENTION_MONTHS = 24;
export const LEARNING_TREND_POINTS = 12;

export interface LearningCompletionFact {
  personUpn: string;
  /** ISO instant. */
  completedOn: string;
}

export interface LearningMember {
  upn: string;
  displayName: string;
}

export interface LearningFigureOptions {
  today: LocalDate;
  timeZone: string;
}

/** The latest completion per person (lower-case UPN) as a local date. */
function latestByPerson(completions: readonly LearningCompletionFact[], timeZone: string): Map<string, LocalDate[]> {
  const byPerson = new Map<string, LocalDate[]>();
  for (const completion of completions) {
    const instant = new Date(completion.completedOn);
    if (Number.isNaN(instant.getTime())) continue;
    const upn = completion.personUpn.toLowerCase();
    const dates = byPerson.get(upn) ?? [];
    dates.push(toLocalDate(instant, timeZone));
    byPerson.set(upn, dates);
  }
  for (const dates of byPerson.values()) dates.sort();
  return byPerson;
}

/** The last completion in the window (windowMonths before `until`, exclusive, up to `until`, inclusive). */
function completedWithin(dates: readonly LocalDate[] | undefined, until: LocalDate): LocalDate | null {
  if (!dates) return null;
  const from = addMonths(until, -LEARNING_WINDOW_MONTHS);
  let last: LocalDate | null = null;
  for (const date of dates) if (date > from && date <= until) last = date;
  return last;
}

export function learningPercentage(completed: number, members: number): number | null {
  return members === 0 ? null : Math.round((completed / members) * 100);
}

/** The last day of the month `monthsBack` months before `today`'s month, or today for this month. */
function trendPointDate(today: LocalDate, monthsBack: number): LocalDate {
  if (monthsBack === 0) return today;
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  return addCalendarDays(addMonths(firstOfThisMonth, 1 - monthsBack), -1);
}

export interface LearningGroupFigures {
  members: number;
  completed: number;
  percentage: number | null;
  trend: LearningTrendPointDto[];
  people: LearningPersonCompletionDto[];
}

/**
 * Completion of one group (a department, a municipality) of the current members: who
 * completed in the last 12 months, the percentage, and the same share at the end of each
 * of the last 12 months (the trend is measured over today's members).
 */
export function groupFigures(members: readonly LearningMember[], completions: readonly LearningCompletionFact[], options: LearningFigureOptions): LearningGroupFigures {
  const byPerson = latestByPerson(completions, options.timeZone);
  const people = members
    .map((member) => ({
      displayName: member.displayName,
      upn: member.upn,
      completedOn: completedWithin(byPerson.get(member.upn.toLowerCase()), options.today),
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
  const completed = people.filter((person) => person.completedOn !== null).length;
  const trend: LearningTrendPointDto[] = [];
  for (let back = LEARNING_TREND_POINTS - 1; back >= 0; back -= 1) {
    const point = trendPointDate(options.today, back);
    const done = members.filter((member) => completedWithin(byPerson.get(member.upn.toLowerCase()), point) !== null).length;
    trend.push({ month: point.slice(0, 7), percentage: learningPercentage(done, members.length) });
  }
  return { members: members.length, completed, percentage: learningPercentage(completed, members.length), trend, people };
}

export function isLearningGroupSuppressed(members: number): boolean {
  return members < LEARNING_MINIMUM_GROUP_SIZE;
}

/** The four bands of the Twente-wide view. */
export function completionBand(percentage: number): LearningBand {
  if (percentage < 25) return 'minder-dan-25';
  if (percentage < 50) return '25-tot-50';
  if (percentage < 75) return '50-tot-75';
  return '75-of-meer';
}

/** Records to delete: completed before the retention horizon. */
export function expiredCompletion(completedOn: string, today: LocalDate, timeZone: string): boolean {
  const instant = new Date(completedOn);
  if (Number.isNaN(instant.getTime())) return false;
  return toLocalDate(instant, timeZone) <= addMonths(today, -LEARNING_RECORD_RETENTION_MONTHS);
}
