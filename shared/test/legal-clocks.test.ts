import { describe, expect, it } from 'vitest';
import {
  ACKNOWLEDGEMENT_TERM_DAYS,
  FEEDBACK_TERM_MONTHS,
  LEGAL_CLOCK_TIME_ZONE,
  isAcknowledgementOverdue,
  isFeedbackOverdue,
  legalDeadlines,
  wasAcknowledgedLate,
} from '../src/domain/legal-clocks.js';
import { makeSignal } from './signal-fixture.js';

describe('legal clocks: terms of the Wet bescherming klokkenluiders', () => {
  it('uses 7 calendar days and 3 months, counted in Dutch time', () => {
    expect(ACKNOWLEDGEMENT_TERM_DAYS).toBe(7);
    expect(FEEDBACK_TERM_MONTHS).toBe(3);
    expect(LEGAL_CLOCK_TIME_ZONE).toBe('Europe/Amsterdam');
  });
});

describe('legalDeadlines', () => {
  it.each([
    // receivedAt (UTC), acknowledgedAt, expected acknowledgeBy, expected feedbackBy
    ['2026-03-02T09:15:00Z', null, '2026-03-09', '2026-06-09'],
    ['2026-03-02T09:15:00Z', '2026-03-04T12:00:00Z', '2026-03-09', '2026-06-04'],
    // 00:30 on 1 June in the Netherlands: receipt counts from 1 June, not 31 May.
    ['2026-05-31T22:30:00Z', null, '2026-06-08', '2026-09-08'],
    // Month ends clamp: 31 May + 3 months = 31 Aug; 30 Nov + 3 months = end of February.
    ['2026-05-20T08:00:00Z', '2026-05-31T08:00:00Z', '2026-05-27', '2026-08-31'],
    ['2025-11-25T08:00:00Z', '2025-11-30T08:00:00Z', '2025-12-02', '2026-02-28'],
    ['2027-11-25T08:00:00Z', '2027-11-30T08:00:00Z', '2027-12-02', '2028-02-29'],
    // Not acknowledged: the feedback term runs from the end of the 7-day term.
    ['2026-05-24T08:00:00Z', null, '2026-05-31', '2026-08-31'],
    ['2026-11-23T08:00:00Z', null, '2026-11-30', '2027-02-28'],
    // Across the change to summer time (29 March 2026) and across a year end.
    ['2026-03-28T23:30:00Z', null, '2026-04-05', '2026-07-05'],
    ['2026-12-28T10:00:00Z', null, '2027-01-04', '2027-04-04'],
  ])('received %s, acknowledged %s → acknowledge by %s, feedback by %s', (receivedAt, acknowledgedAt, acknowledgeBy, feedbackBy) => {
    expect(legalDeadlines(makeSignal({ receivedAt, acknowledgedAt }))).toEqual({ acknowledgeBy, feedbackBy });
  });
});

describe('isAcknowledgementOverdue', () => {
  const received = makeSignal({ receivedAt: '2026-03-02T09:15:00Z' });

  it.each([
    ['on the day of receipt', '2026-03-02T10:00:00Z', false],
    ['late on the last day, Dutch time (23:30)', '2026-03-09T22:30:00Z', false],
    ['just after midnight after the last day, Dutch time', '2026-03-09T23:30:00Z', true],
    ['weeks later', '2026-04-01T09:00:00Z', true],
  ])('unacknowledged, %s → %s', (_when, now, overdue) => {
    expect(isAcknowledgementOverdue(received, new Date(now))).toBe(overdue);
  });

  it('is never overdue once receipt was confirmed, even late', () => {
    const late = makeSignal({ receivedAt: '2026-03-02T09:15:00Z', acknowledgedAt: '2026-03-20T09:00:00Z', status: 'acknowledged' });
    expect(isAcknowledgementOverdue(late, new Date('2026-04-01T09:00:00Z'))).toBe(false);
    expect(wasAcknowledgedLate(late)).toBe(true);
    expect(wasAcknowledgedLate(makeSignal({ acknowledgedAt: '2026-03-09T21:00:00Z' }))).toBe(false);
    expect(wasAcknowledgedLate(received)).toBe(false);
  });
});

describe('isFeedbackOverdue', () => {
  const base = { receivedAt: '2026-03-02T09:15:00Z', acknowledgedAt: '2026-03-04T12:00:00Z' } as const;

  it.each([
    ['in progress, on the last day', 'in-progress', '2026-06-04T20:00:00Z', false],
    ['in progress, the day after', 'in-progress', '2026-06-05T08:00:00Z', true],
    ['forwarded, the day after', 'forwarded', '2026-06-05T08:00:00Z', true],
    ['closed, long after', 'closed', '2026-12-01T08:00:00Z', false],
  ] as const)('%s → %s', (_when, status, now, overdue) => {
    expect(isFeedbackOverdue(makeSignal({ ...base, status }), new Date(now))).toBe(overdue);
  });

  it('counts from receipt + 7 days when receipt was never confirmed', () => {
    const unacknowledged = makeSignal({ receivedAt: '2026-03-02T09:15:00Z' });
    expect(isFeedbackOverdue(unacknowledged, new Date('2026-06-09T12:00:00Z'))).toBe(false);
    expect(isFeedbackOverdue(unacknowledged, new Date('2026-06-10T12:00:00Z'))).toBe(true);
  });
});
