import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestInstance, tenantOf, type TestInstance } from './support/instance-harness.js';

const HENGELO = '0164';
const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

const productionEnv = {
  MODE: 'production',
  MicrosoftAppId: '22222222-2222-4222-8222-222222222222',
  MicrosoftAppPassword: 'secret-from-key-vault',
  MicrosoftAppTenantId: tenantOf(HENGELO),
  WEERBAAR_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
  ENTRA_API_AUDIENCE: 'api://weerbaar-twente-hengelo',
  ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys',
};

/**
 * Plays the Bot Framework's OpenID metadata and signing keys (there is no internet here):
 * a token must be signed by one of these keys; anything else is forged.
 */
async function startBotFrameworkKeyServer(): Promise<{ url: string; close(): Promise<void> }> {
  const { publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bot-framework-key', use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  let base = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/keys')) return res.end(JSON.stringify({ keys: [jwk] }));
    res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${base}/.well-known/openidconfiguration`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('production mode', () => {
  let instance: TestInstance;
  let keyServer: Awaited<ReturnType<typeof startBotFrameworkKeyServer>>;

  beforeAll(async () => {
    keyServer = await startBotFrameworkKeyServer();
    instance = await startTestInstance({ codes: [HENGELO], env: { ...productionEnv, BOT_OPENID_METADATA_URL: keyServer.url } });
  });
  afterAll(async () => {
    await instance?.close();
    await keyServer?.close();
  });

  it.each([
    ['POST', '/dev/login'],
    ['POST', '/dev/clock'],
    ['GET', '/dev/clock'],
  ])('has no %s %s route', async (method, route) => {
    const res = await api(instance.baseUrl, route, { method, body: method === 'POST' ? { upn: 'x@y.example', now: '2027-01-01T00:00:00Z' } : undefined });
    expect(res.status).toBe(404);
  });

  it('refuses an unsigned Bot Framework activity (401) and sends nothing', async () => {
    const res = await fetch(`${instance.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hallo', serviceUrl: 'http://127.0.0.1:9', channelId: 'msteams', conversation: { id: 'x' }, from: { id: 'u' } }),
    });
    expect(res.status).toBe(401);
  });
  it.each([
    ['signed with a key of its own (forged)', 'forged'],
    ['with alg none', 'none'],
  ])('refuses a Bot Framework token %s (401)', async (_label, kind) => {
    const { SignJWT } = await import('jose');
    let token: string;
    const claims = { iss: 'https://api.botframework.com', aud: productionEnv.MicrosoftAppId, serviceurl: 'http://127.0.0.1:9' };
    if (kind === 'forged') {
      const { privateKey } = await generateKeyPair('RS256');
      token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'forged-key' }).setIssuedAt().setExpirationTime('5m').sign(privateKey);
    } else {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, exp: Math.floor(Date.now() / 1000) + 300 })}.`;
    }
    const res = await fetch(`${instance.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'message', text: 'melden', serviceUrl: 'http://127.0.0.1:9', channelId: 'msteams', conversation: { id: 'x' }, from: { id: 'u' } }),
    });
    expect(res.status).toBe(401);
  });
});

describe('starting the service process', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });

  it('refuses a production start without Microsoft App credentials, naming the variable', () => {
    const result = run({ MODE: 'production', TENANT_ID: tenantOf(HENGELO), MUNICIPALITY_CODES: HENGELO, WEERBAAR_DATA_KEY: productionEnv.WEERBAAR_DATA_KEY });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('MicrosoftAppId');
  });

  it('refuses a production start without the data key, naming the variable', () => {
    const { WEERBAAR_DATA_KEY: _omitted, ...rest } = productionEnv;
    const result = run({ ...rest, TENANT_ID: tenantOf(HENGELO), MUNICIPALITY_CODES: HENGELO });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('WEERBAAR_DATA_KEY');
  });

  it('refuses an invalid port, naming the variable', () => {
    const result = run({ MODE: 'local', PORT: 'abc', TENANT_ID: tenantOf(HENGELO), MUNICIPALITY_CODES: HENGELO });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PORT');
  });
});
