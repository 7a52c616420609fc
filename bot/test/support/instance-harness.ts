import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging.js';
import { loadSeed, type Seed } from '../../src/seed/load-seed.js';
import { composeInstance } from '../../src/instance.js';

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
  close(): Promise<void>;
  login(upn: string): Promise<string>;
}

/** A real instance (SQLite files, HTTP server, CloudAdapter) on an ephemeral port. */
export async function startTestInstance(options: { codes: string[]; env?: Record<string, string>; dataDir?: string }): Promise<TestInstance> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'weerbaar-instance-'));
  const config = loadConfig({
    MODE: 'local',
    TENANT_ID: tenantOf(options.codes[0]!),
    MUNICIPALITY_CODES: options.codes.join(','),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const logger = createLogger({ level: 'silent', instanceId: config.instanceId });
  const service = await composeInstance(config, logger, seed);
  const server: Server = createServer(service.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    dataDir,
    async login(upn: string) {
      const res = await fetch(`${baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn }) });
      if (!res.ok) throw new Error(`login failed: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await service.close();
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
