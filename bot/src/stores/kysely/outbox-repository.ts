import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type {
  DeliveryOutcome,
  KeyStore,
  NewOutboxMessage,
  OutboxMessage,
  OutboxRepository,
  OutboxStatus,
  OutgoingMessage,
} from '@weerbaar/shared';
import type { RepositoryContext } from './context.js';
import { toBuffer, type Database, type OutboxTable } from './database.js';
import { STORE_KEY_IDS } from './wrapped-key-table.js';

const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'recipient-gone'];

/** Pending and due, or claimed by a worker whose claim ran out (it crashed or hung). */
function isDue(now: string) {
  return (eb: ExpressionBuilder<Database, 'outbox'>) =>
    eb.or([
      eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<=', now)]),
    ]);
}

export class KyselyOutboxRepository implements OutboxRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async enqueue(message: NewOutboxMessage): Promise<{ message: OutboxMessage; created: boolean }> {
    const keys = this.ctx.keysFor(this.ctx.db);
    const sealed = await keys.seal(STORE_KEY_IDS.outbox, JSON.stringify(message.payload));
    const inserted = await this.ctx.db
      .insertInto('outbox')
      .values({
        id: this.ctx.newId(),
        idempotency_key: message.idempotencyKey,
        tenant_id: message.tenantId,
        municipality_code: message.municipalityCode,
        recipient_object_id: message.recipientObjectId,
        conversation_id: message.conversationId,
        sealed_payload: toBuffer(sealed),
        status: 'pending',
        attempts: 0,
        next_attempt_at: message.notBefore,
        claimed_by: null,
        claimed_until: null,
        last_outcome: null,
        created_at: this.ctx.now().toISOString(),
        finished_at: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { message: await this.fromRow(inserted, keys), created: true };
    const existing = await this.ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotency_key', '=', message.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { message: await this.fromRow(existing, keys), created: false };
  }

  async claimDue(now: string, limit: number, claimUntil: string, worker: string): Promise<OutboxMessage[]> {
    if (limit < 1) return [];
    const candidates = this.ctx.db.selectFrom('outbox').select('id').where(isDue(now)).orderBy('next_attempt_at').limit(limit);
    // One UPDATE ... RETURNING: the database serialises claims, so no message goes to two workers.
    const rows = await this.ctx.db
      .updateTable('outbox')
      .set({ status: 'sending', claimed_by: worker, claimed_until: claimUntil })
      .where((eb) =>
        this.ctx.dialect === 'postgres'
          ? // PostgreSQL re-checks rows under READ COMMITTED but not the subquery: lock and skip
            // instead. As `id IN (subquery)` the planner may rescan the subquery per row and
            // claim far more than `limit` rows; ARRAY(subquery) runs it exactly once.
            eb('id', '=', eb.fn.any(sql<readonly string[]>`ARRAY(${candidates.forUpdate().skipLocked()})`))
          : eb('id', 'in', candidates),
      )
      .where(isDue(now))
      .returningAll()
      .execute();
    const keys = this.ctx.keysFor(this.ctx.db);
    const messages = await Promise.all(rows.map((row) => this.fromRow(row, keys)));
    return messages.sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt));
  }

  async recordAttempt(
    id: string,
    worker: string,
    outcome: DeliveryOutcome,
    next: { status: OutboxStatus; nextAttemptAt: string; finishedAt: string | null },
  ): Promise<void> {
    // Only the current claim holder may record: a worker whose claim expired and was
    // taken over must not overwrite the newer attempt.
    await this.ctx.db
      .updateTable('outbox')
      .set((eb) => ({
        status: next.status,
        attempts: eb('attempts', '+', 1),
        next_attempt_at: next.nextAttemptAt,
        finished_at: next.finishedAt,
        last_outcome: outcome.kind,
        claimed_by: null,
        claimed_until: null,
      }))
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .where('status', '=', 'sending')
      .execute();
  }

  async get(id: string): Promise<OutboxMessage | undefined> {
    const row = await this.ctx.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.fromRow(row, this.ctx.keysFor(this.ctx.db)) : undefined;
  }

  async countByStatus(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.ctx.db
      .selectFrom('outbox')
      .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
      .groupBy('status')
      .execute();
    const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
    for (const row of rows) counts[asStatus(row.status)] = Number(row.count);
    return counts;
  }

  private async fromRow(row: Selectable<OutboxTable>, keys: KeyStore): Promise<OutboxMessage> {
    const payload = JSON.parse(await keys.open(STORE_KEY_IDS.outbox, row.sealed_payload)) as OutgoingMessage;
    return {
      id: row.id,
      idempotencyKey: row.idempotency_key,
      tenantId: row.tenant_id,
      municipalityCode: row.municipality_code,
      recipientObjectId: row.recipient_object_id,
      conversationId: row.conversation_id,
      payload,
      status: asStatus(row.status),
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      lastOutcome: row.last_outcome === null ? null : asOutcomeKind(row.last_outcome),
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }
}

function asStatus(value: string): OutboxStatus {
  const status = OUTBOX_STATUSES.find((s) => s === value);
  if (!status) throw new Error('Stored outbox message has an unknown status');
  return status;
}

const OUTCOME_KINDS: readonly DeliveryOutcome['kind'][] = ['sent', 'throttled', 'failed', 'recipient-gone'];

function asOutcomeKind(value: string): DeliveryOutcome['kind'] {
  const kind = OUTCOME_KINDS.find((k) => k === value);
  if (!kind) throw new Error('Stored outbox message has an unknown outcome');
  return kind;
}
