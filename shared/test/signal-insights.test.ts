import { describe, expect, it } from 'vitest';
import type { SignalFact } from '../src/ports/service-store.js';
import { computeInsights, suppressSmallDepartments } from '../src/services/signal-insights.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');

function fact(overrides: Partial<SignalFact> = {}): SignalFact {
  return {
    category: 'drugs',
    status: 'received',
    department: null,
    receivedAt: '2026-11-18T09:00:00.000Z',
    acknowledgedAt: null,
    closedAt: null,
    tombstone: false,
    ...overrides,
  };
}

describe('department suppression', () => {
  it.each([
    ['nothing to hide', { A: 5, B: 9 }, [['B', 9], ['A', 5]], 0],
    ['two small ones hide each other', { A: 7, B: 4, C: 1 }, [['A', 7]], 2],
    ['one small one takes the next smallest with it', { A: 9, B: 6, C: 2 }, [['A', 9]], 2],
    ['a lone small department cannot be shown at all', { A: 3 }, [], 1],
  ] as const)('%s', (_name, counts, shown, suppressed) => {
    const result = suppressSmallDepartments(new Map(Object.entries(counts)));
    expect(result.byDepartment.map((row) => [row.department, row.count])).toEqual(shown);
    expect(result.suppressedDepartments).toBe(suppressed);
  });
});

describe('insights', () => {
  it('counts tombstones like the signals they were, without a department', () => {
    const live = fact({ category: 'vastgoed', department: 'Burgerzaken' });
    const tombstone = fact({ status: 'closed', receivedAt: '2025-01-10T09:00:00.000Z', acknowledgedAt: '2025-01-10T15:00:00.000Z', closedAt: '2025-02-01T09:00:00.000Z', tombstone: true });
    const result = computeInsights([live, tombstone], NOW);
    expect(result.total).toBe(2);
    expect(result.byCategory).toMatchObject({ vastgoed: 1, drugs: 1 });
    expect(result.byStatus).toMatchObject({ received: 1, closed: 1 });
    expect(result.byMonth).toEqual([{ month: '2025-01', count: 1 }, { month: '2026-11', count: 1 }]);
    expect(result.medianHoursToAcknowledge).toBe(6);
    expect(result.suppressedDepartments).toBe(1);
  });

  it('takes the middle of an even number of acknowledgement times', () => {
    const result = computeInsights(
      [1, 3, 10, 30].map((hours) => fact({ acknowledgedAt: new Date(Date.parse('2026-11-18T09:00:00.000Z') + hours * 3_600_000).toISOString(), status: 'acknowledged' })),
      NOW,
    );
    expect(result.medianHoursToAcknowledge).toBe(6.5);
    expect(computeInsights([], NOW).medianHoursToAcknowledge).toBeNull();
  });

  it('counts open longer than 7 days and overdue feedback', () => {
    const result = computeInsights(
      [
        fact({ receivedAt: '2026-11-12T09:00:00.000Z' }),
        fact({ receivedAt: '2026-11-14T09:00:00.000Z' }),
        fact({ receivedAt: '2026-07-01T09:00:00.000Z', acknowledgedAt: '2026-07-02T09:00:00.000Z', status: 'in-progress' }),
        fact({ receivedAt: '2026-07-01T09:00:00.000Z', status: 'closed', acknowledgedAt: '2026-07-02T09:00:00.000Z', closedAt: '2026-08-01T09:00:00.000Z' }),
      ],
      NOW,
    );
    expect(result.openLongerThan7Days).toBe(2);
    expect(result.feedbackOverdue).toBe(1);
  });
});
