import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging.js';
import { loadSeed, type Seed } from '../../src/seed/load-seed.js';
import { composeInstance } from '../../src/instance.js';
import { acquireTestDatabases } from './postgres.js';

export const seed: Seed = loadSeed(null);

export function tenantOf(code: string): string {
  const m = seed.municipalities.find((x) => x.code === code);
  if (!m) throw new Error(`no municipality ${code}`);
  return m.tenantId;
}

export function personOf(code: string, role: string, index = 0) {
  const found = seed.people.filter((p) => p.municipalityCode === code && p.roles.includes(role as never));
  const person = role === 'employee' ? seed.people.filter((p) => p.municipalityCode === code && p.roles.length === 1)[index] : found[index];
  if (!person) throw new Error(`no ${role} in ${code}`);
  return person;
}

export interface TestInstance {
  baseUrl: string;
  dataDir: string;
  /** Production mode: the PostgreSQL data and key databases the instance runs on (SQLite otherwise: null). */
  databaseUrl: string | null;
  keyDatabaseUrl: string | null;
  close(): Promise<void>;
  login(upn: string): Promise<string>;
}

/** A real instance (SQLite files, or PostgreSQL in production mode; HTTP server, CloudAdapter) on an ephemeral port. */
export interface TestInstanceOptions {
  codes: string[];
  env?: Record<string, string>;
  dataDir?: string;
  /** Captures the instance's log lines (JSON, one per write) at `logLevel` (default 'trace'). */
  logLines?: string[];
  logLevel?: string;
}

export async function startTestInstance(options: TestInstanceOptions): Promise<TestInstance> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'weerbaar-instance-'));
  // Production refuses to start without PostgreSQL: give it throwaway databases.
  const databases = options.env?.MODE === 'production' && !options.env.DATABASE_URL ? await acquireTestDatabases('instance') : null;
  const config = loadConfig({
    MODE: 'local',
    TENANT_ID: tenantOf(options.codes[0]!),
    MUNICIPALITY_CODES: options.codes.join(','),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...databases?.env,
    ...options.env,
  });
  const logLines = options.logLines;
  const logger = logLines
    ? createLogger({ level: options.logLevel ?? 'trace', instanceId: config.instanceId, destination: { write: (line: string) => void logLines.push(line) } })
    : createLogger({ level: 'silent', instanceId: config.instanceId });
  const service = await composeInstance(config, logger, seed).catch(async (error: unknown) => {
    await databases?.release();
    throw error;
  });
  const server: Server = createServer(service.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    dataDir,
    databaseUrl: config.database.url,
    keyDatabaseUrl: config.database.keyUrl,
    async login(upn: string) {
      const res = await fetch(`${baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn }) });
      if (!res.ok) throw new Error(`login failed: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await service.close();
      await databases?.release();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(baseUrl: string, route: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${baseUrl}${route}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json as Record<string, unknown> & { error?: { code: string; message: string; field?: string } } };
}
