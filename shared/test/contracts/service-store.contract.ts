import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../src/domain/errors.js';
import { createContractContext, T0, T1, T5, type ServiceStoreFixture } from './service-store-contract-context.js';
import { coordinationContract } from './service-store-coordination.contract.js';
import { signalsContract } from './service-store-signals.contract.js';
import { agendaLedgerContract } from './service-store-agenda.contract.js';

export type { ServiceStoreFixture } from './service-store-contract-context.js';

/**
 * The service-store contract every adapter (SQLite, PostgreSQL) must meet: idempotent
 * intake, optimistic versions, shredding with tombstones, dialog-state eTags, an outbox
 * whose claims never overlap, scheduler ticks and leases that hold across processes, an
 * append-only audit trail, and nothing confidential in plaintext at rest.
 */
export function describeServiceStoreContract(name: string, makeFixture: () => Promise<ServiceStoreFixture>): void {
  describe(`ServiceStore contract: ${name}`, () => {
    const ctx = createContractContext(makeFixture);

    signalsContract(ctx);
    agendaLedgerContract(ctx);

    describe('dialog state and conversations', () => {
      it('checks dialog state eTags: a stale eTag is a conflict, every write gets a fresh eTag', async () => {
        const store = await ctx.open();
        const first = await store.dialogState.write('conv/user', { step: 1 }, undefined);
        const second = await store.dialogState.write('conv/user', { step: 2 }, first);
        expect(second).not.toBe(first);
        await expect(store.dialogState.write('conv/user', { step: 3 }, first)).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.dialogState.read(['conv/user', 'unknown'])).toEqual({ 'conv/user': { value: { step: 2 }, etag: second } });
        const forced = await store.dialogState.write('conv/user', { step: 4 }, '*');
        expect(forced).not.toBe(second);
        await store.dialogState.delete(['conv/user']);
        expect(await store.dialogState.read(['conv/user'])).toEqual({});
      });

      it('lets one of two processes win a write with the same eTag', async () => {
        const [a, b] = await ctx.two();
        const etag = await a.dialogState.write('conv/user', { step: 1 }, undefined);
        const outcomes = await Promise.allSettled([
          a.dialogState.write('conv/user', { step: 'a' }, etag),
          b.dialogState.write('conv/user', { step: 'b' }, etag),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConcurrencyError);
      });

      it('keeps conversation references per tenant and user, replacing on save', async () => {
        const store = await ctx.open();
        await store.conversations.save('t-1', 'user-1', { conversation: { id: 'a' } }, T0);
        await store.conversations.save('t-1', 'user-1', { conversation: { id: 'b' } }, T5);
        expect(await store.conversations.get('t-1', 'user-1')).toEqual({ conversation: { id: 'b' } });
        expect(await store.conversations.get('t-2', 'user-1')).toBeUndefined();
        await store.conversations.delete('t-1', 'user-1');
        expect(await store.conversations.get('t-1', 'user-1')).toBeUndefined();
      });
    });

    describe('audit trail', () => {
      it('lists audit events newest first, per record, and pages backwards with `before`', async () => {
        const store = await ctx.open();
        for (let n = 1; n <= 4; n += 1) {
          await store.audit.record({
            id: `audit-${n}`, at: `2026-03-02T09:0${n}:00.000Z`, actor: 'oid-mt', action: 'signal.read',
            recordType: 'signal', recordId: n % 2 ? 'sig-odd' : 'sig-even', municipalityCode: '0153',
          });
        }
        await store.audit.record({
          id: 'audit-other', at: '2026-03-02T09:09:00.000Z', actor: 'system', action: 'signal.create',
          recordType: 'signal', recordId: 'sig-x', municipalityCode: '0141',
        });
        const ids = async (query: Parameters<typeof store.audit.list>[0]) => (await store.audit.list(query)).map((e) => e.id);
        expect(await ids({ municipalityCodes: ['0153'] })).toEqual(['audit-4', 'audit-3', 'audit-2', 'audit-1']);
        expect(await ids({ municipalityCodes: ['0153'], recordId: 'sig-odd' })).toEqual(['audit-3', 'audit-1']);
        expect(await ids({ municipalityCodes: ['0153'], limit: 2, before: 'audit-3' })).toEqual(['audit-2', 'audit-1']);
      });

      it('keeps the audit trail append-only in the database itself: UPDATE and DELETE are refused', async () => {
        const store = await ctx.open();
        const event = {
          id: 'audit-1', at: T0, actor: 'oid-mt', action: 'signal.read',
          recordType: 'signal', recordId: 'sig-1', municipalityCode: '0164', detail: 'opvolging',
        };
        await store.audit.record(event);
        await expect(ctx.fixture().tamperWithAudit('update', 'audit-1')).rejects.toThrow(/append-only/);
        await expect(ctx.fixture().tamperWithAudit('delete', 'audit-1')).rejects.toThrow(/append-only/);
        expect(await store.audit.list({ municipalityCodes: ['0164'] })).toEqual([event]);
      });
    });

    coordinationContract(ctx);

    describe('at rest', () => {
      it('keeps everything across a restart', async () => {
        const signal = ctx.makeSignal();
        const first = await ctx.fixture().open();
        await first.signals.create(signal, 'activity-1');
        const queued = await first.outbox.enqueue(ctx.message(1));
        const etag = await first.dialogState.write('conv-1/user-1', { step: 'category', draft: { category: 'drugs' } }, undefined);
        await first.conversations.save('t-hengelo', 'user-1', { conversation: { id: 'conv-1' } }, T0);
        expect(await first.leases.acquire('retention', 'proc-1', T0, T5)).toBe(true);
        await first.close();

        const second = await ctx.open();
        expect(await second.signals.get(signal.id)).toEqual(signal);
        expect((await second.outbox.get(queued.message.id))?.payload.text).toBe('Nieuw signaal 1');
        expect(await second.dialogState.read(['conv-1/user-1'])).toEqual({
          'conv-1/user-1': { value: { step: 'category', draft: { category: 'drugs' } }, etag },
        });
        expect(await second.conversations.get('t-hengelo', 'user-1')).toEqual({ conversation: { id: 'conv-1' } });
        expect(await second.leases.acquire('retention', 'proc-2', T1, T5)).toBe(false);
      });

      it('never stores a description, the people involved, the reporter or dialog text in plaintext (canary)', async () => {
        const canary = (what: string) => `kanarie-${what}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
        const [description, involved, reporterName, draft, outgoing] = ['omschrijving', 'betrokkenen', 'melder', 'concept', 'bericht'].map(canary);
        const base = ctx.makeSignal();
        const signal = ctx.makeSignal({
          content: { ...base.content, description: `Contante betalingen: ${description}`, involved },
          reporter: { objectId: 'oid-melder', upn: 'melder@hengelo.example', displayName: reporterName! },
        });
        const store = await ctx.open();
        await store.signals.create(signal, 'activity-canary');
        await store.signals.update({ ...signal, status: 'acknowledged', acknowledgedAt: T1 }, 1);
        await store.dialogState.write('conv/user', { draft }, undefined);
        await store.outbox.enqueue({ ...ctx.message(1), payload: { text: outgoing!, kind: 'signal-received' } });

        const [reference, ...secrets] = await ctx.fixture().rawStorageContaining([signal.reference, description!, involved!, reporterName!, draft!, outgoing!]);
        // The scan does see what is stored in the clear.
        expect(reference).not.toEqual([]);
        expect(secrets).toEqual([[], [], [], [], []]);
      });
    });
  });
}
