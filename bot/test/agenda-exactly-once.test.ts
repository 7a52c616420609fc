import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobScheduler } from '../src/jobs/scheduler.js';
import { createLogger } from '../src/logging.js';
import { agendaWorld, at, hengeloPerson, type AgendaWorld } from './support/agenda-world.js';

/**
 * Each nudge goes once per department, window and recipient: across a restart, and with
 * two schedulers (two processes' worth of stores) on one database file.
 */
const henk = hengeloPerson('Henk Stegeman');
const ilse = hengeloPerson('Ilse Leferink');
const masterKey = randomBytes(32);
const silent = createLogger({ level: 'silent', instanceId: 'agenda-test' });

let folder: string;
const open: AgendaWorld[] = [];
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'weerbaar-agenda-once-'));
});
afterEach(async () => {
  for (const world of open.splice(0)) await world.close();
  rmSync(folder, { recursive: true, force: true });
});

async function world(start: Date): Promise<AgendaWorld> {
  const w = await agendaWorld({ start, folder, masterKey });
  open.push(w);
  return w;
}

async function outboxTotal(w: AgendaWorld): Promise<number> {
  return Object.values(await w.store.outbox.countByStatus()).reduce((sum, n) => sum + n, 0);
}

describe('agenda nudges exactly once', () => {
  it('a restart neither repeats a sent nudge nor loses one queued for Monday', async () => {
    const first = await world(at('2026-02-24'));
    const vergunningen = await first.addDepartment('Vergunningen', henk, null, '2020-01-06');
    const sociaal = await first.addDepartment('Sociaal Domein', ilse, null, '2020-01-06');
    await first.discussed(vergunningen, '2025-04-07'); // first window opens Tuesday 24 February
    await first.discussed(sociaal, '2025-04-11'); // opens Saturday 28 February: queued for Monday
    await first.runAt(at('2026-02-24'));
    await first.runAt(at('2026-02-28', '10:00'));
    expect(first.transport.to(henk)).toHaveLength(1);
    expect(first.transport.to(ilse)).toHaveLength(0);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await world(at('2026-03-02', '08:30'));
    await second.deliver();
    await second.runAt(at('2026-03-02', '09:30'));
    await second.runAt(at('2026-03-03', '09:30'));
    expect(second.transport.to(henk)).toHaveLength(0);
    expect(second.transport.to(ilse).map((s) => s.message.kind)).toEqual(['agenda.nudge']);
    expect(await outboxTotal(second)).toBe(2);
    const ledger = await second.store.agenda.nudges('0164');
    expect(ledger.map((n) => [n.departmentId, n.windowKey, n.sentAt !== null])).toEqual([
      [vergunningen, '2026-04-07:before-42', true],
      [sociaal, '2026-04-11:before-42', true],
    ]);
  });

  it('two schedulers on one database file run each tick once and queue each nudge once', async () => {
    const a = await world(at('2026-02-24', '07:00'));
    const b = await world(at('2026-02-24', '07:00'));
    const vergunningen = await a.addDepartment('Vergunningen', henk, null, '2020-01-06');
    const sociaal = await a.addDepartment('Sociaal Domein', ilse, null, '2020-01-06');
    await a.discussed(vergunningen, '2025-04-07');
    await a.discussed(sociaal, '2025-04-08');
    const scheduler = (w: AgendaWorld, holder: string) =>
      new JobScheduler({ jobs: [w.agenda.job], leases: w.store.leases, clock: w.clock, holder, logger: silent, catchUpMs: 0 });
    const schedulers = [scheduler(a, 'process-a'), scheduler(b, 'process-b')];

    let ran = 0;
    let elsewhere = 0;
    // Tuesday 07:00 to Thursday 18:00, in 20-minute steps: both check every step.
    for (let t = at('2026-02-24', '07:00').getTime(); t <= at('2026-02-26', '18:00').getTime(); t += 20 * 60_000) {
      a.clock.set(new Date(t));
      b.clock.set(new Date(t));
      const [ra, rb] = await Promise.all(schedulers.map((s) => s.runDue(new Date(t))));
      ran += (ra?.ran.length ?? 0) + (rb?.ran.length ?? 0);
      elsewhere += (ra?.claimedElsewhere ?? 0) + (rb?.claimedElsewhere ?? 0);
      // And the job itself run twice at once, as two instances whose ticks disagree would.
      await Promise.all([a.agenda.job.run(new Date(t)), b.agenda.job.run(new Date(t))]);
    }
    // Tuesday, Wednesday and Thursday from 08:30 to 17:30: ten ticks a day, each run once.
    expect(ran).toBe(30);
    expect(elsewhere).toBe(30);
    expect(await outboxTotal(a)).toBe(2);
    await Promise.all([a.deliver(), b.deliver()]);
    expect([...a.transport.sent, ...b.transport.sent].map((s) => s.recipientObjectId).sort()).toEqual([henk.objectId, ilse.objectId].sort());
  });
});
