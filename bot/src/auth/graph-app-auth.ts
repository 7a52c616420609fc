import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AgentOptions } from 'node:https';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';

/**
 * App-only authentication for Microsoft Graph (and SharePoint REST, for the one list
 * setting Graph cannot change) with the client-credentials flow.
 *
 * A certificate is preferred: SharePoint refuses app-only tokens obtained with a client
 * secret, and a certificate's private key never travels. The secret remains as a fallback
 * for tenants that start without a certificate; it suffices for Graph.
 */
export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphCertificateCredential {
  /** PEM of the certificate registered on the app (its SHA-256 thumbprint is derived). */
  certificatePem: string;
  /** PEM of the matching private key (PKCS#1 or PKCS#8). */
  privateKeyPem: string;
}

export interface GraphAppCredentials {
  tenantId: string;
  clientId: string;
  certificate?: GraphCertificateCredential;
  clientSecret?: string;
  /** Entra authority host; another value for national clouds (and the local test server). */
  authorityHost?: string;
  /** TLS settings for the token endpoint connection, e.g. a corporate proxy's CA. */
  agentOptions?: AgentOptions;
}

export type CredentialKind = 'certificate' | 'secret';

export interface GraphAppAuth {
  readonly clientId: string;
  readonly credentialKind: CredentialKind;
  /** A Graph client authentication provider asking tokens for `scope`. */
  authProvider(scope?: string): AuthenticationProvider;
}

export class GraphAuthConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'GraphAuthConfigError';
  }
}

/**
 * One ConfidentialClientApplication per call: msal keeps its token cache in memory on that
 * instance, so a process reuses tokens until shortly before they expire and nothing is
 * written to disk. Callers keep the returned object for the life of the process.
 */
export function createGraphAppAuth(credentials: GraphAppCredentials): GraphAppAuth {
  const authorityHost = (credentials.authorityHost ?? PUBLIC_AUTHORITY_HOST).replace(/\/+$/, '');
  const clientCredential = clientCredentialOf(credentials);
  const configuration: Configuration = {
    auth: {
      clientId: credentials.clientId,
      authority: `${authorityHost}/${credentials.tenantId}`,
      // Another host than the public cloud is trusted as given instead of being looked up
      // through instance discovery at login.microsoftonline.com.
      ...(authorityHost === PUBLIC_AUTHORITY_HOST ? {} : { knownAuthorities: [new URL(authorityHost).host] }),
      ...clientCredential,
    },
    system: credentials.agentOptions ? { customAgentOptions: credentials.agentOptions } : {},
  };
  const application = new ConfidentialClientApplication(configuration);
  return {
    clientId: credentials.clientId,
    credentialKind: 'clientCertificate' in clientCredential ? 'certificate' : 'secret',
    authProvider(scope = GRAPH_DEFAULT_SCOPE): AuthenticationProvider {
      return {
        async getAccessToken(): Promise<string> {
          const result = await application.acquireTokenByClientCredential({ scopes: [scope] });
          if (!result?.accessToken) throw new Error(`Geen toegangstoken ontvangen voor ${scope} (no access token)`);
          return result.accessToken;
        },
      };
    },
  };
}

function clientCredentialOf(
  credentials: GraphAppCredentials,
):
  | { clientCertificate: { thumbprintSha256: string; privateKey: string; x5c: string } }
  | { clientSecret: string } {
  if (credentials.certificate) {
    const certificate = new X509Certificate(credentials.certificate.certificatePem);
    return {
      clientCertificate: {
        thumbprintSha256: certificate.fingerprint256.replaceAll(':', '').toLowerCase(),
        // msal signs the client assertion with a PKCS#8 key.
        privateKey: createPrivateKey(credentials.certificate.privateKeyPem).export({ type: 'pkcs8', format: 'pem' }).toString(),
        // Sending the public certificate lets Entra match it by subject name and issuer too.
        x5c: credentials.certificate.certificatePem,
      },
    };
  }
  if (credentials.clientSecret) return { clientSecret: credentials.clientSecret };
  throw new GraphAuthConfigError(
    'GRAPH_CERTIFICATE_PATH',
    'geef een certificaat of een client secret op (certificate or client secret required)',
  );
}

/**
 * Reads the credentials from the environment:
 * GRAPH_TENANT_ID, GRAPH_CLIENT_ID, and either GRAPH_CERTIFICATE_PATH (one PEM file with the
 * certificate and its private key, as Key Vault exports it) or GRAPH_CLIENT_SECRET.
 * GRAPH_AUTHORITY_HOST is optional (national clouds).
 */
export function graphAppCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): GraphAppCredentials {
  const tenantId = required(env, 'GRAPH_TENANT_ID');
  const clientId = required(env, 'GRAPH_CLIENT_ID');
  const authorityHost = env.GRAPH_AUTHORITY_HOST || undefined;
  const base = { tenantId, clientId, ...(authorityHost ? { authorityHost } : {}) };
  if (env.GRAPH_CERTIFICATE_PATH) {
    return { ...base, certificate: certificateFromPemFile(env.GRAPH_CERTIFICATE_PATH) };
  }
  if (env.GRAPH_CLIENT_SECRET) return { ...base, clientSecret: env.GRAPH_CLIENT_SECRET };
  throw new GraphAuthConfigError(
    'GRAPH_CERTIFICATE_PATH',
    'zet GRAPH_CERTIFICATE_PATH (aanbevolen) of GRAPH_CLIENT_SECRET (set a certificate file or a client secret)',
  );
}

/** Splits one PEM file into the certificate and the private key it must both contain. */
export function certificateFromPemFile(path: string): GraphCertificateCredential {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch {
    throw new GraphAuthConfigError('GRAPH_CERTIFICATE_PATH', 'het bestand is niet leesbaar (file not readable)');
  }
  const certificatePem = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  const privateKeyPem = pem.match(/-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/)?.[0];
  if (!certificatePem || !privateKeyPem) {
    throw new GraphAuthConfigError(
      'GRAPH_CERTIFICATE_PATH',
      'het PEM-bestand moet het certificaat én de private key bevatten (PEM needs certificate and private key)',
    );
  }
  return { certificatePem: `${certificatePem}\n`, privateKeyPem: `${privateKeyPem}\n` };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new GraphAuthConfigError(name, 'ontbreekt (missing)');
  return value;
}
