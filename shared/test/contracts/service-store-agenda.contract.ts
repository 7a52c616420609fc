import { describe, expect, it } from 'vitest';
import type { NewAgendaNudgeRecord } from '../../src/ports/agenda-ledger.js';
import { T0, T1, T5, T10, type ContractContext } from './service-store-contract-context.js';

function nudge(key: string, overrides: Partial<NewAgendaNudgeRecord> = {}): NewAgendaNudgeRecord {
  return {
    key,
    municipalityCode: '0164',
    departmentId: '7',
    windowKey: '2026-04-07:before-42',
    stage: 'before-due',
    recipientRole: 'head',
    recipientObjectId: 'oid-head',
    queuedAt: T0,
    notBefore: T1,
    ...overrides,
  };
}

/** The agenda ledger: nudges noted once with their Teams activity, submissions claimed once. */
export function agendaLedgerContract(ctx: ContractContext): void {
  describe('agenda ledger', () => {
    it('notes a nudge once, keeps its activity id on delivery and lists a municipality oldest first', async () => {
      const store = await ctx.open();
      await store.agenda.recordNudge(nudge('nudge:7:a:oid-head', { queuedAt: T1 }));
      await store.agenda.recordNudge(nudge('nudge:7:a:oid-head', { queuedAt: T5, recipientObjectId: 'someone-else' }));
      await store.agenda.recordNudge(nudge('nudge:8:a:oid-mt', { queuedAt: T0, departmentId: '8', stage: 'escalation', recipientRole: 'mt-contact' }));
      await store.agenda.recordNudge(nudge('nudge:9:a:oid-x', { municipalityCode: '0153' }));
      await store.agenda.markDelivered('nudge:7:a:oid-head', 'activity-1', T10);
      await store.agenda.markDelivered('unknown', 'activity-2', T10);
      expect(await store.agenda.nudges('0164')).toEqual([
        { ...nudge('nudge:8:a:oid-mt', { departmentId: '8', stage: 'escalation', recipientRole: 'mt-contact' }), sentAt: null, activityId: null },
        { ...nudge('nudge:7:a:oid-head', { queuedAt: T1 }), sentAt: T10, activityId: 'activity-1' },
      ]);
    });

    it('claims a submission once; a stalled claim is taken over by exactly one of two processes', async () => {
      const [a, b] = await ctx.two();
      expect(await a.agenda.claimSubmission('agenda:7:k', '7', T0, '2026-03-02T08:58:00.000Z')).toEqual({ outcome: 'claimed' });
      expect(await b.agenda.claimSubmission('agenda:7:k', '7', T1, '2026-03-02T08:59:00.000Z')).toEqual({ outcome: 'in-progress' });
      // Two minutes on, the claim has stalled: one process takes it over, the other waits.
      const outcomes = await Promise.all([
        a.agenda.claimSubmission('agenda:7:k', '7', T5, '2026-03-02T09:03:00.000Z'),
        b.agenda.claimSubmission('agenda:7:k', '7', T5, '2026-03-02T09:03:00.000Z'),
      ]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['in-progress', 'taken-over']);
      await a.agenda.completeSubmission('agenda:7:k', '41', T5);
      await b.agenda.completeSubmission('agenda:7:k', '42', T10);
      expect(await b.agenda.claimSubmission('agenda:7:k', '7', T10, T5)).toEqual({ outcome: 'recorded', registrationId: '41' });
    });
  });
}
