import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { ServiceStore } from '@weerbaar/shared';
import { JobScheduler, type ScheduledJob } from '../src/jobs/scheduler.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';

const masterKey = randomBytes(32);
let folder: string;
let file: string;
const openStores: ServiceStore[] = [];

async function openStore(): Promise<ServiceStore> {
  const store = await openSqliteServiceStore({ file, masterKey });
  openStores.push(store);
  return store;
}

async function closeStore(store: ServiceStore): Promise<void> {
  openStores.splice(openStores.indexOf(store), 1);
  await store.close();
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'weerbaar-scheduler-'));
  file = join(folder, 'service.db');
});

afterEach(async () => {
  for (const store of openStores.splice(0)) await store.close();
  rmSync(folder, { recursive: true, force: true });
});

class FakeClock {
  constructor(private ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }
}

/** A pino logger whose lines the test can read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

const silent = pino({ level: 'silent' });
const minute = 60_000;
// Monday 2 March 2026, 09:00 in Amsterdam (UTC+1).
const mondayNine = Date.parse('2026-03-02T08:00:00.000Z');

function countingJob(name: string, pattern: string, runs: Map<string, number>, fail = false): ScheduledJob {
  return {
    name,
    pattern,
    async run(tickAt) {
      const key = `${name}@${tickAt.toISOString()}`;
      runs.set(key, (runs.get(key) ?? 0) + 1);
      if (fail) throw new Error(`${name} could not reach the directory`);
    },
  };
}

describe('JobScheduler across instances sharing one database', () => {
  it('runs every quarter-hour tick exactly once over three hours with two schedulers', async () => {
    const [storeA, storeB] = [await openStore(), await openStore()];
    const clock = new FakeClock(mondayNine);
    const runs = new Map<string, number>();
    const scheduler = (holder: string, store: ServiceStore) =>
      new JobScheduler({
        jobs: [countingJob('agenda-nudge', '*/15 * * * *', runs)],
        leases: store.leases,
        clock,
        holder,
        logger: silent,
        catchUpMs: 0,
      });
    const a = scheduler('instance-a', storeA);
    const b = scheduler('instance-b', storeB);

    let ranByA = 0;
    let ranByB = 0;
    for (let step = 1; step <= 180; step += 1) {
      const now = clock.advance(minute);
      // Timers of two machines never fire in lockstep: either may check first, sometimes
      // only one of them checks (and at step 105 neither: that tick runs a minute late).
      const checkA = () => (step % 7 === 0 ? undefined : a.runDue(now));
      const checkB = () => (step % 4 === 1 ? undefined : b.runDue(now));
      const bFirst = step % 2 === 1 ? checkB() : undefined;
      const fromAPending = checkA();
      const fromBPending = step % 2 === 1 ? bFirst : checkB();
      const [fromA, fromB] = await Promise.all([fromAPending, fromBPending]);
      ranByA += fromA?.ran.length ?? 0;
      ranByB += fromB?.ran.length ?? 0;
    }

    const expectedTicks = Array.from({ length: 12 }, (_, index) =>
      new Date(mondayNine + (index + 1) * 15 * minute).toISOString(),
    );
    expect([...runs.keys()].sort()).toEqual(expectedTicks.map((tick) => `agenda-nudge@${tick}`));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(ranByA + ranByB).toBe(12);
    expect(ranByA).toBeGreaterThan(0);
    expect(ranByB).toBeGreaterThan(0);
  });

  it('does not re-run past ticks after a restart, and catches up a tick missed while down', async () => {
    const runs = new Map<string, number>();
    const clock = new FakeClock(mondayNine);
    const jobs = [countingJob('agenda-nudge', '*/15 * * * *', runs)];
    const first = await openStore();
    const before = new JobScheduler({ jobs, leases: first.leases, clock, holder: 'life-1', logger: silent, catchUpMs: 0 });
    for (let step = 0; step < 60; step += 1) await before.runDue(clock.advance(minute));
    await before.stop();
    await closeStore(first);
    expect(runs.size).toBe(4); // 09:15, 09:30, 09:45, 10:00

    // Down from 10:00 to 10:20: the 10:15 tick was missed. The new life looks back an hour.
    clock.advance(20 * minute);
    const second = await openStore();
    const after = new JobScheduler({ jobs, leases: second.leases, clock, holder: 'life-2', logger: silent, catchUpMs: 60 * minute });
    const firstCheck = await after.runDue(clock.now());
    expect(firstCheck.ran.map((tick) => tick.tickAt)).toEqual(['2026-03-02T09:15:00.000Z']);
    expect(firstCheck.claimedElsewhere).toBe(3); // 09:30, 09:45 and 10:00 ran in the first life

    await after.runDue(clock.advance(10 * minute));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(6); // plus 10:15 and 10:30
  });
});

describe('JobScheduler behaviour', () => {
  it('keeps going when a job fails, and logs only the job name and error message', async () => {
    const store = await openStore();
    const runs = new Map<string, number>();
    const { logger, lines } = capturingLogger();
    const clock = new FakeClock(mondayNine);
    const scheduler = new JobScheduler({
      jobs: [countingJob('flaky', '*/15 * * * *', runs, true), countingJob('steady', '*/30 * * * *', runs)],
      leases: store.leases,
      clock,
      holder: 'instance-a',
      logger,
      catchUpMs: 0,
    });
    for (let step = 0; step < 60; step += 1) await scheduler.runDue(clock.advance(minute));

    expect([...runs.keys()].filter((key) => key.startsWith('flaky@'))).toHaveLength(4);
    expect([...runs.keys()].filter((key) => key.startsWith('steady@'))).toHaveLength(2);
    const failures = lines.filter((line) => line['msg'] === 'scheduled job failed');
    expect(failures).toHaveLength(4);
    for (const line of failures) {
      expect(line).toMatchObject({ job: 'flaky', err: 'flaky could not reach the directory' });
    }
  });

  it('follows Amsterdam wall-clock time across the switch to summer time', async () => {
    const store = await openStore();
    const runs = new Map<string, number>();
    // Friday 27 March 07:00 in Amsterdam; summer time starts on Sunday 29 March.
    const clock = new FakeClock(Date.parse('2026-03-27T06:00:00.000Z'));
    const scheduler = new JobScheduler({
      jobs: [countingJob('daily-digest', '0 9 * * 1-5', runs)],
      leases: store.leases,
      clock,
      holder: 'instance-a',
      logger: silent,
      catchUpMs: 0,
    });
    // A /dev/clock jump over the weekend runs each planned tick in between once.
    await scheduler.runDue(clock.advance((3 * 24 + 2) * 60 * minute));
    expect([...runs.keys()]).toEqual(['daily-digest@2026-03-27T08:00:00.000Z', 'daily-digest@2026-03-30T07:00:00.000Z']);
    await scheduler.runDue(clock.advance(24 * 60 * minute));
    expect(runs.size).toBe(3);
    expect(runs.has('daily-digest@2026-03-31T07:00:00.000Z')).toBe(true);
  });

  it('stop() waits for a running job to finish', async () => {
    const store = await openStore();
    const clock = new FakeClock(mondayNine);
    const events: string[] = [];
    const scheduler = new JobScheduler({
      jobs: [
        {
          name: 'slow',
          pattern: '*/15 * * * *',
          async run() {
            events.push('started');
            await new Promise((resolve) => setTimeout(resolve, 100));
            events.push('finished');
          },
        },
      ],
      leases: store.leases,
      clock,
      holder: 'instance-a',
      logger: silent,
      catchUpMs: 0,
    });
    const running = scheduler.runDue(clock.advance(15 * minute));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await scheduler.stop();
    events.push('stopped');
    await running;
    expect(events).toEqual(['started', 'finished', 'stopped']);
  });

  it('fires on real timers at the planned second', async () => {
    const store = await openStore();
    const ticks: Date[] = [];
    const scheduler = new JobScheduler({
      jobs: [{ name: 'every-second', pattern: '* * * * * *', run: async (tickAt) => void ticks.push(tickAt) }],
      leases: store.leases,
      clock: { now: () => new Date() },
      holder: 'instance-a',
      logger: silent,
      catchUpMs: 0,
    });
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    await scheduler.stop();
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    for (const tick of ticks) expect(tick.getMilliseconds()).toBe(0);
    expect(new Set(ticks.map((tick) => tick.toISOString())).size).toBe(ticks.length);
  });
});
