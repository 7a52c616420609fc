import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresServiceStore } from '../src/stores/postgres/index.js';
import { makeSignal } from './helpers/store-fixtures.js';
import { api, personOf, startTestInstance, tenantOf, type TestInstance } from './support/instance-harness.js';

/**
 * Production mode accepts only Entra ID access tokens: RS256 against the tenant's JWKS,
 * issuer, audience, expiry and tenant checked. The "tenant" here is a local JWKS
 * endpoint with generated keys; every refused token must leave the store untouched.
 */
const HENGELO = '0164';
const TENANT = tenantOf(HENGELO);
const AUDIENCE = 'api://weerbaar-twente-hengelo';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const KID = 'tenant-signing-key-1';
const MASTER_KEY = Buffer.alloc(32, 7);

describe('production mode: Entra ID tokens on the signals API', () => {
  let jwks: Server;
  let instance: TestInstance;
  let dataDir: string;
  let tenantKey: CryptoKey;
  let forgerKey: CryptoKey;
  let tenantPublicPem: string;
  const signal = makeSignal({ confidentiality: 'named', receivedAt: new Date(Date.now() - 86_400_000).toISOString() });
  const mt = personOf(HENGELO, 'mt-contact');

  const claims = (overrides: JWTPayload = {}): JWTPayload => ({ oid: mt.objectId, tid: TENANT, upn: mt.upn, ...overrides });
  const sign = async (key: CryptoKey, options: { payload?: JWTPayload; issuer?: string; audience?: string; expiresIn?: number } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(options.payload ?? claims())
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresIn ?? 3600))
      .sign(key);
  };
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  /** What a refused request must not change: the audit trail, the signal and its timeline. */
  const storeState = async () => {
    // Production runs on PostgreSQL (the harness gives the instance throwaway databases).
    const db = new pg.Client({ connectionString: instance.databaseUrl! });
    await db.connect();
    try {
      const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
      return {
        audit: await count('audit_events'),
        version: (await db.query<{ version: number }>('SELECT version FROM signals WHERE id = $1', [signal.id])).rows[0]?.version,
        timeline: await count('signal_timeline'),
        outbox: await count('outbox'),
      };
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    const tenant = await generateKeyPair('RS256', { extractable: true });
    tenantKey = tenant.privateKey;
    tenantPublicPem = await exportSPKI(tenant.publicKey);
    forgerKey = (await generateKeyPair('RS256')).privateKey;
    const publicJwk = { ...(await exportJWK(tenant.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    jwks = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.url === '/discovery/v2.0/keys' ? { keys: [publicJwk] } : {}));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/discovery/v2.0/keys`;

    dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-production-'));
    instance = await startTestInstance({
      codes: [HENGELO],
      dataDir,
      env: {
        MODE: 'production',
        MicrosoftAppId: '22222222-2222-4222-8222-222222222222',
        MicrosoftAppPassword: 'secret-from-key-vault',
        MicrosoftAppTenantId: TENANT,
        WEERBAAR_DATA_KEY: MASTER_KEY.toString('base64'),
        ENTRA_API_AUDIENCE: AUDIENCE,
        ENTRA_JWKS_URL: jwksUrl,
        ENTRA_ISSUER: ISSUER,
      },
    });
    // A second process's view of the instance's database: seed the signal it will serve.
    const store = await openPostgresServiceStore({ connectionString: instance.databaseUrl!, keyDatabase: instance.keyDatabaseUrl!, masterKey: MASTER_KEY });
    await store.signals.create(signal, 'seed-production');
    await store.close();
  });

  afterAll(async () => {
    await instance?.close();
    await new Promise<void>((resolve) => (jwks ? jwks.close(() => resolve()) : resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const refusedTokens: [string, () => Promise<string>][] = [
    ['forged (signed with another key under the same kid)', () => sign(forgerKey)],
    ['expired', () => sign(tenantKey, { expiresIn: -300 })],
    ['for another audience', () => sign(tenantKey, { audience: 'api://weerbaar-twente-enschede' })],
    ['from another issuer', () => sign(tenantKey, { issuer: `https://login.microsoftonline.com/${tenantOf('0153')}/v2.0` })],
    ['of another tenant', () => sign(tenantKey, { payload: claims({ tid: tenantOf('0153') }) })],
    ['of someone the directory does not know', () => sign(tenantKey, { payload: claims({ oid: randomUUID() }) })],
    ['unsigned (alg none)', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims(), iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600 })}.`],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'HS256', kid: KID })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(tenantPublicPem)),
    ],
    ['malformed', async () => 'not-a-jwt'],
  ];

  it.each(refusedTokens)('refuses a token %s with 401 and writes nothing', async (_name, makeToken) => {
    const token = await makeToken();
    const before = await storeState();
    const list = await api(instance.baseUrl, '/api/signals', { token });
    const read = await api(instance.baseUrl, `/api/signals/${signal.id}`, { token });
    const change = await api(instance.baseUrl, `/api/signals/${signal.id}/actions`, {
      method: 'POST',
      token,
      headers: { 'if-match': '"1"' },
      body: { type: 'acknowledge' },
    });
    for (const res of [list, read, change]) {
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('unauthenticated');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(await storeState()).toEqual(before);
  });

  it('accepts a valid token from the tenant, with roles from the directory', async () => {
    const token = await sign(tenantKey);
    const list = await api(instance.baseUrl, '/api/signals', { token });
    expect(list.status).toBe(200);
    expect((list.body.items as { id: string }[]).map((item) => item.id)).toContain(signal.id);
    const acknowledged = await api(instance.baseUrl, `/api/signals/${signal.id}/actions`, {
      method: 'POST',
      token,
      headers: { 'if-match': '"1"' },
      body: { type: 'acknowledge' },
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.status).toBe('acknowledged');
    // Roles come from the directory, not from what a token claims: an employee stays an employee.
    const employee = personOf(HENGELO, 'employee');
    const employeeToken = await sign(tenantKey, { payload: claims({ oid: employee.objectId, upn: employee.upn, roles: ['mt-contact'] }) });
    expect((await api(instance.baseUrl, '/api/signals', { token: employeeToken })).status).toBe(403);
  });
});
