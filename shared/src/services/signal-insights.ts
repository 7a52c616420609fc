import type { InsightsDto } from '../api/signals-api.js';
import { dutchDateOf } from '../domain/local-date.js';
import { CATEGORY_IDS, SIGNAL_STATUSES, type CategoryId, type SignalStatus } from '../domain/signal.js';
import type { SignalFact } from '../ports/service-store.js';
import { feedbackOverdueBounds } from './signal-list-filters.js';

/**
 * Management information over signals and tombstones: figures over groups only. A
 * department with fewer than five signals is not shown, so the few reporters of a
 * small department cannot be singled out; when that would leave exactly one department
 * hidden, the next smallest is hidden with it, so its count cannot be worked out by
 * subtracting the others from the total.
 */
export const DEPARTMENT_SUPPRESSION_THRESHOLD = 5;
export const OPEN_TOO_LONG_DAYS = 7;
const MS_PER_HOUR = 3_600_000;

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

export function suppressSmallDepartments(counts: ReadonlyMap<string, number>): Pick<InsightsDto, 'byDepartment' | 'suppressedDepartments'> {
  const ordered = [...counts.entries()]
    .map(([department, count]) => ({ department, count }))
    .sort((a, b) => a.count - b.count || a.department.localeCompare(b.department));
  const hidden = new Set(ordered.filter((row) => row.count < DEPARTMENT_SUPPRESSION_THRESHOLD).map((row) => row.department));
  if (hidden.size === 1) {
    const nextSmallest = ordered.find((row) => !hidden.has(row.department));
    if (nextSmallest) hidden.add(nextSmallest.department);
  }
  const byDepartment = ordered
    .filter((row) => !hidden.has(row.department))
    .sort((a, b) => b.count - a.count || a.department.localeCompare(b.department));
  return { byDepartment, suppressedDepartments: hidden.size };
}

/**
 * The Dutch month of an instant, looked up once per UTC hour: the Netherlands' offset is a
 * whole number of hours, so every instant in one UTC hour falls on the same Dutch day.
 * (Time-zone formatting is the expensive part of counting thousands of signals.)
 */
function monthCounter(): (instant: string) => string {
  const byHour = new Map<string, string>();
  return (instant) => {
    const hour = instant.slice(0, 13);
    let month = byHour.get(hour);
    if (month === undefined) {
      month = dutchDateOf(instant).slice(0, 7);
      byHour.set(hour, month);
    }
    return month;
  };
}

export function computeInsights(facts: readonly SignalFact[], now: Date): InsightsDto {
  const byCategory = zeroed<CategoryId>(CATEGORY_IDS);
  const byStatus = zeroed<SignalStatus>(SIGNAL_STATUSES);
  const byMonth = new Map<string, number>();
  const departments = new Map<string, number>();
  const hoursToAcknowledge: number[] = [];
  const openSince = now.getTime() - OPEN_TOO_LONG_DAYS * 24 * MS_PER_HOUR;
  let openLongerThan7Days = 0;
  let feedbackOverdue = 0;
  // The same bounds the list's "feedback overdue" filter uses (equal to legal-clocks.ts, tested).
  const feedbackBounds = feedbackOverdueBounds(now);
  const monthOf = monthCounter();

  for (const fact of facts) {
    byCategory[fact.category] += 1;
    byStatus[fact.status] += 1;
    const month = monthOf(fact.receivedAt);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    if (fact.department) departments.set(fact.department, (departments.get(fact.department) ?? 0) + 1);
    if (fact.acknowledgedAt) {
      hoursToAcknowledge.push((Date.parse(fact.acknowledgedAt) - Date.parse(fact.receivedAt)) / MS_PER_HOUR);
    }
    if (fact.status !== 'closed' && Date.parse(fact.receivedAt) < openSince) openLongerThan7Days += 1;
    const feedbackLate = fact.acknowledgedAt
      ? fact.acknowledgedAt < feedbackBounds.acknowledgedBefore
      : fact.receivedAt < feedbackBounds.unacknowledgedReceivedBefore;
    if (fact.status !== 'closed' && feedbackLate) feedbackOverdue += 1;
  }

  return {
    total: facts.length,
    byCategory,
    byStatus,
    byMonth: [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
    medianHoursToAcknowledge: median(hoursToAcknowledge),
    openLongerThan7Days,
    feedbackOverdue,
    ...suppressSmallDepartments(departments),
  };
}
