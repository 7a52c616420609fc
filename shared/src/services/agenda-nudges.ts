import {
  agendaCycleState,
  agendaDueDate,
  planNudges,
  type AbsencePeriod,
  type AgendaCycleState,
  type NudgeRecipient,
  type NudgeSchedule,
  type NudgeStage,
  type PlannedNudge,
} from '../domain/agenda-cycle.js';
import { DEFAULT_SEND_WINDOW, addCalendarDays, toLocalDate, type LocalDate, type WorkingDayCalendar } from '../domain/calendar.js';
import type { Language } from '../domain/organisation.js';
import type { AgendaNudgeRecord } from '../ports/agenda-ledger.js';
import type { AgendaRegistrationKind } from '../schemas/agenda-inputs.js';

/**
 * Plans one run of the agenda nudges for a municipality: pure, over a snapshot of its
 * departments, registrations, absences and people (loaded by agenda-snapshot.ts), so the
 * same code runs in the scheduled job, the tests and the benchmark. Sending is the
 * caller's business: each send carries its idempotency key and its earliest moment.
 */
export interface AgendaPerson {
  upn: string;
  objectId: string;
  displayName: string;
  language: Language;
}

export interface AgendaRegistrationFact {
  departmentId: string;
  kind: AgendaRegistrationKind;
  date: LocalDate;
}

export interface AgendaDepartmentFacts {
  id: string;
  name: string;
  active: boolean;
  addedOn: LocalDate;
  headUpn: string | null;
  deputyHeadUpn: string | null;
  /** Resolved from the directory; null when not configured or not found. */
  head: AgendaPerson | null;
  deputyHead: AgendaPerson | null;
  lastDiscussedOn: LocalDate | null;
  /** A meeting planned after the last discussion. */
  plannedOn: LocalDate | null;
  headAbsences: readonly AbsencePeriod[];
}

export interface AgendaMunicipalityFacts {
  municipalityCode: string;
  tenantId: string;
  departments: readonly AgendaDepartmentFacts[];
  mtContacts: readonly AgendaPerson[];
}

export interface AgendaSend {
  /** Purpose key `nudge:<departmentId>:<windowKey>`; the notifier scopes it to the recipient. */
  purposeKey: string;
  municipalityCode: string;
  tenantId: string;
  departmentId: string;
  departmentName: string;
  windowKey: string;
  stage: NudgeStage | 'later';
  state: AgendaCycleState;
  dueDate: LocalDate;
  recipientRole: NudgeRecipient;
  recipient: AgendaPerson;
  route: PlannedNudge['route'] | 'no-head' | 'no-deputy-head' | 'remind-later';
  /** A working day within the send window, never at night or on a day off. */
  notBefore: Date;
}

export type AgendaSkipReason = 'planned' | 'no-recipient';

export interface AgendaRunPlan {
  /** Nudges and reminders to heads (or their deputies). */
  sends: AgendaSend[];
  /** Escalations to the MT contact. */
  escalations: AgendaSend[];
  skipped: { departmentId: string; windowKey: string; reason: AgendaSkipReason }[];
}

export function nudgePurposeKey(departmentId: string, windowKey: string): string {
  return `nudge:${departmentId}:${windowKey}`;
}

/**
 * The last discussion of each department, and a planned meeting when one was registered
 * after it. A later registration of an earlier date counts by its date, not its order.
 */
export function summariseRegistrations(
  registrations: readonly AgendaRegistrationFact[],
): Map<string, { lastDiscussedOn: LocalDate | null; plannedOn: LocalDate | null }> {
  const summary = new Map<string, { lastDiscussedOn: LocalDate | null; plannedOn: LocalDate | null }>();
  for (const registration of registrations) {
    const entry = summary.get(registration.departmentId) ?? { lastDiscussedOn: null, plannedOn: null };
    if (registration.kind === 'besproken') {
      if (entry.lastDiscussedOn === null || registration.date > entry.lastDiscussedOn) entry.lastDiscussedOn = registration.date;
    } else if (entry.plannedOn === null || registration.date > entry.plannedOn) {
      entry.plannedOn = registration.date;
    }
    summary.set(registration.departmentId, entry);
  }
  for (const entry of summary.values()) {
    // A plan that the discussion already followed is history, not a plan.
    if (entry.plannedOn !== null && entry.lastDiscussedOn !== null && entry.plannedOn <= entry.lastDiscussedOn) {
      entry.plannedOn = null;
    }
  }
  return summary;
}

/**
 * Who gets a planned nudge. The cycle says head, deputy head or MT contact; a department
 * without a (known) head falls back to the deputy head, and one without either to the MT
 * contact, so a nudge never silently goes nowhere.
 */
function recipientsFor(
  nudge: PlannedNudge,
  department: AgendaDepartmentFacts,
  mtContacts: readonly AgendaPerson[],
): { role: NudgeRecipient; person: AgendaPerson; route: AgendaSend['route'] }[] {
  const mt = (route: AgendaSend['route']) => mtContacts.map((person) => ({ role: 'mt-contact' as const, person, route }));
  if (nudge.recipient === 'mt-contact') return mt(nudge.route);
  if (nudge.recipient === 'head' && department.head) return [{ role: 'head', person: department.head, route: nudge.route }];
  if (department.deputyHead) {
    const route = nudge.recipient === 'head' ? 'no-head' : nudge.route;
    return [{ role: 'deputy-head', person: department.deputyHead, route }];
  }
  return mt(nudge.recipient === 'head' ? 'no-head' : 'no-deputy-head');
}

/**
 * The calendar with its send moments remembered for one run: every department asks for
 * the moment after the same `now` (time-zone arithmetic through Intl, the bulk of the cost).
 */
function withRememberedSendMoments(calendar: WorkingDayCalendar): WorkingDayCalendar {
  const moments = new Map<string, number>();
  return {
    ...calendar,
    nextSendMoment(instant, window = DEFAULT_SEND_WINDOW) {
      const key = `${instant.getTime()}|${window.start}|${window.end}`;
      let moment = moments.get(key);
      if (moment === undefined) {
        moment = calendar.nextSendMoment(instant, window).getTime();
        moments.set(key, moment);
      }
      return new Date(moment);
    },
  };
}

export function planAgendaRun(
  facts: AgendaMunicipalityFacts,
  schedule: NudgeSchedule,
  workingDays: WorkingDayCalendar,
  now: Date,
): AgendaRunPlan {
  const calendar = withRememberedSendMoments(workingDays);
  const plan: AgendaRunPlan = { sends: [], escalations: [], skipped: [] };
  const today = toLocalDate(now, calendar.timeZone);
  // No window opens before the earliest nudge: most departments are skipped on their due date alone.
  const latestDueWithOpenWindow = addCalendarDays(today, Math.max(0, ...schedule.daysBeforeDue));
  const dueDates = new Map<LocalDate, LocalDate>();
  for (const department of facts.departments) {
    if (!department.active) continue;
    const base = department.lastDiscussedOn ?? department.addedOn;
    let dueDate = dueDates.get(base);
    if (dueDate === undefined) {
      dueDate = agendaDueDate(department);
      dueDates.set(base, dueDate);
    }
    if (dueDate > latestDueWithOpenWindow) continue;
    const planned = planNudges(
      {
        active: department.active,
        addedOn: department.addedOn,
        lastDiscussedOn: department.lastDiscussedOn,
        headAbsences: department.headAbsences,
        hasDeputyHead: department.deputyHead !== null,
      },
      schedule,
      calendar,
      now,
    );
    for (const nudge of planned) {
      // The head has put it on a coming meeting: no reminders until that day has passed.
      if (nudge.stage !== 'escalation' && department.plannedOn !== null && department.plannedOn >= today) {
        plan.skipped.push({ departmentId: department.id, windowKey: nudge.windowKey, reason: 'planned' });
        continue;
      }
      const recipients = recipientsFor(nudge, department, facts.mtContacts);
      if (recipients.length === 0) {
        plan.skipped.push({ departmentId: department.id, windowKey: nudge.windowKey, reason: 'no-recipient' });
        continue;
      }
      for (const { role, person, route } of recipients) {
        const send: AgendaSend = {
          purposeKey: nudgePurposeKey(department.id, nudge.windowKey),
          municipalityCode: facts.municipalityCode,
          tenantId: facts.tenantId,
          departmentId: department.id,
          departmentName: department.name,
          windowKey: nudge.windowKey,
          stage: nudge.stage,
          state: nudge.state,
          dueDate: nudge.dueDate,
          recipientRole: role,
          recipient: person,
          route,
          notBefore: nudge.earliestSendAt,
        };
        (nudge.stage === 'escalation' ? plan.escalations : plan.sends).push(send);
      }
    }
  }
  return plan;
}

/** A "remind me later" older than this is not sent any more (e.g. its recipient left). */
const REMINDER_HORIZON_MS = 14 * 24 * 60 * 60_000;

/**
 * The "remind me later" reminders (ledger rows of stage `later`) that are due: only while
 * the cycle they were asked in is still open and no meeting is planned ahead, so a
 * department that registered its discussion meanwhile is not reminded. The ledger row's
 * key is the reminder's idempotency key, so it is queued once.
 */
export function dueReminders(
  facts: AgendaMunicipalityFacts,
  reminders: readonly AgendaNudgeRecord[],
  schedule: NudgeSchedule,
  calendar: WorkingDayCalendar,
  now: Date,
): AgendaSend[] {
  const today = toLocalDate(now, calendar.timeZone);
  const sends: AgendaSend[] = [];
  for (const reminder of reminders) {
    const notBefore = new Date(reminder.notBefore);
    if (reminder.stage !== 'later' || reminder.sentAt !== null) continue;
    if (notBefore > now || now.getTime() - notBefore.getTime() > REMINDER_HORIZON_MS) continue;
    const department = facts.departments.find((d) => d.id === reminder.departmentId);
    if (!department?.active || (department.plannedOn !== null && department.plannedOn >= today)) continue;
    const { dueDate, state } = agendaCycleState(department, today, schedule);
    if (!reminder.windowKey.startsWith(`${dueDate}:`)) continue;
    const known = [department.head, department.deputyHead, ...facts.mtContacts].find((p) => p?.objectId === reminder.recipientObjectId);
    if (!known) continue;
    sends.push({
      purposeKey: reminder.key,
      municipalityCode: facts.municipalityCode,
      tenantId: facts.tenantId,
      departmentId: department.id,
      departmentName: department.name,
      windowKey: reminder.windowKey.replace(/:later$/, ''),
      stage: 'later',
      state,
      dueDate,
      recipientRole: reminder.recipientRole,
      recipient: known,
      route: 'remind-later',
      notBefore: calendar.nextSendMoment(now, schedule.sendWindow),
    });
  }
  return sends;
}
