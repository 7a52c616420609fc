// bench/nudge-run: plans agenda nudge runs for 14 municipalities x 300 departments in memory
// (the pure planner, no stores, no network) and prints
//   1. the compute time of one run over all 4,200 departments (p50/p95),
//   2. a simulated year of 08:30 runs (heads discussing after a nudge): sends per tenant per run,
//   3. the planned send rate per tenant, against the outbox pacing (30/s per tenant, 1/s per chat).
// Deterministic: a seeded random generator spreads the last discussions over 14 months.
// Run `npx tsc -b shared` first (it imports shared/dist).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { measure, percentile } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = await import(pathToFileURL(path.join(root, 'shared/dist/index.js')).href);
const { DEFAULT_NUDGE_SCHEDULE, addCalendarDays, createWorkingDayCalendar, defaultPacingPolicy, planAgendaRun, zonedDateTimeToInstant } = shared;

const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 300);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const YEAR_START = '2027-01-01';
const municipalities = JSON.parse(readFileSync(path.join(root, 'shared/seed/municipalities.json'), 'utf8')).municipalities;
const calendar = createWorkingDayCalendar();

// Mulberry32: the same departments every run, so numbers compare across machines.
let state = 0x5eed1a;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (n) => Math.floor(random() * n);
const person = (code, role, i) => ({ upn: `${role}${i}@${code}.example`, objectId: `${code}-${role}-${i}`, displayName: `${role} ${i}`, language: 'nl' });

function facts(municipality) {
  const departments = Array.from({ length: DEPARTMENTS }, (_, i) => {
    const absent = random() < 0.08;
    const absenceStart = addCalendarDays(YEAR_START, pick(360));
    return {
      id: `${municipality.code}-${i}`,
      name: `Afdeling ${i}`,
      active: random() > 0.02,
      addedOn: addCalendarDays('2020-01-01', pick(2000)),
      headUpn: `head${i}@${municipality.code}.example`,
      deputyHeadUpn: random() < 0.8 ? `deputy${i}@${municipality.code}.example` : null,
      head: person(municipality.code, 'head', i),
      deputyHead: random() < 0.8 ? person(municipality.code, 'deputy', i) : null,
      // Spread over the 14 months before the simulated year: some on time, some late.
      lastDiscussedOn: random() < 0.05 ? null : addCalendarDays(YEAR_START, -pick(425)),
      plannedOn: null,
      headAbsences: absent ? [{ startsOn: absenceStart, endsOn: addCalendarDays(absenceStart, 5 + pick(20)) }] : [],
    };
  });
  return { municipalityCode: municipality.code, tenantId: municipality.tenantId, departments, mtContacts: [person(municipality.code, 'mt', 0)] };
}

const all = municipalities.map((m) => facts(m));
const runAt = (date) => zonedDateTimeToInstant(date, '08:30', calendar.timeZone);
const planAll = (now) => all.map((f) => planAgendaRun(f, DEFAULT_NUDGE_SCHEDULE, calendar, now));

console.log(`nudge-run: ${all.length} municipalities x ${DEPARTMENTS} departments = ${all.length * DEPARTMENTS} departments`);
const timing = await measure('plan one run (all tenants)', ITERATIONS, (i) => void planAll(runAt(addCalendarDays('2027-03-01', i % 20))), { warmup: 5 });

// A year of daily 08:30 runs; a send counts once per key, as the outbox would keep it.
// Heads respond as people do: most discuss within five weeks of the first nudge of a
// cycle, the rest after the MT contact was told.
const seen = new Set();
const discussions = new Map();
const departmentsById = new Map(all.flatMap((f) => f.departments.map((d) => [d.id, d])));
function respond(send, day) {
  if (discussions.has(send.departmentId)) return;
  if (send.stage === 'escalation') discussions.set(send.departmentId, addCalendarDays(day, 7 + pick(14)));
  else if (random() < 0.85) discussions.set(send.departmentId, addCalendarDays(day, pick(35)));
}
const perTenant = new Map(all.map((f) => [f.tenantId, { name: municipalities.filter((m) => m.tenantId === f.tenantId).map((m) => m.name).join(' + '), total: 0, peakRun: 0, peakDay: '', runs: [] }]));
const started = process.hrtime.bigint();
let runs = 0;
for (let day = YEAR_START; day < '2028-01-01'; day = addCalendarDays(day, 1)) {
  if (!calendar.isWorkingDay(day)) continue;
  runs += 1;
  for (const [id, on] of discussions) {
    if (on > day) continue;
    departmentsById.get(id).lastDiscussedOn = on;
    discussions.delete(id);
  }
  const now = runAt(day);
  const counts = new Map();
  for (const plan of planAll(now)) {
    for (const send of [...plan.sends, ...plan.escalations]) {
      const key = `${send.purposeKey}:${send.recipient.objectId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      respond(send, day);
      counts.set(send.tenantId, (counts.get(send.tenantId) ?? 0) + 1);
    }
  }
  for (const [tenantId, n] of counts) {
    const tenant = perTenant.get(tenantId);
    tenant.total += n;
    tenant.runs.push(n);
    if (n > tenant.peakRun) Object.assign(tenant, { peakRun: n, peakDay: day });
  }
}
const yearMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`simulated year: ${runs} working-day runs in ${(yearMs / 1000).toFixed(1)} s (${(yearMs / runs).toFixed(1)} ms per run), ${seen.size} sends`);

const rate = defaultPacingPolicy.tenantMessagesPerSecond;
console.log(`\nper tenant (outbox pacing: ${rate}/s per tenant, one message per ${defaultPacingPolicy.conversationIntervalMs} ms per chat)`);
console.log('tenant'.padEnd(24) + 'sends/year'.padStart(11) + 'median run'.padStart(12) + 'peak run'.padStart(10) + '  on'.padEnd(14) + 'drain at pace'.padStart(14) + 'peak rate'.padStart(11));
let worst = 0;
for (const tenant of perTenant.values()) {
  // Distinct recipients per run (each head one chat): the tenant limit binds, not the chat limit.
  if (tenant.runs.length === 0) continue;
  const drainSeconds = tenant.peakRun / rate;
  worst = Math.max(worst, tenant.peakRun / Math.max(drainSeconds, 1));
  console.log(
    tenant.name.padEnd(24) +
      String(tenant.total).padStart(11) +
      String(percentile([...tenant.runs].sort((a, b) => a - b), 50) ?? 0).padStart(12) +
      String(tenant.peakRun).padStart(10) +
      `  ${tenant.peakDay}`.padEnd(14) +
      `${drainSeconds.toFixed(1)} s`.padStart(14) +
      `${Math.min(rate, tenant.peakRun).toFixed(0)}/s`.padStart(11),
  );
}
console.log(`\nplan one run p50: ${timing.p50.toFixed(1)} ms for ${all.length * DEPARTMENTS} departments`);
console.log(`planned send rate per tenant (max): ${worst.toFixed(1)} messages/s (limit ${rate}/s; Teams allows 50/s per tenant)`);
