import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { HUB_AUDIENCE } from '../src/hub/hub-credential-verifier.js';
import { composeHub } from '../src/hub/hub-service.js';
import { createLogger } from '../src/logging.js';
import { api, seed, tenantOf } from './support/instance-harness.js';
import { acquireTestDatabases } from './support/postgres.js';

/**
 * The hub in production: district people are who the hub's Entra tenant says, with the
 * app role its admin assigned (the `roles` claim); there is no /dev/login and no list of
 * people. Instances are known only from the operator's registry file. The tenant here is a
 * local JWKS endpoint with a generated key; the database a real PostgreSQL.
 */
const HUB_TENANT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const AUDIENCE = 'api://weerbaar-twente-hub';
const ISSUER = `https://login.microsoftonline.com/${HUB_TENANT}/v2.0`;
const KID = 'hub-tenant-key';
const BORNE = '0147';
const BORNE_INSTANCE = 'gemeente-borne';

describe('the district hub in production mode', () => {
  let jwks: Server;
  let server: Server;
  let baseUrl: string;
  let dataDir: string;
  let tenantKey: CryptoKey;
  let instanceKey: CryptoKey;
  let release: () => Promise<void>;
  let close: () => Promise<void>;

  const person = (roles: string[] | undefined, overrides: JWTPayload = {}): JWTPayload => ({
    oid: randomUUID(),
    tid: HUB_TENANT,
    upn: 'hilde.velthuis@ivz-twente.example',
    name: 'Hilde Velthuis',
    ...(roles ? { roles } : {}),
    ...overrides,
  });
  const userToken = async (payload: JWTPayload, key: CryptoKey = tenantKey) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now - 30)
      .setExpirationTime(now + 3600)
      .sign(key);
  };
  const instanceToken = async () => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tid: tenantOf(BORNE), municipalities: [BORNE] })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setIssuer(BORNE_INSTANCE)
      .setAudience(HUB_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + 120)
      .sign(instanceKey);
  };
  const as = async (roles: string[] | undefined, route: string, init: { method?: string; body?: unknown } = {}) =>
    api(baseUrl, route, { ...init, token: await userToken(person(roles)) });

  beforeAll(async () => {
    const tenant = await generateKeyPair('RS256');
    tenantKey = tenant.privateKey;
    const publicJwk = { ...(await exportJWK(tenant.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => void res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));

    const instance = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    instanceKey = instance.privateKey;
    const { x } = await exportJWK(instance.publicKey);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-hub-production-'));
    const registryFile = path.join(dataDir, 'registry.json');
    writeFileSync(
      registryFile,
      JSON.stringify({ instances: [{ instanceId: BORNE_INSTANCE, tenantId: tenantOf(BORNE), municipalityCodes: [BORNE], publicKeys: [{ kty: 'OKP', crv: 'Ed25519', x }] }] }),
    );
    const databases = await acquireTestDatabases('hub');
    release = databases.release;
    const config = loadConfig({
      MODE: 'production',
      SERVICE_ROLE: 'hub',
      TENANT_ID: HUB_TENANT,
      ENTRA_API_AUDIENCE: AUDIENCE,
      ENTRA_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
      HUB_INSTANCE_REGISTRY: registryFile,
      WEERBAAR_DATA_KEY: randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ...databases.env,
    });
    const service = await composeHub(config, createLogger({ level: 'silent', instanceId: 'hub' }), seed, []);
    server = createServer(service.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await service.close();
    };
  });
  afterAll(async () => {
    await close?.();
    await release?.();
    await new Promise<void>((resolve) => jwks?.close(() => resolve()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts without a bot registration and without the fictional people: no /dev/login', async () => {
    expect((await api(baseUrl, '/api/health')).status).toBe(200);
    const login = await api(baseUrl, '/dev/login', { method: 'POST', body: { upn: seed.people.find((p) => p.roles.includes('dvo'))!.upn } });
    expect(login.status).toBe(404);
  });

  it('lets a district coordinator (app role) open a round and see the learning band per municipality', async () => {
    const opened = await as(['district-coordinator'], '/api/hub/rounds', {
      method: 'POST',
      body: { type: 'zelfscan', title: 'Zelfscan 2027', periodStart: '2027-01-04', periodEnd: '2027-01-29' },
    });
    expect(opened.status).toBe(201);
    expect((await as(['specialist'], '/api/hub/rounds')).body.rounds).toHaveLength(1);
    expect((await as(['district-coordinator'], '/api/hub/learning/municipalities')).status).toBe(200);
  });

  it('gives a DVO member the Twente-wide view only', async () => {
    expect((await as(['dvo'], '/api/hub/learning/outcome')).status).toBe(200);
    expect((await as(['dvo'], '/api/hub/learning/municipalities')).status).toBe(403);
    const open = await as(['dvo'], '/api/hub/rounds', { method: 'POST', body: { type: 'zelfscan', title: 'Extra zelfscan', periodStart: '2027-02-01', periodEnd: '2027-02-10' } });
    expect(open.status).toBe(403);
  });

  it.each([
    { who: 'a member of the tenant without an app role', token: () => userToken(person(undefined)) },
    { who: 'a municipal role (they count in an instance, not at the hub)', token: () => userToken(person(['mt-contact', 'secretary'])) },
    { who: 'a token of another tenant', token: () => userToken(person(['district-coordinator'], { tid: tenantOf(BORNE) })) },
    { who: 'a forged token', token: async () => userToken(person(['district-coordinator']), (await generateKeyPair('RS256')).privateKey) },
  ])('refuses $who with 401', async ({ token }) => {
    expect((await api(baseUrl, '/api/hub/rounds', { token: await token() })).status).toBe(401);
  });

  it('takes a learning band from a registered instance and nothing from a person token on that route', async () => {
    const reported = await api(baseUrl, `/api/hub/learning/municipalities/${BORNE}/band`, {
      method: 'PUT',
      token: await instanceToken(),
      body: { recording: true, band: '50-tot-75', asOf: '2027-03-10' },
    });
    expect(reported.status).toBe(200);
    const asPerson = await as(['district-coordinator'], `/api/hub/learning/municipalities/${BORNE}/band`, { method: 'PUT', body: { recording: true, band: '75-of-meer', asOf: '2027-03-11' } });
    expect(asPerson.status).toBe(401);
    const bands = (await as(['district-coordinator'], '/api/hub/learning/municipalities')).body as { municipalities: { municipalityCode: string; band: string | null }[] };
    expect(bands.municipalities.find((m) => m.municipalityCode === BORNE)?.band).toBe('50-tot-75');
  });
});
