import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair, importPKCS8 } from 'jose';
import { REQUIREMENT_IDS, type AssessmentStatus, type RequirementId } from '@weerbaar/shared';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging.js';
import { composeHub } from '../../src/hub/hub-service.js';
import { HUB_AUDIENCE } from '../../src/hub/hub-credential-verifier.js';
import { LOCAL_SIGNING_KEY_FILE } from '../../src/hub/instance-credential.js';
import { seed, startTestInstance, tenantOf, type TestInstance } from './instance-harness.js';

export interface TestHub {
  baseUrl: string;
  close(): Promise<void>;
  login(upn: string): Promise<string>;
}

/**
 * The district hub in-process (its own SQLite files under `<dataDir>/hub`), on an ephemeral
 * port. Instances started with the same `dataDir` publish their public keys where this hub
 * reads them, exactly as `npm start` lays them out.
 */
export async function startTestHub(dataDir: string): Promise<TestHub> {
  const config = loadConfig({ MODE: 'local', SERVICE_ROLE: 'hub', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const logger = createLogger({ level: 'silent', instanceId: config.instanceId });
  const service = await composeHub(config, logger, seed, []);
  const server: Server = createServer(service.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    async login(upn: string) {
      const res = await fetch(`${baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn }) });
      if (!res.ok) throw new Error(`hub login failed: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await service.close();
    },
  };
}

export function instanceIdOf(codes: readonly string[]): string {
  return `tenant-${codes.join('-')}`;
}

export interface CraftedToken {
  codes?: readonly string[];
  /** Seconds relative to now. */
  issuedAt?: number;
  lifetime?: number;
  jti?: string;
  /** Sign with a key the hub never registered (a forgery). */
  forged?: boolean;
}

/**
 * Signs an instance credential by hand with the instance's real private key (read from its
 * data folder), or with a fresh key for a forgery, to probe the hub's checks.
 */
export async function craftInstanceToken(dataDir: string, instanceCodes: readonly string[], options: CraftedToken = {}): Promise<string> {
  const instanceId = instanceIdOf(instanceCodes);
  const key = options.forged
    ? (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey
    : await importPKCS8(readFileSync(path.join(dataDir, instanceId, LOCAL_SIGNING_KEY_FILE), 'utf8'), 'EdDSA');
  const iat = Math.floor(Date.now() / 1000) + (options.issuedAt ?? 0);
  return new SignJWT({ tid: tenantOf(instanceCodes[0]!), municipalities: [...(options.codes ?? instanceCodes)] })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(instanceId)
    .setAudience(HUB_AUDIENCE)
    .setJti(options.jti ?? randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetime ?? 120))
    .sign(key);
}

export const BORNE = '0147';
export const HENGELO = '0164';
export const DINKELLAND = '1774';
export const TUBBERGEN = '0183';
/** Dinkelland and Tubbergen share one tenant and so one instance, codes in the seed's order. */
export const NOABERKRACHT = seed.municipalities.filter((m) => m.tenantId === tenantOf(DINKELLAND)).map((m) => m.code);

export interface HubTopology {
  dataDir: string;
  hub: TestHub;
  borne: TestInstance;
  hengelo: TestInstance;
  noaberkracht: TestInstance;
  close(): Promise<void>;
}

/** The hub and three instances in-process, sharing one data folder the way `npm start` does. */
export async function startHubTopology(): Promise<HubTopology> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-hub-'));
  const hub = await startTestHub(dataDir);
  const env = { HUB_URL: hub.baseUrl };
  const [borne, hengelo, noaberkracht] = await Promise.all([
    startTestInstance({ codes: [BORNE], dataDir, env }),
    startTestInstance({ codes: [HENGELO], dataDir, env }),
    startTestInstance({ codes: NOABERKRACHT, dataDir, env }),
  ]);
  return {
    dataDir,
    hub,
    borne,
    hengelo,
    noaberkracht,
    async close() {
      await Promise.all([borne.close(), hengelo.close(), noaberkracht.close()]);
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function districtPerson(role: 'district-coordinator' | 'specialist' | 'assessor' | 'dvo') {
  const person = seed.people.find((p) => p.municipalityCode === null && p.roles.includes(role));
  if (!person) throw new Error(`no ${role} in the seed`);
  return person;
}

export function allStatuses(status: AssessmentStatus): Record<RequirementId, AssessmentStatus> {
  return Object.fromEntries(REQUIREMENT_IDS.map((id) => [id, status])) as Record<RequirementId, AssessmentStatus>;
}
