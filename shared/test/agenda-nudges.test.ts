import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NUDGE_SCHEDULE,
  createWorkingDayCalendar,
  planAgendaRun,
  summariseRegistrations,
  toLocalDate,
  toWallTime,
  zonedDateTimeToInstant,
  type AgendaDepartmentFacts,
  type AgendaPerson,
} from '@weerbaar/shared';

const calendar = createWorkingDayCalendar();
const at = (date: string, time = '09:30') => zonedDateTimeToInstant(date, time, 'Europe/Amsterdam');
const person = (name: string): AgendaPerson => ({ upn: `${name}@hengelo.example`, objectId: `oid-${name}`, displayName: name, language: 'nl' });
const head = person('hoofd');
const deputy = person('plaatsvervanger');
const mt = [person('mt-1'), person('mt-2')];

/** Discussed 7 April 2025, so due 7 April 2026; the first window runs 24 February – 23 March. */
function department(overrides: Partial<AgendaDepartmentFacts> = {}): AgendaDepartmentFacts {
  return {
    id: '7',
    name: 'Vergunningen',
    active: true,
    addedOn: '2020-01-06',
    headUpn: head.upn,
    deputyHeadUpn: deputy.upn,
    head,
    deputyHead: deputy,
    lastDiscussedOn: '2025-04-07',
    plannedOn: null,
    headAbsences: [],
    ...overrides,
  };
}

function plan(facts: AgendaDepartmentFacts, now: Date) {
  return planAgendaRun({ municipalityCode: '0164', tenantId: 'tenant', departments: [facts], mtContacts: mt }, DEFAULT_NUDGE_SCHEDULE, calendar, now);
}

describe('planAgendaRun: who gets which nudge', () => {
  it.each([
    { name: 'the head, at the moment of the run', facts: {}, now: at('2026-02-24'), expected: [['hoofd', 'before-due', 'regular', '2026-02-24 09:30']] },
    { name: 'the head, at 08:00 when planned at night', facts: {}, now: at('2026-02-24', '03:00'), expected: [['hoofd', 'before-due', 'regular', '2026-02-24 08:00']] },
    { name: 'the head, on Monday when planned on Saturday', facts: {}, now: at('2026-02-28'), expected: [['hoofd', 'before-due', 'regular', '2026-03-02 08:00']] },
    {
      name: 'nobody when the window closes before sending is allowed (Sunday, closing Monday)',
      facts: { lastDiscussedOn: '2025-04-06' },
      now: at('2026-03-22'),
      expected: [],
    },
    { name: 'the deputy when there is no head', facts: { head: null, headUpn: null }, now: at('2026-02-24'), expected: [['plaatsvervanger', 'before-due', 'no-head', '2026-02-24 09:30']] },
    {
      name: 'the MT contacts when there is no head nor deputy',
      facts: { head: null, headUpn: null, deputyHead: null, deputyHeadUpn: null },
      now: at('2026-02-24'),
      expected: [
        ['mt-1', 'before-due', 'no-head', '2026-02-24 09:30'],
        ['mt-2', 'before-due', 'no-head', '2026-02-24 09:30'],
      ],
    },
    {
      name: 'the head on return from an absence within the window',
      facts: { headAbsences: [{ startsOn: '2026-02-20', endsOn: '2026-03-04' }] },
      now: at('2026-02-24'),
      expected: [['hoofd', 'before-due', 'head-after-absence', '2026-03-05 08:00']],
    },
    {
      name: 'the deputy when the absence outlasts the window',
      facts: { headAbsences: [{ startsOn: '2026-02-20', endsOn: '2026-03-31' }] },
      now: at('2026-02-24'),
      expected: [['plaatsvervanger', 'before-due', 'head-absent-window-closing', '2026-02-24 09:30']],
    },
    {
      name: 'both MT contacts at the escalation, not the head',
      facts: {},
      now: at('2026-05-05'),
      expected: [
        ['mt-1', 'escalation', 'escalation', '2026-05-05 09:30'],
        ['mt-2', 'escalation', 'escalation', '2026-05-05 09:30'],
      ],
    },
    { name: 'nobody while a meeting is planned ahead', facts: { plannedOn: '2026-03-10' }, now: at('2026-02-24'), expected: [] },
    { name: 'nobody for an inactive department', facts: { active: false }, now: at('2026-02-24'), expected: [] },
  ])('$name', ({ facts, now, expected }) => {
    const run = plan(department(facts), now);
    const all = [...run.sends, ...run.escalations].map((send) => [
      send.recipient.displayName,
      send.stage,
      send.route,
      `${toLocalDate(send.notBefore)} ${toWallTime(send.notBefore)}`,
    ]);
    expect(all).toEqual(expected);
    for (const send of [...run.sends, ...run.escalations]) expect(send.purposeKey).toBe(`nudge:7:${send.windowKey}`);
  });

  it('escalates even while a meeting is planned, once it is late', () => {
    const run = plan(department({ plannedOn: '2026-06-01' }), at('2026-05-05'));
    expect(run.escalations.map((send) => send.recipient.displayName)).toEqual(['mt-1', 'mt-2']);
  });
});

describe('summariseRegistrations', () => {
  it('takes the latest discussion by date and drops a plan the discussion already followed', () => {
    const summary = summariseRegistrations([
      { departmentId: 'a', kind: 'besproken', date: '2025-09-01' },
      { departmentId: 'a', kind: 'besproken', date: '2025-03-01' },
      { departmentId: 'a', kind: 'gepland', date: '2025-08-20' },
      { departmentId: 'b', kind: 'gepland', date: '2026-02-01' },
      { departmentId: 'b', kind: 'besproken', date: '2025-01-10' },
    ]);
    expect(summary.get('a')).toEqual({ lastDiscussedOn: '2025-09-01', plannedOn: null });
    expect(summary.get('b')).toEqual({ lastDiscussedOn: '2025-01-10', plannedOn: '2026-02-01' });
    expect(summary.get('c')).toBeUndefined();
  });
});
