import { createPublicKey, randomBytes, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { GraphRuleError } from './graph-test-lists.js';

/**
 * A small Entra token endpoint for msal's client-credentials flow: it checks the client
 * assertion's signature against the registered certificate (or the client secret) and
 * issues opaque bearer tokens bound to one audience. The Graph and SharePoint routes accept
 * only tokens it issued, for their own audience.
 */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface RegisteredApp {
  clientId: string;
  displayName: string;
  certificatePem?: string;
  clientSecret?: string;
}

export interface IssuedToken {
  clientId: string;
  audience: string;
  credential: 'certificate' | 'secret';
  expiresAt: number;
}

export class TestTokenIssuer {
  readonly apps = new Map<string, RegisteredApp>();
  private readonly tokens = new Map<string, IssuedToken>();
  /** Token requests answered, successful or not. */
  tokenRequests = 0;
  /** Tokens handed out through the endpoint (msal caches: one per audience and app). */
  tokensIssued = 0;

  constructor(
    private readonly origin: string,
    readonly tenantId: string,
  ) {}

  get authority(): string {
    return `${this.origin}/${this.tenantId}`;
  }

  get tokenEndpoint(): string {
    return `${this.authority}/oauth2/v2.0/token`;
  }

  register(app: RegisteredApp): void {
    this.apps.set(app.clientId, app);
  }

  openIdConfiguration(): Record<string, unknown> {
    return {
      issuer: `${this.authority}/v2.0`,
      authorization_endpoint: `${this.authority}/oauth2/v2.0/authorize`,
      token_endpoint: this.tokenEndpoint,
      jwks_uri: `${this.authority}/discovery/v2.0/keys`,
      end_session_endpoint: `${this.authority}/oauth2/v2.0/logout`,
      response_types_supported: ['code', 'id_token', 'token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
  }

  /** POST …/oauth2/v2.0/token: an OAuth answer (status + JSON body). */
  async issue(form: URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }> {
    this.tokenRequests += 1;
    const refuse = (status: number, error: string, description: string) => ({
      status,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== 'client_credentials') return refuse(400, 'unsupported_grant_type', 'AADSTS70003');
    const app = this.apps.get(form.get('client_id') ?? '');
    if (!app) return refuse(400, 'unauthorized_client', 'AADSTS700016: Application not found in the directory.');
    const scope = form.get('scope')?.split(' ').find((s) => s.endsWith('/.default'));
    if (!scope) return refuse(400, 'invalid_scope', 'AADSTS1002012: The provided value for scope is not valid.');

    let credential: IssuedToken['credential'];
    const assertion = form.get('client_assertion');
    if (assertion) {
      if (!app.certificatePem || !(await this.validAssertion(assertion, app))) {
        return refuse(401, 'invalid_client', 'AADSTS700027: Client assertion failed signature validation.');
      }
      credential = 'certificate';
    } else if (app.clientSecret && form.get('client_secret') === app.clientSecret) {
      credential = 'secret';
    } else {
      return refuse(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    }
    this.tokensIssued += 1;
    const accessToken = randomBytes(24).toString('base64url');
    const audience = scope.slice(0, -'/.default'.length);
    this.tokens.set(accessToken, { clientId: app.clientId, audience, credential, expiresAt: Date.now() + 3_600_000 });
    return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken } };
  }

  /** The token behind an Authorization header, refused the way Graph refuses it. */
  check(authorization: string | undefined, audience: string): IssuedToken {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new GraphRuleError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAt < Date.now()) {
      throw new GraphRuleError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    }
    if (issued.audience !== audience) throw new GraphRuleError(401, 'InvalidAuthenticationToken', 'Invalid audience.');
    return issued;
  }

  /** A token handed out directly, for tests that bypass msal on purpose. */
  issueDirectly(clientId: string, audience = GRAPH_AUDIENCE): string {
    const accessToken = randomBytes(24).toString('base64url');
    this.tokens.set(accessToken, { clientId, audience, credential: 'certificate', expiresAt: Date.now() + 3_600_000 });
    return accessToken;
  }

  private async validAssertion(assertion: string, app: RegisteredApp): Promise<boolean> {
    if (!app.certificatePem) return false;
    try {
      const certificate = new X509Certificate(app.certificatePem);
      const thumbprint = Buffer.from(certificate.fingerprint256.replaceAll(':', ''), 'hex').toString('base64url');
      const header = decodeProtectedHeader(assertion);
      if (header['x5t#S256'] !== thumbprint) return false;
      await jwtVerify(assertion, createPublicKey(app.certificatePem), {
        audience: this.tokenEndpoint,
        issuer: app.clientId,
        subject: app.clientId,
        algorithms: ['PS256', 'RS256'],
        // Entra allows clock skew; msal rounds its nbf to the nearest second (up, half the time).
        clockTolerance: 300,
      });
      return true;
    } catch {
      return false;
    }
  }
}
