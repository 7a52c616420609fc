import type { Logger } from 'pino';
import type { OutboxRunSummary } from '@weerbaar/shared';

export interface OutboxLoopOptions {
  worker: { runOnce(): Promise<OutboxRunSummary> };
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  logger: Pick<Logger, 'info' | 'error'>;
}

export interface OutboxLoop {
  /** Ends the loop; resolves once a run in progress has finished recording its attempts. */
  stop(): Promise<void>;
}

/**
 * Runs the outbox worker every few seconds. The next run is scheduled only after the
 * previous one finished, so runs never overlap (a run can take longer than the interval
 * while it paces sends). Not cron: delivery latency should not wait for a minute boundary.
 */
export function startOutboxLoop({ worker, intervalMs, logger }: OutboxLoopOptions): OutboxLoop {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async (): Promise<void> => {
    try {
      const summary = await worker.runOnce();
      const { sent, throttled, failed, recipientGone, retried, deferred } = summary;
      if (sent + throttled + failed + recipientGone + retried + deferred > 0) {
        logger.info({ sent, throttled, failed, recipientGone, retried, deferred }, 'outbox run');
      }
    } catch (error) {
      // Typically the database is briefly unavailable: keep looping, the messages wait.
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'outbox run failed');
    }
  };

  const scheduleNext = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = runOnce().finally(() => {
        running = undefined;
        scheduleNext(intervalMs);
      });
    }, delayMs);
  };

  scheduleNext(0);

  return {
    async stop(): Promise<void> {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
