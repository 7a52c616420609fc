import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_HUB_URL, loadConfig } from '../src/config/config.js';
import { AuthenticationError, LocalTokenService } from '../src/auth/tokens.js';
import { SignedInstanceTokenVerifier, type ReplayGuard } from '../src/hub/hub-credential-verifier.js';
import { InstanceCredential, LOCAL_SIGNING_KEY_FILE, generateSigningKeyPem } from '../src/hub/instance-credential.js';
import { LocalInstanceRegistry, StaticInstanceRegistry, publishInstanceKey } from '../src/hub/instance-registry.js';
import { localInstances } from '../src/hub/instances.js';
import { loadSeed } from '../src/seed/load-seed.js';

const seed = loadSeed(null);
const tenantOf = (code: string): string => seed.municipalities.find((m) => m.code === code)!.tenantId;

const BORNE = '0147';
const HENGELO = '0164';
const borne = { instanceId: 'tenant-0147', tenantId: tenantOf(BORNE), municipalityCodes: [BORNE] };

class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();
  async firstUse(key: string, expiresAt: Date, now: Date): Promise<boolean> {
    for (const [k, until] of this.seen) if (until < now.getTime()) this.seen.delete(k);
    if (this.seen.has(key)) return false;
    this.seen.set(key, expiresAt.getTime());
    return true;
  }
}

describe('the instance credential towards the hub (local key pairs)', () => {
  let dir: string;
  let registryDir: string;
  let credential: InstanceCredential;
  let now = new Date();
  const allowList = localInstances(seed.municipalities, 3978).map(({ instanceId, tenantId, municipalityCodes }) => ({ instanceId, tenantId, municipalityCodes }));
  const verifier = () => new SignedInstanceTokenVerifier(new LocalInstanceRegistry(registryDir, allowList), new MemoryReplayGuard(), () => now);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-credential-'));
    registryDir = path.join(dir, 'hub', 'instances');
    credential = await InstanceCredential.loadOrCreate(borne, path.join(dir, borne.instanceId), () => now);
    publishInstanceKey(registryDir, { ...borne, publicKeys: [credential.publicJwk] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the private key in the instance folder, readable by the owner only, and reuses it on restart', async () => {
    const file = path.join(dir, borne.instanceId, LOCAL_SIGNING_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await InstanceCredential.loadOrCreate(borne, path.join(dir, borne.instanceId));
    expect(again.keyId).toBe(credential.keyId);
    expect(credential.publicJwk).not.toHaveProperty('d');
  });

  it('accepts a token the instance signed, for the municipalities the registry allows', async () => {
    now = new Date();
    await expect(verifier().verify(await credential.sign())).resolves.toEqual({ ...borne, municipalityCodes: [BORNE] });
  });

  it('refuses a replayed token within its lifetime', async () => {
    now = new Date();
    const v = verifier();
    const token = await credential.sign();
    await v.verify(token);
    await expect(v.verify(token)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses an expired token and one that claims to live longer than five minutes', async () => {
    now = new Date();
    const expired = await credential.sign();
    now = new Date(Date.now() + 10 * 60_000);
    await expect(verifier().verify(expired)).rejects.toBeInstanceOf(AuthenticationError);

    now = new Date();
    const pem = await generateSigningKeyPem();
    const other = await InstanceCredential.fromPem(borne, pem);
    const longLived = await new SignJWT({ tid: borne.tenantId, municipalities: [BORNE] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(borne.instanceId)
      .setAudience('urn:weerbaar:hub')
      .setJti('a-unique-token-id-0001')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await (await import('jose')).importPKCS8(pem, 'EdDSA'));
    // Signed with the other key: refused as forged before its lifetime is even looked at.
    await expect(verifier().verify(longLived)).rejects.toBeInstanceOf(AuthenticationError);
    publishInstanceKey(registryDir, { ...borne, publicKeys: [credential.publicJwk, other.publicJwk] });
    await expect(verifier().verify(longLived)).rejects.toThrow(/lives too long/);
    publishInstanceKey(registryDir, { ...borne, publicKeys: [credential.publicJwk] });
  });

  it('refuses a token signed with a key the hub does not know (a forgery)', async () => {
    now = new Date();
    const forger = await InstanceCredential.fromPem(borne, await generateSigningKeyPem());
    await expect(verifier().verify(await forger.sign())).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses municipality claims beyond the registry, even when the instance rewrites its own registry file', async () => {
    now = new Date();
    const greedy = await InstanceCredential.fromPem({ ...borne, municipalityCodes: [BORNE, HENGELO] }, await generateSigningKeyPem());
    await expect(verifier().verify(await greedy.sign())).rejects.toBeInstanceOf(AuthenticationError);
    publishInstanceKey(registryDir, { ...borne, municipalityCodes: [BORNE, HENGELO], publicKeys: [greedy.publicJwk] });
    await expect(verifier().verify(await greedy.sign())).rejects.toBeInstanceOf(AuthenticationError);
    publishInstanceKey(registryDir, { ...borne, publicKeys: [credential.publicJwk] });
  });

  it('refuses a person token of an instance and a token for another audience', async () => {
    now = new Date();
    const people = new LocalTokenService(Buffer.alloc(32, 1), borne.instanceId, borne.tenantId);
    const personToken = await people.issue({ objectId: 'x', upn: 'koen.terhorst@borne.example' });
    await expect(verifier().verify(personToken)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(verifier().verify('not-a-token')).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('the production registry (a registered public key per instance)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-registry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies an instance registered by the operator, with the key from HUB_SIGNING_KEY', async () => {
    const pem = await generateSigningKeyPem();
    const config = loadConfig({
      MODE: 'production',
      TENANT_ID: borne.tenantId,
      MUNICIPALITY_CODES: BORNE,
      MicrosoftAppId: '22222222-2222-4222-8222-222222222222',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: borne.tenantId,
      WEERBAAR_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
      ENTRA_API_AUDIENCE: 'api://weerbaar-borne',
      DATABASE_URL: 'postgres://weerbaar@psql-weerbaar.postgres.database.azure.com/tenant_borne',
      KEY_DATABASE_URL: 'postgres://weerbaar_keys@psql-weerbaar-keys.postgres.database.azure.com/keys_borne',
      HUB_URL: 'https://hub.ivztwente.example',
      // As an app setting often carries it: the PEM's newlines escaped.
      HUB_SIGNING_KEY: pem.replace(/\n/g, '\\n'),
    });
    const credential = await InstanceCredential.fromPem(borne, config.hub.signingKeyPem!);
    const file = path.join(dir, 'registry.json');
    writeFileSync(file, JSON.stringify({ instances: [{ ...borne, publicKeys: [credential.publicJwk] }] }));
    const v = new SignedInstanceTokenVerifier(StaticInstanceRegistry.fromFile(file), new MemoryReplayGuard());
    await expect(v.verify(await credential.sign())).resolves.toMatchObject({ instanceId: borne.instanceId, municipalityCodes: [BORNE] });
  });

  it('refuses a registry that gives one municipality to two instances, or holds a private key', async () => {
    const credential = await InstanceCredential.fromPem(borne, await generateSigningKeyPem());
    const twice = path.join(dir, 'twice.json');
    writeFileSync(
      twice,
      JSON.stringify({
        instances: [
          { ...borne, publicKeys: [credential.publicJwk] },
          { ...borne, instanceId: 'tenant-other', publicKeys: [credential.publicJwk] },
        ],
      }),
    );
    expect(() => StaticInstanceRegistry.fromFile(twice)).toThrow(/two instances/);
    const leaked = path.join(dir, 'leaked.json');
    writeFileSync(leaked, JSON.stringify({ instances: [{ ...borne, publicKeys: [{ ...credential.publicJwk, d: 'secret' }] }] }));
    expect(() => StaticInstanceRegistry.fromFile(leaked)).toThrow(/invalid/);
  });
});

describe('hub configuration', () => {
  const production = {
    MODE: 'production',
    MicrosoftAppId: '22222222-2222-4222-8222-222222222222',
    MicrosoftAppPassword: 'secret',
    MicrosoftAppTenantId: borne.tenantId,
    WEERBAAR_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    ENTRA_API_AUDIENCE: 'api://weerbaar',
  };
  const variableOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.variable;
      throw error;
    }
    return null;
  };

  it('points a local instance at the local hub by default', () => {
    expect(loadConfig({ MODE: 'local', TENANT_ID: borne.tenantId, MUNICIPALITY_CODES: BORNE }).hub.url).toBe(LOCAL_HUB_URL);
  });

  it('needs a signing key for a production instance that talks to a hub, and a registry and tenant for a production hub', () => {
    expect(variableOf({ ...production, TENANT_ID: borne.tenantId, MUNICIPALITY_CODES: BORNE, HUB_URL: 'https://hub.example' })).toBe('HUB_SIGNING_KEY');
    expect(variableOf({ ...production, SERVICE_ROLE: 'hub', TENANT_ID: borne.tenantId })).toBe('HUB_INSTANCE_REGISTRY');
    expect(variableOf({ ...production, SERVICE_ROLE: 'hub', HUB_INSTANCE_REGISTRY: '/etc/weerbaar/registry.json' })).toBe('TENANT_ID');
  });
});
