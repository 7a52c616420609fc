import type {
  DeliveryOutcome,
  NewOutboxMessage,
  OutboxMessage,
  OutboxRepository,
  OutboxStatus,
} from '../../src/ports/service-store.js';

interface StoredMessage {
  message: OutboxMessage;
  claimedBy: string | null;
  claimUntil: string | null;
}

/**
 * An OutboxRepository in memory, with the port's semantics: idempotent enqueue, claims
 * that hide a message from other workers until they lapse, attempts recorded only by the
 * worker holding the claim (others are ignored, as the SQL adapters do). Returned
 * messages are copies, as a database would give.
 */
export class InMemoryOutbox implements OutboxRepository {
  private readonly rows = new Map<string, StoredMessage>();
  private readonly idsByKey = new Map<string, string>();
  private sequence = 0;
  /** Every recorded attempt, in order, for assertions. */
  readonly attempts: Array<{ id: string; worker: string; outcome: DeliveryOutcome; status: OutboxStatus }> = [];

  /** Attempts recorded by a worker that no longer held the claim (and therefore dropped). */
  ignoredRecords = 0;

  /** `now` stamps `createdAt`, as the database's clock would. */
  constructor(private readonly now: () => Date = () => new Date()) {}

  async enqueue(input: NewOutboxMessage): Promise<{ message: OutboxMessage; created: boolean }> {
    const existingId = this.idsByKey.get(input.idempotencyKey);
    const existing = existingId === undefined ? undefined : this.rows.get(existingId);
    if (existing !== undefined) return { message: structuredClone(existing.message), created: false };

    this.sequence += 1;
    const message: OutboxMessage = {
      id: `msg-${String(this.sequence).padStart(4, '0')}`,
      idempotencyKey: input.idempotencyKey,
      tenantId: input.tenantId,
      municipalityCode: input.municipalityCode,
      recipientObjectId: input.recipientObjectId,
      conversationId: input.conversationId,
      payload: structuredClone(input.payload),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: input.notBefore,
      lastOutcome: null,
      createdAt: this.now().toISOString(),
      finishedAt: null,
    };
    this.rows.set(message.id, { message, claimedBy: null, claimUntil: null });
    this.idsByKey.set(message.idempotencyKey, message.id);
    return { message: structuredClone(message), created: true };
  }

  async claimDue(now: string, limit: number, claimUntil: string, worker: string): Promise<OutboxMessage[]> {
    const nowMs = Date.parse(now);
    const due = [...this.rows.values()]
      .filter((row) => this.isDue(row, nowMs))
      .sort(
        (a, b) =>
          Date.parse(a.message.nextAttemptAt) - Date.parse(b.message.nextAttemptAt) ||
          a.message.id.localeCompare(b.message.id),
      )
      .slice(0, limit);
    for (const row of due) {
      row.message.status = 'sending';
      row.claimedBy = worker;
      row.claimUntil = claimUntil;
    }
    return due.map((row) => structuredClone(row.message));
  }

  async recordAttempt(
    id: string,
    worker: string,
    outcome: DeliveryOutcome,
    next: { status: OutboxStatus; nextAttemptAt: string; finishedAt: string | null },
  ): Promise<void> {
    const row = this.rows.get(id);
    if (row === undefined) throw new Error(`unknown outbox message ${id}`);
    // Like the SQL adapters: a worker whose claim was taken over records nothing.
    if (row.message.status !== 'sending' || row.claimedBy !== worker) {
      this.ignoredRecords += 1;
      return;
    }
    row.message.attempts += 1;
    row.message.lastOutcome = outcome.kind;
    row.message.status = next.status;
    row.message.nextAttemptAt = next.nextAttemptAt;
    row.message.finishedAt = next.finishedAt;
    row.claimedBy = null;
    row.claimUntil = null;
    this.attempts.push({ id, worker, outcome, status: next.status });
  }

  async get(id: string): Promise<OutboxMessage | undefined> {
    const row = this.rows.get(id);
    return row === undefined ? undefined : structuredClone(row.message);
  }

  async countByStatus(): Promise<Record<OutboxStatus, number>> {
    const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, 'recipient-gone': 0 };
    for (const row of this.rows.values()) counts[row.message.status] += 1;
    return counts;
  }

  private isDue(row: StoredMessage, nowMs: number): boolean {
    if (row.message.status === 'pending') return Date.parse(row.message.nextAttemptAt) <= nowMs;
    if (row.message.status === 'sending') return row.claimUntil !== null && Date.parse(row.claimUntil) <= nowMs;
    return false;
  }
}
