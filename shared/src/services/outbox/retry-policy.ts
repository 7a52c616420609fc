import type { DeliveryOutcome, OutboxMessage, OutboxStatus } from '../../ports/service-store.js';

/**
 * How long and how often the outbox keeps trying one message.
 *
 * The store keeps a single attempt counter per message, and a 429 answer is recorded as an
 * attempt like any other. So that a burst of throttling cannot use up the budget meant for
 * real failures, throttled attempts may continue until `maxAttempts + maxThrottles`, while
 * transient failures end the message at `maxAttempts`.
 */
export interface RetryPolicy {
  /** Attempts after which a transient failure is final. */
  maxAttempts: number;
  /** Extra attempts a message may spend on 429 answers before it is given up. */
  maxThrottles: number;
  /** First backoff ceiling after a transient failure; doubles per attempt. */
  baseDelayMs: number;
  /** Backoff ceiling never exceeds this. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  maxAttempts: 8,
  maxThrottles: 12,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
});

/** Used when a 429 carries no usable Retry-After. */
export const defaultThrottleDelayMs = 1_000;

/**
 * Backoff before the next try after failed attempt number `attempt` (1-based), with full
 * jitter: uniformly between 0 and min(maxDelayMs, baseDelayMs * 2^(attempt-1)). Full jitter
 * spreads retries of many messages that failed together (e.g. one Teams outage) so they do
 * not return as one wave.
 */
export function nextAttemptDelay(
  attempt: number,
  random: () => number,
  policy: RetryPolicy = defaultRetryPolicy,
): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity for absurd exponents; min() keeps the ceiling finite.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const fraction = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(fraction * ceiling);
}

export interface PlannedAttempt {
  status: OutboxStatus;
  nextAttemptAt: string;
  finishedAt: string | null;
}

/** Delay the service asked for, or the default when it gave none we can use. */
export function throttleDelayMs(outcome: Extract<DeliveryOutcome, { kind: 'throttled' }>): number {
  const asked = outcome.retryAfterMs;
  return Number.isFinite(asked) && asked >= 0 ? asked : defaultThrottleDelayMs;
}

/**
 * Decides what happens to a message after one attempt. `message.attempts` is the count
 * before this attempt. Final outcomes set `finishedAt`; retries set `status: 'pending'`.
 */
export function planNextAttempt(
  message: Pick<OutboxMessage, 'attempts'>,
  outcome: DeliveryOutcome,
  now: Date,
  random: () => number,
  policy: RetryPolicy = defaultRetryPolicy,
): PlannedAttempt {
  const attemptNumber = message.attempts + 1;
  const nowIso = now.toISOString();
  const finish = (status: OutboxStatus): PlannedAttempt => ({ status, nextAttemptAt: nowIso, finishedAt: nowIso });
  const retryAfter = (delayMs: number): PlannedAttempt => ({
    status: 'pending',
    nextAttemptAt: new Date(now.getTime() + delayMs).toISOString(),
    finishedAt: null,
  });

  switch (outcome.kind) {
    case 'sent':
      return finish('sent');
    case 'recipient-gone':
      return finish('recipient-gone');
    case 'throttled':
      if (attemptNumber >= policy.maxAttempts + policy.maxThrottles) return finish('failed');
      return retryAfter(throttleDelayMs(outcome));
    case 'failed':
      if (!outcome.transient || attemptNumber >= policy.maxAttempts) return finish('failed');
      return retryAfter(nextAttemptDelay(attemptNumber, random, policy));
  }
}
