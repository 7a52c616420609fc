import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from 'jose';
import { HUB_AUDIENCE, INSTANCE_TOKEN_ALGORITHM } from './hub-credential-verifier.js';

/** Instances sign for two minutes; the hub accepts at most five. */
const TOKEN_SECONDS = 120;
export const LOCAL_SIGNING_KEY_FILE = 'hub-signing-key.pem';

export interface InstanceIdentity {
  instanceId: string;
  tenantId: string;
  municipalityCodes: readonly string[];
}

/**
 * This instance's credential towards the hub: an Ed25519 private key that stays in the
 * instance (its own data folder locally, Key Vault in production), and a fresh JWT per
 * request with a unique `jti`, so a captured token is useless after one use or two minutes.
 */
export class InstanceCredential {
  private constructor(
    readonly identity: InstanceIdentity,
    private readonly privateKey: CryptoKey,
    readonly publicJwk: JWK,
    readonly keyId: string,
    private readonly now: () => Date,
  ) {}

  /** From a PKCS#8 PEM (production: the HUB_SIGNING_KEY secret). */
  static async fromPem(identity: InstanceIdentity, pem: string, now: () => Date = () => new Date()): Promise<InstanceCredential> {
    const privateKey = await importPKCS8(pem, INSTANCE_TOKEN_ALGORITHM, { extractable: true });
    const { d: _private, ...publicJwk } = await exportJWK(privateKey);
    const keyId = await calculateJwkThumbprint(publicJwk);
    return new InstanceCredential(identity, privateKey, publicJwk, keyId, now);
  }

  /** Local mode: the key file in the instance's own data folder, created (mode 0600) on first start. */
  static async loadOrCreate(identity: InstanceIdentity, instanceDir: string, now?: () => Date): Promise<InstanceCredential> {
    const file = path.join(instanceDir, LOCAL_SIGNING_KEY_FILE);
    return InstanceCredential.fromPem(identity, await readOrCreatePem(file), now);
  }

  async sign(): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ tid: this.identity.tenantId, municipalities: [...this.identity.municipalityCodes] })
      .setProtectedHeader({ alg: INSTANCE_TOKEN_ALGORITHM, typ: 'JWT', kid: this.keyId })
      .setIssuer(this.identity.instanceId)
      .setAudience(HUB_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_SECONDS)
      .sign(this.privateKey);
  }
}

/** A new Ed25519 private key as PKCS#8 PEM (also used to provision production keys). */
export async function generateSigningKeyPem(): Promise<string> {
  const { privateKey } = await generateKeyPair(INSTANCE_TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
  return exportPKCS8(privateKey);
}

async function readOrCreatePem(file: string): Promise<string> {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(path.dirname(file), { recursive: true });
  const pem = await generateSigningKeyPem();
  let fd: number | undefined;
  try {
    // 'wx' fails when the file exists: a restart keeps its key, and two processes of one
    // instance starting together end up with the same key (the loser reads the winner's).
    fd = openSync(file, 'wx', 0o600);
    writeSync(fd, pem);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
