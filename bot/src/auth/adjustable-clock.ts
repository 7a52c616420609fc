import type { Clock } from '@weerbaar/shared';

/**
 * The instance clock. In local mode `/dev/clock` moves it (to demonstrate nudges and
 * legal clocks without waiting weeks); it keeps running from the moved point.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now();
  }
}
