#!/usr/bin/env node
// Benchmark of the dashboard's signals API: seeds 100,000 signals over the fourteen
// municipalities (directly through the service store, in a temporary folder, in batches),
// starts one instance (Hengelo) on localhost and prints p50/p95 of the list and insights
// calls over HTTP. Bounded: a fixed number of requests, localhost only, then it stops.
//
// Build first: npx tsc -b shared bot
// Run:         node bench/dashboard-api.mjs [--signals 100000] [--requests 200]
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../bot/dist/config/config.js';
import { loadMasterKey } from '../bot/dist/crypto/master-key.js';
import { composeInstance } from '../bot/dist/instance.js';
import { createLogger } from '../bot/dist/logging.js';
import { loadSeed } from '../bot/dist/seed/load-seed.js';
import { openSqliteServiceStore } from '../bot/dist/stores/sqlite/index.js';

const { values } = parseArgs({
  options: {
    signals: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const SIGNALS = Number(values.signals);
const REQUESTS = Math.min(Number(values.requests), 2000);
const BATCH = 500;
const MEASURED = '0164'; // Hengelo: the instance that answers the calls
const CATEGORIES = ['drugs', 'witwassen', 'mensenhandel', 'zorgfraude', 'vastgoed', 'bedrijvigheid', 'intimidatie', 'overig'];
const DEPARTMENTS = ['Vergunningen', 'Burgerzaken', 'Sociaal Domein', 'Handhaving', 'Belastingen', 'Ruimte'];
const MODES = ['named', 'confidential', 'anonymous'];
const DAY = 86_400_000;

const seed = loadSeed(null);
const folder = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-bench-'));
const instanceId = `tenant-${MEASURED}`;
const instanceDir = path.join(folder, instanceId);
mkdirSync(instanceDir, { recursive: true });

/** A deterministic pseudo-random stream, so runs are comparable. */
let state = 42;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

function makeSignal(index, municipality, now) {
  const receivedAt = new Date(now - Math.floor(random() * 730 * DAY));
  const roll = random();
  const status = roll < 0.15 ? 'received' : roll < 0.3 ? 'acknowledged' : roll < 0.5 ? 'in-progress' : roll < 0.6 ? 'forwarded' : 'closed';
  const acknowledgedAt = status === 'received' ? null : new Date(receivedAt.getTime() + Math.floor(random() * 9 * DAY)).toISOString();
  const closedAt = status === 'closed' ? new Date(receivedAt.getTime() + 20 * DAY).toISOString() : null;
  const confidentiality = pick(MODES);
  return {
    id: randomUUID(),
    reference: `${municipality.referencePrefix}-${receivedAt.getUTCFullYear()}-B${String(index).padStart(6, '0')}`,
    municipalityCode: municipality.code,
    category: pick(CATEGORIES),
    confidentiality,
    status,
    concernsMtContact: random() < 0.02,
    department: confidentiality === 'anonymous' ? null : pick(DEPARTMENTS),
    receivedAt: receivedAt.toISOString(),
    acknowledgedAt,
    closedAt,
    outcome: closedAt ? 'opgepakt' : null,
    assignedTo: null,
    legalBasis: 'AVG art. 6 lid 1 sub e; AVG art. 10 jo. UAVG art. 33',
    retentionUntil: closedAt ? new Date(Date.parse(closedAt) + 365 * DAY).toISOString().slice(0, 10) : null,
    content: {
      description: `Benchmarksignaal ${index}: opvallend veel contante betalingen bij een nieuwe exploitant.`,
      location: `Teststraat ${index % 500}`,
      occurredOn: receivedAt.toISOString().slice(0, 10),
    },
    reporter: confidentiality === 'anonymous' ? null : { objectId: randomUUID(), upn: `melder${index}@example.invalid`, displayName: `Melder ${index}` },
    version: 1,
  };
}

async function seedSignals() {
  const masterKey = loadMasterKey({ mode: 'local', env: {}, keyFile: path.join(instanceDir, 'master.key') });
  const store = await openSqliteServiceStore({ file: path.join(instanceDir, 'service.db'), masterKey });
  // Seeding a throw-away benchmark database needs no fsync per signal; the writes still go
  // through the store (signals.create: idempotency key, data key, sealed row).
  await sql`PRAGMA main.synchronous = OFF`.execute(store.database.db);
  await sql`PRAGMA keystore.synchronous = OFF`.execute(store.database.db);
  const started = Date.now();
  const now = Date.now();
  try {
    for (let from = 0; from < SIGNALS; from += BATCH) {
      const batch = [];
      for (let index = from; index < Math.min(from + BATCH, SIGNALS); index += 1) {
        batch.push(makeSignal(index, seed.municipalities[index % seed.municipalities.length], now));
      }
      for (const signal of batch) await store.signals.create(signal, `bench:${signal.id}`);
      if ((from / BATCH) % 20 === 0) process.stdout.write(`  seeded ${from + batch.length} / ${SIGNALS}\r`);
    }
  } finally {
    await store.close();
  }
  console.log(`seeded ${SIGNALS} signals over ${seed.municipalities.length} municipalities in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label, baseUrl, token, routes) {
  const timings = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const route = routes[i % routes.length];
    const started = performance.now();
    const res = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${route} answered ${res.status}`);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  console.log(`${label.padEnd(10)} n=${REQUESTS}  p50 ${percentile(timings, 50).toFixed(1)} ms  p95 ${percentile(timings, 95).toFixed(1)} ms`);
}

async function main() {
  await seedSignals();
  const config = loadConfig({
    MODE: 'local',
    TENANT_ID: seed.municipalities.find((m) => m.code === MEASURED).tenantId,
    MUNICIPALITY_CODES: MEASURED,
    DATA_DIR: folder,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
  });
  const service = await composeInstance(config, createLogger({ level: 'silent', instanceId }), seed);
  const server = createServer(service.app);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  try {
    const mt = seed.people.find((p) => p.municipalityCode === MEASURED && p.roles.includes('mt-contact'));
    const login = await fetch(`${baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: mt.upn }) });
    const { token } = await login.json();
    const first = await (await fetch(`${baseUrl}/api/signals?pageSize=50`, { headers: { authorization: `Bearer ${token}` } })).json();
    const cursor = first.nextCursor;
    await measure('list', baseUrl, token, [
      '/api/signals?pageSize=50',
      '/api/signals?pageSize=50&status=received',
      '/api/signals?pageSize=50&category=drugs&sort=status',
      '/api/signals?pageSize=50&overdue=feedback',
      `/api/signals?pageSize=50&cursor=${cursor}`,
    ]);
    await measure('insights', baseUrl, token, ['/api/insights', '/api/insights?from=2026-01-01&to=2026-06-30']);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await service.close();
    if (!values.keep) rmSync(folder, { recursive: true, force: true });
    else console.log(`data kept in ${folder}`);
  }
}

main().catch((error) => {
  console.error(error);
  rmSync(folder, { recursive: true, force: true });
  process.exit(1);
});
