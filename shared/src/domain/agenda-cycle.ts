import type { AssessmentStatus } from './catalogue.js';
import { ValidationError } from './errors.js';
import {
  DEFAULT_SEND_WINDOW,
  addCalendarDays,
  addMonths,
  toLocalDate,
  zonedDateTimeToInstant,
  type LocalDate,
  type SendWindow,
  type WorkingDayCalendar,
} from './calendar.js';

/**
 * Requirement 1a: every department puts ondermijning on its agenda at least once a year.
 * The cycle of a department runs from its last discussion (or from the day it was added)
 * to the same date twelve months later; the head is nudged before that date, reminded
 * after it, and the MT contact is told when reminders did not help.
 */

export interface AgendaCycleDates {
  addedOn: LocalDate;
  lastDiscussedOn: LocalDate | null;
}

export type AgendaCycleState = 'op-tijd' | 'binnenkort' | 'te-laat';

/** A period the head is away, both dates inclusive (the absences list's "Van" and "Tot en met"). */
export interface AbsencePeriod {
  startsOn: LocalDate;
  endsOn: LocalDate;
}

export interface AgendaDepartment extends AgendaCycleDates {
  active: boolean;
  headAbsences: readonly AbsencePeriod[];
  /** Whether a deputy head is configured; without one, a nudge the head cannot get goes to the MT contact. */
  hasDeputyHead: boolean;
}

/** A municipality's nudge schedule; all day counts are calendar days relative to the due date. */
export interface NudgeSchedule {
  /** First nudges before the due date; the largest also starts the "binnenkort" state. */
  daysBeforeDue: readonly number[];
  remindOnDueDate: boolean;
  reminderIntervalDaysAfterDue: number;
  remindersAfterDue: number;
  /** When the MT contact is told; must come after the last reminder. */
  escalationDaysAfterDue: number;
  sendWindow: SendWindow;
}

export const DEFAULT_NUDGE_SCHEDULE: NudgeSchedule = {
  daysBeforeDue: [42, 14],
  remindOnDueDate: true,
  reminderIntervalDaysAfterDue: 7,
  remindersAfterDue: 3,
  escalationDaysAfterDue: 28,
  sendWindow: DEFAULT_SEND_WINDOW,
};

export type NudgeStage = 'before-due' | 'due' | 'after-due' | 'escalation';

export interface NudgeWindow {
  /** Stable across runs: `<dueDate>:<step>`, e.g. "2025-06-01:before-42". Senders send once per key. */
  windowKey: string;
  stage: NudgeStage;
  opensOn: LocalDate;
  /** First date the window no longer applies (exclusive); null for the escalation, which stays open. */
  closesOn: LocalDate | null;
}

export type NudgeRecipient = 'head' | 'deputy-head' | 'mt-contact';

export interface PlannedNudge {
  windowKey: string;
  stage: NudgeStage;
  dueDate: LocalDate;
  state: AgendaCycleState;
  recipient: NudgeRecipient;
  /** Why this recipient: the regular route, the head's return from absence, or the window closing during it. */
  route: 'regular' | 'head-after-absence' | 'head-absent-window-closing' | 'escalation';
  /** Do not send before this instant: a working day within the send window, local time. */
  earliestSendAt: Date;
}

function assertWholeDays(value: number, min: number, field: string): void {
  if (!Number.isInteger(value) || value < min) throw new ValidationError(`Moet een geheel getal ≥ ${min} zijn`, field);
}

export function validateNudgeSchedule(schedule: NudgeSchedule): NudgeSchedule {
  schedule.daysBeforeDue.forEach((days) => assertWholeDays(days, 1, 'daysBeforeDue'));
  if (new Set(schedule.daysBeforeDue).size !== schedule.daysBeforeDue.length) {
    throw new ValidationError('Dubbele herinnering vóór de deadline', 'daysBeforeDue');
  }
  assertWholeDays(schedule.reminderIntervalDaysAfterDue, 1, 'reminderIntervalDaysAfterDue');
  assertWholeDays(schedule.remindersAfterDue, 0, 'remindersAfterDue');
  assertWholeDays(schedule.escalationDaysAfterDue, 1, 'escalationDaysAfterDue');
  if (schedule.escalationDaysAfterDue <= schedule.reminderIntervalDaysAfterDue * schedule.remindersAfterDue) {
    throw new ValidationError('Escalatie moet na de laatste herinnering komen', 'escalationDaysAfterDue');
  }
  return schedule;
}

/** Twelve months after the last discussion, or after the department was added if never discussed. */
export function agendaDueDate(department: AgendaCycleDates): LocalDate {
  return addMonths(department.lastDiscussedOn ?? department.addedOn, 12);
}

export function agendaCycleState(
  department: AgendaCycleDates,
  today: LocalDate,
  schedule: NudgeSchedule = DEFAULT_NUDGE_SCHEDULE,
): { dueDate: LocalDate; state: AgendaCycleState } {
  const dueDate = agendaDueDate(department);
  // Discussing on the due date itself is still on time.
  if (today > dueDate) return { dueDate, state: 'te-laat' };
  const soonDays = Math.max(0, ...schedule.daysBeforeDue);
  return { dueDate, state: today >= addCalendarDays(dueDate, -soonDays) ? 'binnenkort' : 'op-tijd' };
}

/** The nudge windows of one cycle, in order; each closes when the next opens. */
export function nudgeWindows(dueDate: LocalDate, schedule: NudgeSchedule = DEFAULT_NUDGE_SCHEDULE): NudgeWindow[] {
  validateNudgeSchedule(schedule);
  const steps: { step: string; stage: NudgeStage; offset: number }[] = [
    ...[...schedule.daysBeforeDue]
      .sort((a, b) => b - a)
      .map((days) => ({ step: `before-${days}`, stage: 'before-due' as const, offset: -days })),
    ...(schedule.remindOnDueDate ? [{ step: 'due', stage: 'due' as const, offset: 0 }] : []),
    ...Array.from({ length: schedule.remindersAfterDue }, (_, index) => {
      const offset = (index + 1) * schedule.reminderIntervalDaysAfterDue;
      return { step: `after-${offset}`, stage: 'after-due' as const, offset };
    }),
    { step: 'escalation', stage: 'escalation', offset: schedule.escalationDaysAfterDue },
  ];
  return steps.map(({ step, stage, offset }, index) => {
    const next = steps[index + 1];
    let closesOn = next ? addCalendarDays(dueDate, next.offset) : null;
    // A nudge meant to come before the deadline is pointless once the deadline is there.
    if (stage === 'before-due' && closesOn !== null && closesOn > dueDate) closesOn = dueDate;
    return { windowKey: `${dueDate}:${step}`, stage, opensOn: addCalendarDays(dueDate, offset), closesOn };
  });
}

/** The first send moment at or after `now` on which the head is not absent. */
function firstMomentHeadIsIn(
  absences: readonly AbsencePeriod[],
  calendar: WorkingDayCalendar,
  now: Date,
  window: SendWindow,
): Date {
  let moment = calendar.nextSendMoment(now, window);
  // Each pass moves past the end of one absence, so absences.length + 1 passes suffice.
  for (let pass = 0; pass <= absences.length; pass += 1) {
    const day = toLocalDate(moment, calendar.timeZone);
    const absence = absences.find((period) => period.startsOn <= day && day <= period.endsOn);
    if (!absence) return moment;
    const backOn = addCalendarDays(absence.endsOn, 1);
    moment = calendar.nextSendMoment(zonedDateTimeToInstant(backOn, '00:00', calendar.timeZone), window);
  }
  return moment;
}

/**
 * The nudge a department is due at `now`: at most one, for the window open today (windows
 * missed while no sender ran are not sent late: a newer window supersedes them). A head who
 * is absent gets the nudge on return, unless the window closes first; then it goes to the
 * deputy head (or, without one, to the MT contact) as soon as sending is allowed. The
 * sender sends a planned nudge once `earliestSendAt` has passed, once per `windowKey`.
 */
export function planNudges(
  department: AgendaDepartment,
  schedule: NudgeSchedule,
  calendar: WorkingDayCalendar,
  now: Date,
): PlannedNudge[] {
  if (!department.active) return [];
  const today = toLocalDate(now, calendar.timeZone);
  const { dueDate, state } = agendaCycleState(department, today, schedule);
  const current = nudgeWindows(dueDate, schedule).find(
    (window) => window.opensOn <= today && (window.closesOn === null || today < window.closesOn),
  );
  if (!current) return [];
  const planned = { windowKey: current.windowKey, stage: current.stage, dueDate, state };
  const firstAllowedMoment = calendar.nextSendMoment(now, schedule.sendWindow);
  // Closed before sending is allowed again (e.g. planned on a Sunday, closing on Monday):
  // the next window's nudge supersedes it, for the head and the deputy alike.
  if (current.closesOn !== null && toLocalDate(firstAllowedMoment, calendar.timeZone) >= current.closesOn) return [];
  if (current.stage === 'escalation') {
    return [{ ...planned, recipient: 'mt-contact', route: 'escalation', earliestSendAt: firstAllowedMoment }];
  }
  const headMoment = firstMomentHeadIsIn(department.headAbsences, calendar, now, schedule.sendWindow);
  const headInTime = current.closesOn === null || toLocalDate(headMoment, calendar.timeZone) < current.closesOn;
  if (headInTime) {
    const route = headMoment.getTime() === firstAllowedMoment.getTime() ? 'regular' : 'head-after-absence';
    return [{ ...planned, recipient: 'head', route, earliestSendAt: headMoment }];
  }
  return [
    {
      ...planned,
      recipient: department.hasDeputyHead ? 'deputy-head' : 'mt-contact',
      route: 'head-absent-window-closing',
      earliestSendAt: firstAllowedMoment,
    },
  ];
}

/** Whether the department's last discussion lies within the twelve months up to `today`. */
export function discussedWithinYear(lastDiscussedOn: LocalDate | null, today: LocalDate): boolean {
  return lastDiscussedOn !== null && lastDiscussedOn <= today && today <= addMonths(lastDiscussedOn, 12);
}

/**
 * The status of requirement 1a derived from the registrations. Only a registered
 * discussion counts: a department added recently and not yet discussed is not nudged yet,
 * but it is no evidence that the requirement is met either.
 */
export function requirement1aStatus(
  departments: readonly Pick<AgendaDepartment, 'active' | 'lastDiscussedOn'>[],
  now: Date,
  timeZone?: string,
): AssessmentStatus {
  const active = departments.filter((department) => department.active);
  if (active.length === 0) return 'onbekend';
  const today = toLocalDate(now, timeZone);
  const discussed = active.filter((department) => discussedWithinYear(department.lastDiscussedOn, today)).length;
  if (discussed === active.length) return 'voldaan';
  return discussed > 0 ? 'deels' : 'niet-voldaan';
}
