import { hkdfSync } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';

/** What the service knows of an authenticated caller: ids only, the rest comes from the directory. */
export interface VerifiedCaller {
  objectId: string;
  tenantId: string;
  upn: string | null;
  /** The `name` claim, when the token has one. */
  displayName: string | null;
  /** The app roles Entra assigned the caller in this app (`roles` claim); none in local tokens. */
  appRoles: readonly string[];
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedCaller>;
}

export class AuthenticationError extends Error {
  readonly code = 'unauthenticated';
}

const LOCAL_TTL_SECONDS = 8 * 60 * 60;

/**
 * Local mode tokens: HS256, signed with a key derived from this instance's own master key,
 * with issuer and audience naming the instance. A token of one instance therefore fails
 * the signature, issuer and audience checks of every other instance and of the hub.
 */
export class LocalTokenService implements TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly issuer: string;

  constructor(
    masterKey: Uint8Array,
    private readonly instanceId: string,
    private readonly tenantId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.secret = new Uint8Array(hkdfSync('sha256', masterKey, instanceId, 'weerbaar local tokens v1', 32));
    this.issuer = `urn:weerbaar:local:${instanceId}`;
  }

  async issue(caller: { objectId: string; upn: string }): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ tid: this.tenantId, oid: caller.objectId, upn: caller.upn })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(`urn:weerbaar:api:${this.instanceId}`)
      .setSubject(caller.objectId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + LOCAL_TTL_SECONDS)
      .sign(this.secret);
  }

  async verify(token: string): Promise<VerifiedCaller> {
    const payload = await verifyOrThrow(() =>
      jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: this.issuer,
        audience: `urn:weerbaar:api:${this.instanceId}`,
        currentDate: this.now(),
      }),
    );
    return callerFrom(payload, this.tenantId);
  }
}

/**
 * Production: Entra ID access tokens only. RS256 signatures against the tenant's JWKS,
 * issuer, audience and expiry are all checked; anything else is refused.
 */
export class EntraTokenVerifier implements TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly options: { tenantId: string; audience: string; jwksUrl?: string | null; issuer?: string | null },
    private readonly now: () => Date = () => new Date(),
  ) {
    const jwksUrl = options.jwksUrl ?? `https://login.microsoftonline.com/${options.tenantId}/discovery/v2.0/keys`;
    this.jwks = createRemoteJWKSet(new URL(jwksUrl));
  }

  async verify(token: string): Promise<VerifiedCaller> {
    const issuer = this.options.issuer ?? `https://login.microsoftonline.com/${this.options.tenantId}/v2.0`;
    const payload = await verifyOrThrow(() =>
      jwtVerify(token, this.jwks, {
        algorithms: ['RS256'],
        issuer,
        audience: this.options.audience,
        currentDate: this.now(),
        requiredClaims: ['exp', 'oid', 'tid'],
      }),
    );
    return callerFrom(payload, this.options.tenantId);
  }
}

async function verifyOrThrow(run: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  try {
    return (await run()).payload;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw new AuthenticationError(`token refused (${error.code})`);
    throw error;
  }
}

function callerFrom(payload: JWTPayload, expectedTenant: string): VerifiedCaller {
  const { oid, tid, upn, preferred_username: preferred, name, roles } = payload as JWTPayload & Record<string, unknown>;
  if (typeof oid !== 'string' || typeof tid !== 'string') throw new AuthenticationError('token lacks oid or tid');
  if (tid !== expectedTenant) throw new AuthenticationError('token of another tenant');
  return {
    objectId: oid,
    tenantId: tid,
    upn: typeof upn === 'string' ? upn : typeof preferred === 'string' ? preferred : null,
    displayName: typeof name === 'string' ? name : null,
    appRoles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [],
  };
}
