// One service process in the two-process PostgreSQL tests (bot/test/postgres-two-processes.test.ts).
// It runs the BUILT service code (bot/dist, shared/dist) against DATABASE_URL and
// KEY_DATABASE_URL, reports every job run or send to the test's HTTP counter, and prints
// one JSON summary line. Protocol: prints "ready" once the store is open, starts on a
// "go" line on stdin, so both processes race from the same moment.
//
//   node postgres-contender.mjs scheduler <name> <ticks>
//   node postgres-contender.mjs outbox <name>
import { createInterface } from 'node:readline';
import { OutboxWorker, systemClock } from '@weerbaar/shared';
import { JobScheduler } from '../../dist/jobs/scheduler.js';
import { openPostgresServiceStore } from '../../dist/stores/postgres/index.js';

const [mode, name, ticksArg] = process.argv.slice(2);
const counterUrl = process.env.COUNTER_URL;
const silent = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

async function report(event) {
  const response = await fetch(counterUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...event, worker: name }) });
  if (!response.ok) throw new Error(`counter answered ${response.status}`);
}

function waitForGo() {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) =>
    lines.on('line', (line) => {
      if (line.trim() !== 'go') return;
      lines.close();
      // An open stdin pipe would keep the process alive after its work is done.
      process.stdin.destroy();
      resolve();
    }),
  );
}

/** Both processes walk the same minutes; each minute's tick and lease must go to one of them. */
async function raceScheduler(store, ticks) {
  const start = Date.parse('2026-03-02T08:00:00.000Z');
  let now = new Date(start);
  const scheduler = new JobScheduler({
    jobs: [{ name: 'race-every-minute', pattern: '* * * * *', timezone: 'UTC', run: (tickAt) => report({ kind: 'tick', at: tickAt.toISOString() }) }],
    leases: store.leases,
    clock: { now: () => now },
    holder: name,
    logger: silent,
    catchUpMs: 0,
  });
  const summary = { ran: 0, claimedElsewhere: 0, leasesWon: 0 };
  for (let minute = 1; minute <= ticks; minute += 1) {
    now = new Date(start + minute * 60_000);
    const due = await scheduler.runDue(now);
    summary.ran += due.ran.length;
    summary.claimedElsewhere += due.claimedElsewhere;
    const until = new Date(now.getTime() + 30_000).toISOString();
    if (await store.leases.acquire('race-lease', name, now.toISOString(), until)) {
      summary.leasesWon += 1;
      await report({ kind: 'lease', at: now.toISOString() });
    }
  }
  return summary;
}

/** Works the shared outbox until nothing is pending or in flight. */
async function drainOutbox(store) {
  const worker = new OutboxWorker({
    outbox: store.outbox,
    clock: systemClock,
    workerId: name,
    batchSize: 4,
    pacing: { conversationIntervalMs: 0, tenantMessagesPerSecond: 1_000 },
    transport: {
      async send(_tenantId, recipientObjectId) {
        await report({ kind: 'send', recipient: recipientObjectId });
        return { kind: 'sent', activityId: `activity-${recipientObjectId}` };
      },
    },
  });
  const summary = { sent: 0, runs: 0 };
  for (;;) {
    const run = await worker.runOnce();
    summary.runs += 1;
    summary.sent += run.sent;
    if (run.sent + run.failed + run.retried + run.deferred + run.throttled + run.recipientGone > 0) continue;
    const counts = await store.outbox.countByStatus();
    if (counts.pending === 0 && counts.sending === 0) return summary;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const store = await openPostgresServiceStore({
  connectionString: process.env.DATABASE_URL,
  keyDatabase: process.env.KEY_DATABASE_URL,
  masterKey: Buffer.from(process.env.WEERBAAR_DATA_KEY, 'base64'),
  poolSettings: { max: 4 },
});
process.stdout.write('ready\n');
await waitForGo();
try {
  const summary = mode === 'scheduler' ? await raceScheduler(store, Number(ticksArg)) : await drainOutbox(store);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await store.close();
}
