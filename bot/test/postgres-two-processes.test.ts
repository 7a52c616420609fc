import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresServiceStore } from '../src/stores/postgres/index.js';
import { testMasterKey } from './helpers/store-fixtures.js';
import { startTestPostgres, type TestPostgres } from './support/postgres.js';

/**
 * Two separate OS processes (node, running the built service code) on one PostgreSQL
 * database, racing over the same scheduler ticks, the same lease and the same outbox.
 * Whatever they do, each tick runs once, each lease period has one holder and each
 * message is sent exactly once.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const CONTENDER = path.join(here, 'support/postgres-contender.mjs');
const BUILT = [path.join(here, '../dist/stores/postgres/index.js'), path.join(here, '../../shared/dist/index.js')];

interface CounterEvent {
  kind: 'tick' | 'lease' | 'send';
  worker: string;
  at?: string;
  recipient?: string;
}

let server: TestPostgres;
let counter: Server;
let counterUrl: string;
const events: CounterEvent[] = [];
const masterKey = testMasterKey();

beforeAll(async () => {
  const missing = BUILT.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`Build first (npx tsc -b shared bot); missing ${missing.join(', ')}`);
  server = await startTestPostgres();
  counter = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      events.push(JSON.parse(body) as CounterEvent);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  counterUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (counter ? counter.close(() => resolve()) : resolve()));
  await server?.stop();
});

/** Starts both processes, waits until both opened the store, then lets them go at once. */
async function race<Summary>(databases: { dataUrl: string; keyUrl: string }, args: (name: string) => string[]): Promise<Summary[]> {
  const names = ['proces-a', 'proces-b'];
  const children = names.map((name) =>
    spawn(process.execPath, [CONTENDER, ...args(name)], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databases.dataUrl,
        KEY_DATABASE_URL: databases.keyUrl,
        WEERBAAR_DATA_KEY: masterKey.toString('base64'),
        COUNTER_URL: counterUrl,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map(collectLines);
  try {
    await Promise.all(outputs.map((output) => output.next()));
    for (const child of children) child.stdin.write('go\n');
    const summaries = await Promise.all(outputs.map((output) => output.next()));
    await Promise.all(children.map(exited));
    return summaries.map((line) => JSON.parse(line) as Summary);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function collectLines(child: ChildProcessWithoutNullStreams) {
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  return {
    next: () =>
      new Promise<string>((resolve, reject) => {
        const queued = lines.shift();
        if (queued !== undefined) return resolve(queued);
        waiting.push(resolve);
        child.once('exit', (code) => reject(new Error(`contender exited (${code}) before answering: ${stderr}`)));
      }),
  };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (code: number | null) => (code === 0 ? resolve() : reject(new Error(`contender exited with ${code}`)));
    if (child.exitCode !== null) check(child.exitCode);
    else child.once('exit', check);
  });
}

describe('two service processes on one PostgreSQL database', () => {
  it('run each scheduler tick once and give each lease period to one holder, starting on an empty database', async () => {
    const databases = { dataUrl: await server.createDatabase('ticks'), keyUrl: await server.createDatabase('ticks_keys') };
    const ticks = 60;
    events.length = 0;

    const summaries = await race<{ ran: number; claimedElsewhere: number; leasesWon: number }>(databases, (name) => ['scheduler', name, String(ticks)]);

    const tickRuns = events.filter((e) => e.kind === 'tick').map((e) => e.at);
    expect(tickRuns).toHaveLength(ticks);
    expect(new Set(tickRuns).size).toBe(ticks);
    // Both processes considered every tick: each was won by one and seen as taken by the other.
    expect(summaries.map((s) => s.ran + s.claimedElsewhere)).toEqual([ticks, ticks]);
    expect(summaries.every((s) => s.ran > 0)).toBe(true); // a real race, not one process alone
    const leasePeriods = events.filter((e) => e.kind === 'lease').map((e) => e.at);
    expect(leasePeriods).toHaveLength(ticks);
    expect(new Set(leasePeriods).size).toBe(ticks);
    const ticksInDatabase = await server.query<{ n: string }>(databases.dataUrl, 'SELECT count(*) AS n FROM scheduler_ticks');
    expect(Number(ticksInDatabase[0]?.n)).toBe(ticks);
  });

  it('send each outbox message exactly once between two worker processes', async () => {
    const databases = { dataUrl: await server.createDatabase('outbox'), keyUrl: await server.createDatabase('outbox_keys') };
    const messages = 60;
    const store = await openPostgresServiceStore({ connectionString: databases.dataUrl, keyDatabase: databases.keyUrl, masterKey });
    for (let n = 0; n < messages; n += 1) {
      await store.outbox.enqueue({
        idempotencyKey: `signal:s-${n}:notify:oid-${n}`,
        tenantId: 't-hengelo',
        municipalityCode: '0164',
        recipientObjectId: `oid-${n}`,
        conversationId: `conv-${n}`,
        payload: { text: `Nieuw signaal ${n}`, kind: 'signal-received' },
        notBefore: '2026-01-01T00:00:00.000Z',
      });
    }
    events.length = 0;

    const summaries = await race<{ sent: number }>(databases, (name) => ['outbox', name]);

    const sends = events.filter((e) => e.kind === 'send').map((e) => e.recipient);
    expect(sends).toHaveLength(messages);
    expect(new Set(sends).size).toBe(messages);
    expect(summaries.reduce((sum, s) => sum + s.sent, 0)).toBe(messages);
    expect(summaries.every((s) => s.sent > 0)).toBe(true); // both workers took part
    expect(await store.outbox.countByStatus()).toMatchObject({ pending: 0, sending: 0, sent: messages });
    await store.close();
  });
});
