import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../src/domain/calendar.js';
import { dueLegalClockNotices } from '../src/services/legal-clock-reminders.js';
import { makeSignal } from './signal-fixture.js';

const calendar = createWorkingDayCalendar();
// Received on Thursday 2 April 2026; Good Friday is a working day by default, Easter Monday 6 April is not.
const received = makeSignal({ receivedAt: '2026-04-02T08:30:00.000Z', acknowledgedAt: null, status: 'received' });

describe('legal clock notices on the working-day calendar', () => {
  it.each([
    { at: '2026-04-07T09:00:00+02:00', signal: received, due: [], why: 'two working days later (Easter Monday does not count)' },
    { at: '2026-04-08T09:00:00+02:00', signal: received, due: ['reminder-acknowledge'], why: 'three working days: remind the MT contact' },
    { at: '2026-04-09T17:00:00+02:00', signal: received, due: ['reminder-acknowledge'], why: 'four working days' },
    { at: '2026-04-10T08:00:00+02:00', signal: received, due: ['alert-acknowledge'], why: 'five working days: alert only, no late reminder' },
    {
      at: '2026-04-10T09:00:00+02:00',
      signal: { ...received, status: 'acknowledged' as const, acknowledgedAt: '2026-04-03T10:00:00.000Z' },
      due: [],
      why: 'acknowledged in time',
    },
    {
      at: '2026-06-18T17:00:00+02:00',
      signal: { ...received, status: 'in-progress' as const, acknowledgedAt: '2026-04-03T10:00:00.000Z' },
      due: [],
      why: 'fifteen days before the feedback term (3 July)',
    },
    {
      at: '2026-06-19T08:00:00+02:00',
      signal: { ...received, status: 'in-progress' as const, acknowledgedAt: '2026-04-03T10:00:00.000Z' },
      due: ['reminder-feedback'],
      why: 'two weeks before the feedback term: remind the MT contact',
    },
    {
      at: '2026-07-04T09:00:00+02:00',
      signal: { ...received, status: 'in-progress' as const, acknowledgedAt: '2026-04-03T10:00:00.000Z' },
      due: [],
      why: 'the term has passed: the dashboard shows it overdue, no more reminders',
    },
    {
      at: '2026-06-20T09:00:00+02:00',
      signal: { ...received, status: 'closed' as const, acknowledgedAt: '2026-04-03T10:00:00.000Z', closedAt: '2026-05-01T10:00:00.000Z' },
      due: [],
      why: 'closed signals need nothing',
    },
  ])('$why', ({ at, signal, due }) => {
    expect(dueLegalClockNotices(signal, new Date(at), calendar)).toEqual(due);
  });
});
