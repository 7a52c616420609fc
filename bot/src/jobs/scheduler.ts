import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Clock, LeaseRepository } from '@weerbaar/shared';

export const schedulerTimezone = 'Europe/Amsterdam';

export interface ScheduledJob {
  /** Stable name: ticks are claimed per (name, tick instant) in the shared database. */
  name: string;
  /** Cron pattern (5 fields, or 6 with seconds), read in `timezone`. */
  pattern: string;
  /** Defaults to Europe/Amsterdam, so "09:00" stays 09:00 across daylight saving time. */
  timezone?: string;
  /** Runs one tick; `tickAt` is the planned instant, not the moment it happens to run. */
  run(tickAt: Date): Promise<void>;
}

export type SchedulerLogger = Pick<Logger, 'error' | 'warn' | 'debug'>;

export interface JobSchedulerOptions {
  jobs: readonly ScheduledJob[];
  leases: LeaseRepository;
  clock: Clock;
  /** Identifies this process in tick claims (e.g. host, pid and a random part). */
  holder: string;
  logger: SchedulerLogger;
  /**
   * A new scheduler also considers ticks this long before its creation, so a tick missed
   * while all instances were restarting still runs. Ticks another instance already ran are not
   * repeated: the claim says so. Default 15 minutes.
   */
  catchUpMs?: number;
  /** Upper bound of ticks per job handled by one check (a large clock jump continues later). */
  maxTicksPerCheck?: number;
}

export interface TickRun {
  job: string;
  tickAt: string;
  ok: boolean;
}

export interface DueRunSummary {
  /** Ticks this scheduler won and ran, in order. */
  ran: TickRun[];
  /** Ticks another scheduler (or an earlier life of this one) had already claimed. */
  claimedElsewhere: number;
}

interface JobEntry {
  job: ScheduledJob;
  /** Used only to compute planned instants; it has no callback, so it never fires. */
  calendar: Cron;
  /** Ticks up to and including this instant have been handled. */
  checkedUntil: Date;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs cron jobs so that every tick runs exactly once across all processes sharing the
 * database: each planned instant is claimed through `leases.claimTick` and only the winner
 * runs it. Time comes from the injected clock, so tests and `/dev/clock` jumps drive it
 * with `runDue(now)`; the real timers merely call `runDue(clock.now())` when a tick is due.
 */
export class JobScheduler {
  private readonly entries: JobEntry[];
  private readonly catchUpMs: number;
  private readonly maxTicksPerCheck: number;
  private timers: Cron[] = [];
  /** Checks run one after another, so a tick is never handled twice by one scheduler. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JobSchedulerOptions) {
    this.catchUpMs = options.catchUpMs ?? 15 * 60_000;
    this.maxTicksPerCheck = options.maxTicksPerCheck ?? 1_000;
    // A new scheduler (a restart) considers ticks from `catchUpMs` before its creation.
    const firstWindowStart = new Date(options.clock.now().getTime() - this.catchUpMs);
    const names = new Set<string>();
    this.entries = options.jobs.map((job) => {
      if (names.has(job.name)) throw new Error(`duplicate scheduled job name: ${job.name}`);
      names.add(job.name);
      // Throws on an invalid pattern or time zone, at start-up rather than at the first tick.
      const calendar = new Cron(job.pattern, { timezone: job.timezone ?? schedulerTimezone, paused: true });
      return { job, calendar, checkedUntil: firstWindowStart };
    });
  }

  /** Claims and runs every tick planned after the previous check, up to and including `now`. */
  runDue(now: Date): Promise<DueRunSummary> {
    const result = this.queue.then(() => this.checkDue(now));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Starts real timers; each fire checks all jobs against the injected clock. */
  start(): void {
    if (this.timers.length > 0) return;
    this.timers = this.entries.map(
      (entry) =>
        new Cron(
          entry.job.pattern,
          {
            timezone: entry.job.timezone ?? schedulerTimezone,
            protect: true,
            catch: (error: unknown) =>
              this.options.logger.error({ job: entry.job.name, err: errorMessage(error) }, 'scheduler check failed'),
          },
          async () => {
            await this.runDue(this.options.clock.now());
          },
        ),
    );
  }

  /** Stops the timers and waits for a job that is running to finish. */
  async stop(): Promise<void> {
    for (const timer of this.timers) timer.stop();
    this.timers = [];
    await this.queue;
  }

  private async checkDue(now: Date): Promise<DueRunSummary> {
    const summary: DueRunSummary = { ran: [], claimedElsewhere: 0 };
    const due: Array<{ entry: JobEntry; tickAt: Date }> = [];
    const checkedUntilAfter = new Map<JobEntry, Date>();

    for (const entry of this.entries) {
      const from = this.windowStart(entry, now);
      const ticks = this.ticksBetween(entry.calendar, from, now);
      for (const tickAt of ticks) due.push({ entry, tickAt });
      // When the bound cut the list short, the next check continues after the last tick.
      checkedUntilAfter.set(entry, ticks.length === this.maxTicksPerCheck ? (ticks.at(-1) ?? now) : now);
    }
    // Oldest first across jobs, as if the timers had fired on time.
    due.sort((a, b) => a.tickAt.getTime() - b.tickAt.getTime() || a.entry.job.name.localeCompare(b.entry.job.name));

    const unavailable = new Set<JobEntry>();
    for (const { entry, tickAt } of due) {
      if (unavailable.has(entry)) continue;
      const { job } = entry;
      let won: boolean;
      try {
        won = await this.options.leases.claimTick(job.name, tickAt.toISOString(), this.options.holder);
      } catch (error) {
        // Unclaimed, so not lost: the next check starts just before this tick.
        this.options.logger.error({ job: job.name, err: errorMessage(error) }, 'could not claim scheduled tick');
        unavailable.add(entry);
        entry.checkedUntil = new Date(tickAt.getTime() - 1);
        continue;
      }
      entry.checkedUntil = tickAt;
      if (!won) {
        summary.claimedElsewhere += 1;
        continue;
      }
      summary.ran.push({ job: job.name, tickAt: tickAt.toISOString(), ok: await this.runJob(job, tickAt) });
    }

    for (const entry of this.entries) {
      const until = checkedUntilAfter.get(entry);
      if (!unavailable.has(entry) && until !== undefined) entry.checkedUntil = until;
    }
    return summary;
  }

  /** A failing job is logged and counted; its tick is spent, the scheduler carries on. */
  private async runJob(job: ScheduledJob, tickAt: Date): Promise<boolean> {
    try {
      await job.run(tickAt);
      return true;
    } catch (error) {
      this.options.logger.error({ job: job.name, err: errorMessage(error) }, 'scheduled job failed');
      return false;
    }
  }

  private windowStart(entry: JobEntry, now: Date): Date {
    // The clock went back (e.g. /dev/clock): start from the new now. Ticks already run stay
    // claimed, so passing them again later does not run them twice.
    if (entry.checkedUntil.getTime() > now.getTime()) return now;
    return entry.checkedUntil;
  }

  /** Planned instants strictly after `from` and at or before `until`. */
  private ticksBetween(calendar: Cron, from: Date, until: Date): Date[] {
    const ticks: Date[] = [];
    let next = calendar.nextRun(from);
    while (next !== null && next.getTime() <= until.getTime() && ticks.length < this.maxTicksPerCheck) {
      ticks.push(next);
      next = calendar.nextRun(next);
    }
    return ticks;
  }
}
