import type { Clock, MessageTransport } from '../ports/runtime.js';
import type { DeliveryOutcome, OutboxMessage, OutboxRepository } from '../ports/service-store.js';
import { OutboxPacer, defaultPacingPolicy, type PacingPolicy } from './outbox/pacing.js';
import { defaultRetryPolicy, planNextAttempt, throttleDelayMs, type RetryPolicy } from './outbox/retry-policy.js';

export * from './outbox/retry-policy.js';
export * from './outbox/pacing.js';
export * from './outbox/outbox-notifier.js';

/** Structured logger (pino-compatible). The worker passes ids and outcome kinds only, never payloads. */
export interface OutboxLogger {
  debug(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface OutboxWorkerDeps {
  outbox: OutboxRepository;
  transport: MessageTransport;
  clock: Clock;
  /** Identifies this worker in claims; unique per process. */
  workerId: string;
  random?: () => number;
  policy?: RetryPolicy;
  pacing?: PacingPolicy;
  /** Waits between paced sends; tests pass one that advances a fake clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Finds the Teams conversation for a recipient when the message has none stored. */
  resolveConversation?: (tenantId: string, recipientObjectId: string) => Promise<string | null>;
  /** Messages claimed per run. */
  batchSize?: number;
  /** How long a claim protects messages from other workers. */
  claimMs?: number;
  /** A send must start at least this long before the claim ends (covers the send itself). */
  claimSafetyMs?: number;
  logger?: OutboxLogger;
  /**
   * Called when a message is given up (`failed` or `recipient-gone`), before the attempt
   * is recorded, so a hook that throws leaves the message claimed and it is tried again
   * later (the hook must be idempotent). Used to pass a notice on and tell the app admin:
   * never a silent drop.
   */
  onFinalOutcome?: (message: OutboxMessage, outcome: DeliveryOutcome, status: 'failed' | 'recipient-gone') => Promise<void>;
  /**
   * Called after a delivery is recorded, with the Teams activity id when the transport
   * returned one (e.g. so a card can later be updated in place). A hook that throws is
   * logged; the message stays sent.
   */
  onDelivered?: (message: OutboxMessage, outcome: Extract<DeliveryOutcome, { kind: 'sent' }>) => Promise<void>;
}

export interface OutboxRunSummary {
  /** Delivered. */
  sent: number;
  /** Answered 429 (retried later, or given up when throttles were exhausted). */
  throttled: number;
  /** Ended as failed in this run. */
  failed: number;
  /** Ended because the recipient left or blocked the bot (403/404). */
  recipientGone: number;
  /** Scheduled for another attempt. */
  retried: number;
  /** Claimed but not tried: pacing would have run past the claim; they return when it lapses. */
  deferred: number;
}

interface QueuedSend {
  message: OutboxMessage;
  conversationId: string | null;
  /** Pacing key: the conversation, or the recipient's personal chat while it is unknown. */
  conversationKey: string;
}

const silentLogger: OutboxLogger = { debug: () => {}, info: () => {}, warn: () => {} };

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Delivers due outbox messages. Each run claims a batch (so concurrent workers on one
 * database never share a message), sends them one at a time at a pace Teams tolerates,
 * and records each attempt: sent, retry later, or given up.
 */
export class OutboxWorker {
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pacer: OutboxPacer;
  private readonly batchSize: number;
  private readonly claimMs: number;
  private readonly claimSafetyMs: number;
  private readonly logger: OutboxLogger;

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.random = deps.random ?? Math.random;
    this.policy = deps.policy ?? defaultRetryPolicy;
    this.sleep = deps.sleep ?? realSleep;
    this.pacer = new OutboxPacer(deps.pacing ?? defaultPacingPolicy);
    this.batchSize = deps.batchSize ?? 25;
    this.claimMs = deps.claimMs ?? 120_000;
    this.claimSafetyMs = deps.claimSafetyMs ?? 15_000;
    this.logger = deps.logger ?? silentLogger;
    if (this.claimSafetyMs >= this.claimMs) throw new RangeError('claimSafetyMs must be shorter than claimMs');
  }

  async runOnce(): Promise<OutboxRunSummary> {
    const summary: OutboxRunSummary = { sent: 0, throttled: 0, failed: 0, recipientGone: 0, retried: 0, deferred: 0 };
    const startedAt = this.deps.clock.now();
    const claimEndsMs = startedAt.getTime() + this.claimMs;
    const claimed = await this.deps.outbox.claimDue(
      startedAt.toISOString(),
      this.batchSize,
      new Date(claimEndsMs).toISOString(),
      this.deps.workerId,
    );
    if (claimed.length === 0) return summary;
    this.pacer.forgetBefore(startedAt.getTime());

    const queue: QueuedSend[] = [];
    for (const message of claimed) queue.push(await this.prepare(message));

    const lastSafeStartMs = claimEndsMs - this.claimSafetyMs;
    while (queue.length > 0) {
      const nowMs = this.deps.clock.now().getTime();
      const { index, readyAtMs } = this.nextReady(queue, nowMs);
      if (readyAtMs > lastSafeStartMs) {
        // Sending now could overlap another worker's claim of the same message: leave the
        // rest claimed; their claims lapse and a later run picks them up.
        summary.deferred += queue.length;
        this.logger.debug({ deferred: queue.length }, 'outbox run ended before claim expiry');
        break;
      }
      const [next] = queue.splice(index, 1);
      if (next === undefined) break;
      if (readyAtMs > nowMs) await this.sleep(Math.ceil(readyAtMs - nowMs));
      await this.deliver(next, summary);
    }
    return summary;
  }

  private async prepare(message: OutboxMessage): Promise<QueuedSend> {
    let conversationId = message.conversationId;
    if (conversationId === null && this.deps.resolveConversation !== undefined) {
      try {
        conversationId = await this.deps.resolveConversation(message.tenantId, message.recipientObjectId);
      } catch (error) {
        // The transport can still install the app and open the chat itself.
        this.logger.warn({ messageId: message.id, err: errorMessage(error) }, 'conversation lookup failed');
      }
    }
    const conversationKey = conversationId ?? `personal:${message.tenantId}:${message.recipientObjectId}`;
    return { message, conversationId, conversationKey };
  }

  /** The queued send that may go out first; ties keep claim order (oldest due first). */
  private nextReady(queue: readonly QueuedSend[], nowMs: number): { index: number; readyAtMs: number } {
    let best = { index: 0, readyAtMs: Number.POSITIVE_INFINITY };
    queue.forEach((entry, index) => {
      const readyAtMs = this.pacer.readyAt(entry.message.tenantId, entry.conversationKey, nowMs);
      if (readyAtMs < best.readyAtMs) best = { index, readyAtMs };
    });
    return best;
  }

  private async deliver(entry: QueuedSend, summary: OutboxRunSummary): Promise<void> {
    const { message } = entry;
    const sentAt = this.deps.clock.now();
    this.pacer.recordSend(message.tenantId, entry.conversationKey, sentAt.getTime());
    const outcome = await this.send(entry);
    const now = this.deps.clock.now();
    if (outcome.kind === 'throttled') {
      this.pacer.holdConversation(entry.conversationKey, now.getTime() + throttleDelayMs(outcome));
    }
    const next = planNextAttempt(message, outcome, now, this.random, this.policy);
    const details = {
      messageId: message.id,
      kind: message.payload.kind,
      outcome: outcome.kind,
      status: 'status' in outcome ? outcome.status : undefined,
      attempt: message.attempts + 1,
      next: next.status,
    };
    if (this.deps.onFinalOutcome !== undefined && (next.status === 'failed' || next.status === 'recipient-gone')) {
      try {
        await this.deps.onFinalOutcome(message, outcome, next.status);
      } catch (error) {
        // Not recorded: the claim lapses and a later run delivers (or gives up) again.
        this.logger.warn({ ...details, err: errorMessage(error) }, 'final-outcome hook failed');
        return;
      }
    }
    try {
      await this.deps.outbox.recordAttempt(message.id, this.deps.workerId, outcome, next);
    } catch (error) {
      // The claim lapses and the message is tried again: at-least-once beats losing it.
      this.logger.warn({ ...details, err: errorMessage(error) }, 'could not record outbox attempt');
      return;
    }
    this.count(summary, outcome, next.status);
    if (outcome.kind === 'sent' && this.deps.onDelivered !== undefined) {
      try {
        await this.deps.onDelivered(message, outcome);
      } catch (error) {
        this.logger.warn({ ...details, err: errorMessage(error) }, 'delivered hook failed');
      }
    }
    if (next.status === 'failed') this.logger.warn(details, 'outbox message given up');
    else this.logger.debug(details, 'outbox attempt recorded');
  }

  private async send(entry: QueuedSend): Promise<DeliveryOutcome> {
    const { message } = entry;
    try {
      return await this.deps.transport.send(
        message.tenantId,
        message.recipientObjectId,
        entry.conversationId,
        message.payload,
      );
    } catch (error) {
      // A transport that throws instead of answering is treated as a network failure.
      this.logger.warn({ messageId: message.id, err: errorMessage(error) }, 'outbox transport threw');
      return { kind: 'failed', transient: true };
    }
  }

  private count(summary: OutboxRunSummary, outcome: DeliveryOutcome, status: OutboxMessage['status']): void {
    if (outcome.kind === 'throttled') summary.throttled += 1;
    switch (status) {
      case 'sent':
        summary.sent += 1;
        break;
      case 'recipient-gone':
        summary.recipientGone += 1;
        break;
      case 'failed':
        summary.failed += 1;
        break;
      case 'pending':
        summary.retried += 1;
        break;
      case 'sending':
        break;
    }
  }
}
