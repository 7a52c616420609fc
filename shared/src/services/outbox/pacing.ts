/**
 * Send pacing for proactive messages. Teams allows a bot about 50 messages per second per
 * tenant and throttles fast bursts into one conversation; staying well below both keeps
 * 429s rare instead of relying on retries.
 */
export interface PacingPolicy {
  /** Minimum gap between two messages into the same conversation (1 s: at most 1 msg/s). */
  conversationIntervalMs: number;
  /** Upper bound on messages per second for one tenant. */
  tenantMessagesPerSecond: number;
}

export const defaultPacingPolicy: PacingPolicy = Object.freeze({
  conversationIntervalMs: 1_000,
  tenantMessagesPerSecond: 30,
});

/**
 * Remembers when each conversation and tenant may next receive a message. Times are epoch
 * milliseconds from the worker's clock, so tests drive it with a fake clock.
 */
export class OutboxPacer {
  private readonly conversationFreeAt = new Map<string, number>();
  private readonly tenantFreeAt = new Map<string, number>();
  private readonly tenantGapMs: number;

  constructor(private readonly policy: PacingPolicy = defaultPacingPolicy) {
    if (!(policy.tenantMessagesPerSecond > 0)) {
      throw new RangeError('tenantMessagesPerSecond must be positive');
    }
    // Even spacing rather than a burst window: at most N sends in any one-second window.
    this.tenantGapMs = 1_000 / policy.tenantMessagesPerSecond;
  }

  /** Earliest time (ms) at which a message for this tenant and conversation may go out. */
  readyAt(tenantId: string, conversationKey: string, nowMs: number): number {
    return Math.max(
      nowMs,
      this.conversationFreeAt.get(conversationKey) ?? nowMs,
      this.tenantFreeAt.get(tenantId) ?? nowMs,
    );
  }

  /** Records a send that started at `atMs`. */
  recordSend(tenantId: string, conversationKey: string, atMs: number): void {
    this.extend(this.conversationFreeAt, conversationKey, atMs + this.policy.conversationIntervalMs);
    this.extend(this.tenantFreeAt, tenantId, atMs + this.tenantGapMs);
  }

  /** After a 429 the conversation stays quiet until the service said it may be tried again. */
  holdConversation(conversationKey: string, untilMs: number): void {
    this.extend(this.conversationFreeAt, conversationKey, untilMs);
  }

  /** Drops entries that no longer restrict anything, so long-lived workers do not grow. */
  forgetBefore(nowMs: number): void {
    for (const gates of [this.conversationFreeAt, this.tenantFreeAt]) {
      for (const [key, freeAt] of gates) {
        if (freeAt <= nowMs) gates.delete(key);
      }
    }
  }

  private extend(gates: Map<string, number>, key: string, untilMs: number): void {
    gates.set(key, Math.max(gates.get(key) ?? untilMs, untilMs));
  }
}
