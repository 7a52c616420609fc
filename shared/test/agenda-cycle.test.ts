import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NUDGE_SCHEDULE,
  agendaCycleState,
  agendaDueDate,
  nudgeWindows,
  planNudges,
  requirement1aStatus,
  validateNudgeSchedule,
  type AgendaDepartment,
  type NudgeSchedule,
} from '../src/domain/agenda-cycle.js';
import { createWorkingDayCalendar } from '../src/domain/calendar.js';
import { ValidationError } from '../src/domain/errors.js';

const calendar = createWorkingDayCalendar();

/** Discussed 12 June 2024, so due Thursday 12 June 2025. Its before-14 window opens on Hemelvaartsdag 2025. */
const department: AgendaDepartment = {
  addedOn: '2023-03-01',
  lastDiscussedOn: '2024-06-12',
  active: true,
  headAbsences: [],
  hasDeputyHead: true,
};

/** Noon in Amsterdam (summer time) on `date`. */
function noon(date: string): Date {
  return new Date(`${date}T10:00:00Z`);
}

describe('due date and cycle state', () => {
  it.each([
    [{ addedOn: '2023-03-01', lastDiscussedOn: '2024-06-12' }, '2025-06-12'],
    [{ addedOn: '2025-09-15', lastDiscussedOn: null }, '2026-09-15'], // added mid-year, never discussed
    [{ addedOn: '2023-01-01', lastDiscussedOn: '2024-02-29' }, '2025-02-28'], // leap day
    [{ addedOn: '2023-02-28', lastDiscussedOn: null }, '2024-02-28'], // into a leap year: stays the 28th
    [{ addedOn: '2023-01-01', lastDiscussedOn: '2024-01-31' }, '2025-01-31'],
  ])('%o is due on %s', (dates, expected) => {
    expect(agendaDueDate(dates)).toBe(expected);
  });

  it.each([
    ['2025-04-30', 'op-tijd'],
    ['2025-05-01', 'binnenkort'], // 42 days before
    ['2025-06-12', 'binnenkort'], // the due date itself is still on time
    ['2025-06-13', 'te-laat'],
  ])('on %s the department is %s', (today, state) => {
    expect(agendaCycleState(department, today).state).toBe(state);
  });
});

describe('nudge windows (default schedule)', () => {
  it('lists the windows with stable keys, each closing when the next opens', () => {
    expect(nudgeWindows('2025-06-12')).toEqual([
      { windowKey: '2025-06-12:before-42', stage: 'before-due', opensOn: '2025-05-01', closesOn: '2025-05-29' },
      { windowKey: '2025-06-12:before-14', stage: 'before-due', opensOn: '2025-05-29', closesOn: '2025-06-12' },
      { windowKey: '2025-06-12:due', stage: 'due', opensOn: '2025-06-12', closesOn: '2025-06-19' },
      { windowKey: '2025-06-12:after-7', stage: 'after-due', opensOn: '2025-06-19', closesOn: '2025-06-26' },
      { windowKey: '2025-06-12:after-14', stage: 'after-due', opensOn: '2025-06-26', closesOn: '2025-07-03' },
      { windowKey: '2025-06-12:after-21', stage: 'after-due', opensOn: '2025-07-03', closesOn: '2025-07-10' },
      { windowKey: '2025-06-12:escalation', stage: 'escalation', opensOn: '2025-07-10', closesOn: null },
    ]);
  });

  it.each([
    ['2025-04-30', null, null],
    ['2025-05-01', '2025-06-12:before-42', 'head'],
    ['2025-05-28', '2025-06-12:before-42', 'head'],
    ['2025-06-02', '2025-06-12:before-14', 'head'],
    ['2025-06-12', '2025-06-12:due', 'head'],
    ['2025-06-18', '2025-06-12:due', 'head'],
    ['2025-06-19', '2025-06-12:after-7', 'head'],
    ['2025-07-03', '2025-06-12:after-21', 'head'],
    ['2025-07-10', '2025-06-12:escalation', 'mt-contact'],
    ['2025-09-01', '2025-06-12:escalation', 'mt-contact'],
  ])('on %s: %s to %s', (date, windowKey, recipient) => {
    const planned = planNudges(department, DEFAULT_NUDGE_SCHEDULE, calendar, noon(date));
    if (windowKey === null) {
      expect(planned).toEqual([]);
      return;
    }
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ windowKey, recipient, dueDate: '2025-06-12' });
  });

  it('sends within working hours on the day the window opens', () => {
    const [nudge] = planNudges(department, DEFAULT_NUDGE_SCHEDULE, calendar, new Date('2025-05-01T04:00:00Z'));
    expect(nudge?.earliestSendAt.toISOString()).toBe('2025-05-01T06:00:00.000Z'); // 08:00 summer time
    expect(nudge?.route).toBe('regular');
  });

  it('waits for the next working day when a window opens on a holiday', () => {
    const [nudge] = planNudges(department, DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-05-29')); // Hemelvaartsdag
    expect(nudge?.windowKey).toBe('2025-06-12:before-14');
    expect(nudge?.earliestSendAt.toISOString()).toBe('2025-05-30T06:00:00.000Z');
  });

  it('starts new windows once a discussion is registered', () => {
    const discussed = { ...department, lastDiscussedOn: '2025-06-20' };
    expect(planNudges(discussed, DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-06-26'))).toEqual([]);
    const [next] = planNudges(discussed, DEFAULT_NUDGE_SCHEDULE, calendar, noon('2026-05-09'));
    expect(next?.windowKey).toBe('2026-06-20:before-42');
  });

  it('does not nudge a department added mid-year before its first year is nearly up', () => {
    const added = { ...department, addedOn: '2025-09-15', lastDiscussedOn: null };
    expect(planNudges(added, DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-12-01'))).toEqual([]);
    expect(planNudges(added, DEFAULT_NUDGE_SCHEDULE, calendar, noon('2026-08-03'))).toEqual([]);
    expect(planNudges(added, DEFAULT_NUDGE_SCHEDULE, calendar, noon('2026-08-04'))[0]?.windowKey).toBe(
      '2026-09-15:before-42',
    );
  });

  it('does not nudge inactive departments', () => {
    expect(planNudges({ ...department, active: false }, DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-07-10'))).toEqual([]);
  });
});

describe('absent head', () => {
  const absent = (startsOn: string, endsOn: string, extra: Partial<AgendaDepartment> = {}): AgendaDepartment => ({
    ...department,
    headAbsences: [{ startsOn, endsOn }],
    ...extra,
  });

  it('gets the nudge when back if the window is still open', () => {
    const [nudge] = planNudges(absent('2025-05-01', '2025-05-09'), DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-05-01'));
    expect(nudge).toMatchObject({ recipient: 'head', route: 'head-after-absence' });
    expect(nudge?.earliestSendAt.toISOString()).toBe('2025-05-12T06:00:00.000Z'); // back on Saturday: Monday 08:00
  });

  it('gets it the day before the window closes', () => {
    const [nudge] = planNudges(absent('2025-05-01', '2025-05-27'), DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-05-01'));
    expect(nudge).toMatchObject({ recipient: 'head', windowKey: '2025-06-12:before-42' });
    expect(nudge?.earliestSendAt.toISOString()).toBe('2025-05-28T06:00:00.000Z');
  });

  it('goes to the deputy head when the next window would start first', () => {
    const [nudge] = planNudges(absent('2025-05-20', '2025-05-28'), DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-05-21'));
    expect(nudge).toMatchObject({ recipient: 'deputy-head', route: 'head-absent-window-closing', windowKey: '2025-06-12:before-42' });
    expect(nudge?.earliestSendAt.toISOString()).toBe('2025-05-21T10:00:00.000Z');
  });

  it('goes to the deputy head when the due date would pass first', () => {
    const [nudge] = planNudges(absent('2025-05-20', '2025-06-20'), DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-05-29'));
    expect(nudge).toMatchObject({ recipient: 'deputy-head', windowKey: '2025-06-12:before-14' });
    expect(nudge?.earliestSendAt.toISOString()).toBe('2025-05-30T06:00:00.000Z'); // not on Hemelvaartsdag
  });

  it('goes to the MT contact when there is no deputy head', () => {
    const [nudge] = planNudges(
      absent('2025-05-20', '2025-06-20', { hasDeputyHead: false }),
      DEFAULT_NUDGE_SCHEDULE,
      calendar,
      noon('2025-05-29'),
    );
    expect(nudge?.recipient).toBe('mt-contact');
  });

  it('checks absence on the day the nudge would be sent, across consecutive absences', () => {
    // Friday evening; Monday 5 May 2025 is Bevrijdingsdag; absent Tuesday, then again Wednesday.
    const twice = { ...department, headAbsences: [{ startsOn: '2025-05-07', endsOn: '2025-05-07' }, { startsOn: '2025-05-06', endsOn: '2025-05-06' }] };
    const [nudge] = planNudges(twice, DEFAULT_NUDGE_SCHEDULE, calendar, new Date('2025-05-02T17:00:00Z'));
    expect(nudge).toMatchObject({ recipient: 'head', route: 'head-after-absence' });
    expect(nudge?.earliestSendAt.toISOString()).toBe('2025-05-08T06:00:00.000Z');
  });

  it('does not hold back the escalation for the head’s absence', () => {
    const [nudge] = planNudges(absent('2025-07-01', '2025-08-31'), DEFAULT_NUDGE_SCHEDULE, calendar, noon('2025-07-10'));
    expect(nudge).toMatchObject({ recipient: 'mt-contact', route: 'escalation' });
  });
});

describe('a municipality’s own schedule', () => {
  const sparse: NudgeSchedule = {
    ...DEFAULT_NUDGE_SCHEDULE,
    daysBeforeDue: [30],
    remindOnDueDate: false,
    reminderIntervalDaysAfterDue: 14,
    remindersAfterDue: 1,
    escalationDaysAfterDue: 21,
  };

  it('closes a pre-due window on the due date even when no due-day reminder follows', () => {
    expect(nudgeWindows('2025-06-12', sparse).map((window) => [window.windowKey, window.opensOn, window.closesOn])).toEqual([
      ['2025-06-12:before-30', '2025-05-13', '2025-06-12'],
      ['2025-06-12:after-14', '2025-06-26', '2025-07-03'],
      ['2025-06-12:escalation', '2025-07-03', null],
    ]);
    expect(planNudges(department, sparse, calendar, noon('2025-06-16'))).toEqual([]);
    expect(agendaCycleState(department, '2025-05-12', sparse).state).toBe('op-tijd');
    expect(agendaCycleState(department, '2025-05-13', sparse).state).toBe('binnenkort');
  });

  it.each([
    [{ escalationDaysAfterDue: 14 }],
    [{ daysBeforeDue: [14, 14] }],
    [{ daysBeforeDue: [0] }],
    [{ reminderIntervalDaysAfterDue: 0 }],
  ])('refuses an inconsistent schedule %o', (change) => {
    expect(() => validateNudgeSchedule({ ...sparse, ...change })).toThrow(ValidationError);
  });
});

describe('requirement 1a status', () => {
  const now = noon('2025-06-12');
  const dept = (lastDiscussedOn: string | null, active = true) => ({ lastDiscussedOn, active });

  it.each([
    ['no departments', [], 'onbekend'],
    ['only inactive departments', [dept('2025-01-01', false)], 'onbekend'],
    ['all discussed within 12 months', [dept('2025-01-10'), dept('2024-06-12')], 'voldaan'],
    ['an inactive overdue department does not count', [dept('2025-01-10'), dept(null, false)], 'voldaan'],
    ['one overdue', [dept('2025-01-10'), dept('2024-06-11')], 'deels'],
    ['one added but never discussed', [dept('2025-01-10'), dept(null)], 'deels'],
    ['none discussed within 12 months', [dept('2024-05-01'), dept(null)], 'niet-voldaan'],
  ])('%s → %s', (_label, departments, expected) => {
    expect(requirement1aStatus(departments, now)).toBe(expected);
  });

  it('uses the Dutch date: just after midnight in Amsterdam the year is over', () => {
    const departments = [dept('2024-06-12')];
    expect(requirement1aStatus(departments, new Date('2025-06-12T21:30:00Z'))).toBe('voldaan');
    expect(requirement1aStatus(departments, new Date('2025-06-12T22:30:00Z'))).toBe('niet-voldaan');
  });
});
