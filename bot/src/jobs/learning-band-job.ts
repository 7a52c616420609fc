import type { Clock, LearningBandReport, LearningRecords } from '@weerbaar/shared';
import type { Logger } from '../logging.js';
import type { ScheduledJob } from './scheduler.js';

export interface LearningBandReporterDeps {
  records: Pick<LearningRecords, 'bandReports'>;
  hub: { reportLearningBand(municipalityCode: string, report: LearningBandReport): Promise<void> };
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Waits before retrying a background run that failed (the hub may start after the instance). */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000];

export interface LearningBandReportSummary {
  reported: number;
  failed: number;
}

/** Every night at 06:40, so the Twente-wide view starts each day with current bands. */
export const LEARNING_BAND_JOB_PATTERN = '40 6 * * *';

/**
 * Sends the district hub this instance's learning band per municipality: at start, every
 * night, and shortly after a completion or a change of the recording switch. Runs never
 * overlap; a request while one runs makes one more run afterwards, with fresh figures. A
 * failure is logged (status only) and made good by the next run: the figures are
 * recomputed every time, so nothing old is ever resent.
 */
export class LearningBandReporter {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(private readonly deps: LearningBandReporterDeps) {}

  async reportAll(now: Date): Promise<LearningBandReportSummary> {
    const summary: LearningBandReportSummary = { reported: 0, failed: 0 };
    let reports: Awaited<ReturnType<LearningBandReporterDeps['records']['bandReports']>>;
    try {
      reports = await this.deps.records.bandReports(now);
    } catch (error) {
      this.deps.logger.warn({ job: 'learning-band-report', err: errorCode(error) }, 'learning bands could not be computed');
      return { reported: 0, failed: 1 };
    }
    for (const { municipalityCode, ...report } of reports) {
      try {
        await this.deps.hub.reportLearningBand(municipalityCode, report);
        summary.reported += 1;
      } catch (error) {
        summary.failed += 1;
        this.deps.logger.warn({ job: 'learning-band-report', municipality: municipalityCode, err: errorCode(error) }, 'learning band not reported to the hub');
      }
    }
    return summary;
  }

  /** Asks for a run in the background (coalesced, retried a few times on failure); never throws. */
  soon(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runInBackground().finally(() => {
      this.running = null;
    });
  }

  private async runInBackground(): Promise<void> {
    const delays = this.deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    let attempt = 0;
    do {
      this.again = false;
      const { failed } = await this.reportAll(this.deps.clock.now());
      if (failed > 0 && !this.again && attempt < delays.length && !this.stopped) {
        await this.pause(delays[attempt]!);
        attempt += 1;
        this.again = !this.stopped;
      }
    } while (this.again && !this.stopped);
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => {
      this.wake = null;
    });
  }

  /** Resolves when no run is in progress (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Shutdown: no new runs, a pending retry is dropped, a request in flight is awaited. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.idle();
  }

  job(): ScheduledJob {
    return {
      name: 'learning-band-report',
      pattern: LEARNING_BAND_JOB_PATTERN,
      run: async () => {
        const summary = await this.reportAll(this.deps.clock.now());
        this.deps.logger.info({ job: 'learning-band-report', ...summary }, 'learning bands reported to the hub');
      },
    };
  }
}

/** Error codes only: a message could carry a URL or an answer from the hub. */
function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown';
}
