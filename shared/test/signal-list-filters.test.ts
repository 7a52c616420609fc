import { describe, expect, it } from 'vitest';
import { isAcknowledgementOverdue, isFeedbackOverdue } from '../src/domain/legal-clocks.js';
import type { SignalStatus } from '../src/domain/signal.js';
import { acknowledgementOverdueBound, feedbackOverdueBounds, receivedBounds } from '../src/services/signal-list-filters.js';

const DAY = 86_400_000;

/** "Now" on month ends, around daylight saving changes and on ordinary days. */
const NOWS = [
  '2026-03-01T08:00:00Z', '2026-03-29T00:30:00Z', '2026-03-31T21:59:00Z', '2026-05-31T23:30:00Z',
  '2026-06-30T12:00:00Z', '2026-08-31T22:30:00Z', '2026-10-25T01:30:00Z', '2026-11-30T23:00:00Z',
  '2027-02-28T10:00:00Z', '2028-02-29T22:45:00Z', '2028-05-30T06:00:00Z', '2026-12-31T23:59:00Z',
].map((iso) => new Date(iso));
/** Signal instants at times that fall on another Dutch day than their UTC day, and not. */
const TIMES = ['T09:00:00.000Z', 'T22:30:00.000Z', 'T23:15:00.000Z'];

function instantsBefore(now: Date): string[] {
  const out: string[] = [];
  for (let days = 0; days <= 130; days += 1) {
    const day = new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);
    for (const time of TIMES) out.push(`${day}${time}`);
  }
  return out;
}

describe('list filter bounds agree with the legal clocks', () => {
  it.each(NOWS.map((now) => [now.toISOString(), now] as const))('on %s', (_label, now) => {
    const ackBound = acknowledgementOverdueBound(now);
    const feedback = feedbackOverdueBounds(now);
    for (const receivedAt of instantsBefore(now)) {
      const unacknowledged = { receivedAt, acknowledgedAt: null, closedAt: null, status: 'received' as SignalStatus };
      expect(receivedAt < ackBound, `ack ${receivedAt}`).toBe(isAcknowledgementOverdue(unacknowledged, now));
      expect(receivedAt < feedback.unacknowledgedReceivedBefore, `feedback unacknowledged ${receivedAt}`).toBe(
        isFeedbackOverdue(unacknowledged, now),
      );
      const acknowledged = { receivedAt, acknowledgedAt: receivedAt, closedAt: null, status: 'in-progress' as SignalStatus };
      expect(receivedAt < feedback.acknowledgedBefore, `feedback acknowledged ${receivedAt}`).toBe(isFeedbackOverdue(acknowledged, now));
    }
  });
});

describe('period bounds', () => {
  it('turns inclusive Dutch dates into an instant range', () => {
    // Midnight in Amsterdam: 23:00 UTC in winter, 22:00 UTC in summer.
    expect(receivedBounds('2026-01-01', '2026-06-30')).toEqual({
      receivedFrom: '2025-12-31T23:00:00.000Z',
      receivedBefore: '2026-06-30T22:00:00.000Z',
    });
    expect(receivedBounds()).toEqual({});
  });
});
