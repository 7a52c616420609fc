import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxNotifier, createWorkingDayCalendar, type Directory, type Person, type ServiceStore } from '@weerbaar/shared';
import { learningJob, runLearningJob, type LearningJobDeps } from '../src/jobs/learning-job.js';
import { JobScheduler } from '../src/jobs/scheduler.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { learningInvitationMessage } from '../src/teams/learning/learning-cards.js';

const masterKey = randomBytes(32);
const HENGELO = { code: '0164', tenantId: '11111111-1111-4111-8111-111111111111' };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

function person(name: string, startDate: string, locale: Person['locale'] = 'nl-NL'): Person {
  return { upn: `${name}@hengelo.example`, displayName: name, objectId: `oid-${name}`, municipalityCode: HENGELO.code, department: 'Vergunningen', roles: ['employee'], locale, startDate };
}

const people = [person('nieuw', '2026-11-23'), person('anna', '2019-11-20', 'en-US'), person('bert', '2015-12-10')];
const directory: Pick<Directory, 'peopleOf'> = { peopleOf: async (code) => (code === HENGELO.code ? people : []) };

class FakeClock {
  constructor(public at: Date) {}
  now(): Date {
    return new Date(this.at.getTime());
  }
}

let folder: string;
let file: string;
const stores: ServiceStore[] = [];

async function openStore(): Promise<ServiceStore> {
  const store = await openSqliteServiceStore({ file, masterKey });
  stores.push(store);
  return store;
}

function deps(store: ServiceStore, clock: FakeClock): LearningJobDeps {
  return {
    directory,
    notifier: new OutboxNotifier(store.outbox, clock),
    records: { deleteExpired: async () => 0 },
    clock,
    municipalities: [HENGELO],
    calendarFor: () => createWorkingDayCalendar(),
    messageFor: learningInvitationMessage,
    logger: silent,
  };
}

/** A scheduler as a fresh process would build it, at the clock's time, then one check. */
async function runScheduler(store: ServiceStore, clock: FakeClock): Promise<number> {
  const scheduler = new JobScheduler({ jobs: [learningJob(deps(store, clock))], leases: store.leases, clock, holder: `test-${Math.random()}`, logger: silent });
  const { ran } = await scheduler.runDue(clock.now());
  return ran.length;
}

function outboxRows(): { idempotency_key: string; recipient_object_id: string; next_attempt_at: string; id: string }[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT id, idempotency_key, recipient_object_id, next_attempt_at FROM outbox ORDER BY idempotency_key').all() as never;
  } finally {
    db.close();
  }
}

const keysOf = () => outboxRows().map((row) => row.idempotency_key);

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'weerbaar-learning-invitations-'));
  file = path.join(folder, 'service.db');
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('learning invitations through the outbox and the scheduler', () => {
  it('invite a new employee once and everyone else once a year, across reruns and restarts', async () => {
    // Monday 30 November 2026, 10:15 in Hengelo (09:15 UTC): the job's tick.
    const clock = new FakeClock(new Date('2026-11-30T09:15:20Z'));
    let store = await openStore();
    expect(await runScheduler(store, clock)).toBe(1);
    expect(keysOf()).toEqual(['learning:oid-anna:2026:oid-anna', 'learning:oid-nieuw:onboarding:oid-nieuw']);

    // The same tick again (a second process), and the job run by hand: nothing new.
    expect(await runScheduler(store, clock)).toBe(0);
    expect((await runLearningJob(deps(store, clock), clock.now())).queued).toBe(0);

    // A restart the next morning: new store handle, new scheduler.
    await store.close();
    stores.splice(stores.indexOf(store), 1);
    store = await openStore();
    clock.at = new Date('2026-12-01T09:15:20Z');
    expect(await runScheduler(store, clock)).toBe(1);
    expect(keysOf()).toHaveLength(2);

    // Bert's anniversary (10 December): his yearly invitation, once.
    clock.at = new Date('2026-12-10T09:15:20Z');
    await runScheduler(store, clock);
    clock.at = new Date('2026-12-11T09:15:20Z');
    await runScheduler(store, clock);
    expect(keysOf()).toEqual(['learning:oid-anna:2026:oid-anna', 'learning:oid-bert:2026:oid-bert', 'learning:oid-nieuw:onboarding:oid-nieuw']);

    // A year on: Anna's 2027 refresher; the newcomer's first yearly one on his anniversary, not before.
    clock.at = new Date('2027-11-22T09:15:20Z');
    await runScheduler(store, clock);
    expect(keysOf()).toContain('learning:oid-anna:2027:oid-anna');
    expect(keysOf()).not.toContain('learning:oid-nieuw:2027:oid-nieuw');
    clock.at = new Date('2027-11-23T09:15:20Z');
    await runScheduler(store, clock);
    clock.at = new Date('2027-11-24T09:15:20Z');
    await runScheduler(store, clock);
    const perPerson = (oid: string) => outboxRows().filter((row) => row.recipient_object_id === oid).map((row) => row.idempotency_key);
    expect(perPerson('oid-nieuw')).toEqual(['learning:oid-nieuw:2027:oid-nieuw', 'learning:oid-nieuw:onboarding:oid-nieuw']);
    expect(perPerson('oid-anna')).toHaveLength(2);
  });

  it('keeps to the quiet hours, and invites in the person’s language with a start button', async () => {
    // Saturday 5 December 2026 at noon: nothing goes out before Monday 08:00.
    const clock = new FakeClock(new Date('2026-12-05T11:00:00Z'));
    const store = await openStore();
    await runLearningJob(deps(store, clock), clock.now());
    const rows = outboxRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.next_attempt_at).toBe('2026-12-07T07:00:00.000Z');

    const anna = rows.find((row) => row.recipient_object_id === 'oid-anna');
    const message = await store.outbox.get(anna?.id ?? '');
    expect(message?.payload.kind).toBe('learning.invitation');
    expect(message?.payload.text).toContain('type "learn"');
    expect(JSON.stringify(message?.payload.card)).toContain('"learning.start"');
    const nieuw = await store.outbox.get(rows.find((row) => row.recipient_object_id === 'oid-nieuw')?.id ?? '');
    expect(JSON.stringify(nieuw?.payload.card)).toContain('Welkom bij de gemeente');
  });
});
