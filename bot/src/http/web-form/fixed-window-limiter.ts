import type { Clock } from '@weerbaar/shared';

export interface RateLimit {
  /** Requests allowed per key in one window. */
  limit: number;
  windowMs: number;
}

/**
 * A fixed-window counter per key. The keys are municipality codes (and a few fixed
 * names), never anything about the sender: the form must not keep IP addresses, not
 * even in memory for rate limiting. The map therefore stays as small as the key set.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly rate: RateLimit,
    private readonly clock: Clock,
  ) {}

  /** Counts one request for `key`; false once the window's limit is spent. */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    const windowStart = now - (now % this.rate.windowMs);
    const current = this.windows.get(key);
    if (!current || current.startedAt !== windowStart) {
      this.windows.set(key, { startedAt: windowStart, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= this.rate.limit;
  }
}
