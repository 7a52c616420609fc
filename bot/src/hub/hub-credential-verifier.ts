import { calculateJwkThumbprint, decodeProtectedHeader, errors as joseErrors, importJWK, jwtVerify, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { AuthenticationError } from '../auth/tokens.js';

/**
 * The instance-to-hub credential. Each municipality instance holds its own Ed25519 key pair
 * (the private key never leaves the instance's data folder or Key Vault) and signs a
 * short-lived JWT per request; the hub knows each instance's public key and the
 * municipality codes it may speak for. See docs/hub-contract.md.
 */

/** `aud` of every instance credential: the district hub. */
export const HUB_AUDIENCE = 'urn:weerbaar:hub';
export const INSTANCE_TOKEN_ALGORITHM = 'EdDSA';
/** Longest lifetime the hub accepts; instances sign for 2 minutes. */
export const INSTANCE_TOKEN_MAX_SECONDS = 5 * 60;
const CLOCK_TOLERANCE_SECONDS = 30;

/** What the hub knows of a caller after verification: which instance, for which municipalities. */
export interface VerifiedInstance {
  instanceId: string;
  tenantId: string;
  /** The codes the hub's registry allows this instance to speak for. */
  municipalityCodes: readonly string[];
}

/** The port: local key pairs and production credentials both verify behind it. */
export interface HubCredentialVerifier {
  verify(token: string): Promise<VerifiedInstance>;
}

/** One instance as the hub registered it: its tenant, its municipalities and its public key(s). */
export interface RegisteredInstance {
  instanceId: string;
  tenantId: string;
  municipalityCodes: readonly string[];
  /** Usually one; two while a key is being rotated. */
  publicKeys: readonly JWK[];
}

export interface InstanceRegistry {
  lookup(instanceId: string): Promise<RegisteredInstance | undefined>;
}

/** Remembers token ids until they expire; `firstUse` is false for a replay. */
export interface ReplayGuard {
  firstUse(key: string, expiresAt: Date, now: Date): Promise<boolean>;
}

/**
 * Verifies instance JWTs signed with a registered key: signature (EdDSA only), `iss` a
 * registered instance, `aud` the hub, `exp` at most five minutes after `iat`, the tenant
 * and municipality claims within what the registry allows, and a `jti` never seen before
 * within the token's lifetime. Every refusal is an AuthenticationError (401), without detail.
 */
export class SignedInstanceTokenVerifier implements HubCredentialVerifier {
  constructor(
    private readonly registry: InstanceRegistry,
    private readonly replays: ReplayGuard,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(token: string): Promise<VerifiedInstance> {
    const issuer = unverifiedIssuer(token);
    const registered = issuer ? await this.registry.lookup(issuer) : undefined;
    if (!registered || registered.publicKeys.length === 0) throw new AuthenticationError('unknown instance');
    const header = protectedHeader(token);
    const keys = await keysFor(registered, header.kid);
    const now = this.now();
    const payload = await verifyWithAny(keys, (key) =>
      jwtVerify(token, key, {
        algorithms: [INSTANCE_TOKEN_ALGORITHM],
        issuer: registered.instanceId,
        audience: HUB_AUDIENCE,
        currentDate: now,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['iat', 'exp', 'jti', 'tid', 'municipalities'],
      }),
    );
    const { iat, exp, jti, tid, municipalities } = payload as JWTPayload & { tid?: unknown; municipalities?: unknown };
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > INSTANCE_TOKEN_MAX_SECONDS) {
      throw new AuthenticationError('instance token lives too long');
    }
    if (iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new AuthenticationError('instance token from the future');
    if (tid !== registered.tenantId) throw new AuthenticationError('instance token of another tenant');
    const claimed = Array.isArray(municipalities) ? municipalities : [];
    if (claimed.length === 0 || !claimed.every((code) => typeof code === 'string' && registered.municipalityCodes.includes(code))) {
      throw new AuthenticationError('instance token claims municipalities it may not speak for');
    }
    if (typeof jti !== 'string' || jti.length < 16 || jti.length > 100) throw new AuthenticationError('instance token lacks a usable jti');
    const fresh = await this.replays.firstUse(`${registered.instanceId}:${jti}`, new Date((exp + CLOCK_TOLERANCE_SECONDS) * 1000), now);
    if (!fresh) throw new AuthenticationError('instance token replayed');
    // Only what both the token claims and the registry allows.
    return { instanceId: registered.instanceId, tenantId: registered.tenantId, municipalityCodes: claimed as string[] };
  }
}

function unverifiedIssuer(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    const iss = typeof payload === 'object' && payload !== null ? (payload as { iss?: unknown }).iss : undefined;
    return typeof iss === 'string' && /^[a-z0-9-]{2,40}$/.test(iss) ? iss : null;
  } catch {
    return null;
  }
}

function protectedHeader(token: string): { kid?: string } {
  try {
    const header = decodeProtectedHeader(token);
    return typeof header.kid === 'string' ? { kid: header.kid } : {};
  } catch {
    throw new AuthenticationError('malformed instance token');
  }
}

/** The registered keys the token may be signed with: the one its `kid` names, or (no kid) each in turn. */
async function keysFor(registered: RegisteredInstance, kid: string | undefined): Promise<(CryptoKey | Uint8Array)[]> {
  const keys: (CryptoKey | Uint8Array)[] = [];
  for (const jwk of registered.publicKeys) {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || 'd' in jwk) continue;
    if (kid !== undefined && (await calculateJwkThumbprint(jwk)) !== kid) continue;
    keys.push(await importJWK(jwk, INSTANCE_TOKEN_ALGORITHM));
  }
  if (keys.length === 0) throw new AuthenticationError('no registered key matches the instance token');
  return keys;
}

/** A signature failure tries the next key (rotation); any other refusal stands. */
async function verifyWithAny(
  keys: readonly (CryptoKey | Uint8Array)[],
  run: (key: CryptoKey | Uint8Array) => Promise<{ payload: JWTPayload }>,
): Promise<JWTPayload> {
  let refusal = 'no key';
  for (const key of keys) {
    try {
      return (await run(key)).payload;
    } catch (error) {
      if (!(error instanceof joseErrors.JOSEError)) throw error;
      refusal = error.code;
      if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) break;
    }
  }
  throw new AuthenticationError(`instance token refused (${refusal})`);
}
