import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphRuleError, isRecord } from './graph-test-lists.js';
import { hasRole, routeGraph, type Role, type RouteResult, type TestSite } from './graph-test-routes.js';
import { makeTestCertificates, type TestCertificates } from './graph-test-tls.js';
import { GRAPH_AUDIENCE, TestTokenIssuer } from './graph-test-tokens.js';
import { routeUsers, type TestDirectory } from './graph-test-users.js';

/**
 * A local HTTPS stand-in for Microsoft Graph, SharePoint REST (list versioning only) and the
 * Entra token endpoint, holding the organisation store and provisioning to the real API's
 * rules: 401 without a valid bearer token for the right audience, 403 without a
 * Sites.Selected grant, list items in pages of at most 200 with `@odata.nextLink`, 400 on a
 * filter over a non-indexed column unless `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`,
 * only `$select`ed fields, per-item eTags with 412 on a stale `If-Match`, and 429/503 with
 * `Retry-After` on demand. Every request is recorded for the tests to inspect.
 */
export interface RecordedRequest {
  method: string;
  /** Decoded path, e.g. /v1.0/sites/…/items */
  path: string;
  query: Record<string, string>;
  ifMatch?: string;
  prefer?: string;
  hadBearerToken: boolean;
  status: number;
  at: number;
}

export interface TestApp {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  certificatePem: string;
  privateKeyPem: string;
  /** Certificate + key in one PEM file (GRAPH_CERTIFICATE_PATH). */
  pemFile: string;
}

export interface GraphTestServer {
  origin: string;
  siteUrl: string;
  site: TestSite;
  app: TestApp;
  certificates: TestCertificates;
  tokens: TestTokenIssuer;
  requests: RecordedRequest[];
  /** The tenant's users (`/users`, `/users/{id}/manager`); empty until a test adds some. */
  directory: TestDirectory;
  /** The next `count` Graph/SharePoint requests answer `status` (with Retry-After). */
  throttleNext(count: number, options?: { status?: 429 | 503 | 504; retryAfterSeconds?: number }): void;
  grant(clientId: string, role: Role | undefined): void;
  close(): Promise<void>;
}

const THROTTLE_CODES: Record<number, string> = { 429: 'TooManyRequests', 503: 'serviceNotAvailable', 504: 'gatewayTimeout' };

export async function startGraphTestServer(): Promise<GraphTestServer> {
  const certificates = makeTestCertificates();
  const requests: RecordedRequest[] = [];
  const directory: TestDirectory = { users: [], pageSize: 100 };
  let throttle = { remaining: 0, status: 429, retryAfterSeconds: 1 };
  // Filled in once the port is known.
  const state: { origin: string; tokens?: TestTokenIssuer; site?: TestSite } = { origin: '' };

  const server: Server = createServer({ key: certificates.serverKeyPem, cert: certificates.serverCertPem }, (req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', state.origin);
    const raw = await readBody(req);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      ...(typeof req.headers['if-match'] === 'string' ? { ifMatch: req.headers['if-match'] } : {}),
      ...(typeof req.headers.prefer === 'string' ? { prefer: req.headers.prefer } : {}),
      hadBearerToken: /^Bearer \S+/.test(req.headers.authorization ?? ''),
      status: 0,
      at: Date.now(),
    };
    requests.push(record);
    let result: RouteResult & { headers?: Record<string, string> };
    try {
      result = await route(req, url, raw, record.path);
    } catch (error) {
      result =
        error instanceof GraphRuleError
          ? { status: error.status, body: { error: { code: error.code, message: error.message } } }
          : { status: 500, body: { error: { code: 'generalException', message: String(error) } } };
    }
    record.status = result.status;
    const headers: Record<string, string> = { ...result.headers };
    if (result.body !== undefined) headers['Content-Type'] = 'application/json';
    res.writeHead(result.status, headers);
    res.end(result.body === undefined ? undefined : JSON.stringify(result.body));
  }

  async function route(
    req: IncomingMessage,
    url: URL,
    raw: string,
    path: string,
  ): Promise<RouteResult & { headers?: Record<string, string> }> {
    const tokens = state.tokens;
    const site = state.site;
    if (!tokens || !site) throw new Error('server not ready');
    const tenant = `/${tokens.tenantId}`;
    if (path === `${tenant}/v2.0/.well-known/openid-configuration` && req.method === 'GET') {
      return { status: 200, body: tokens.openIdConfiguration() };
    }
    if (path === `${tenant}/oauth2/v2.0/token` && req.method === 'POST') return tokens.issue(new URLSearchParams(raw));

    const isGraph = path.startsWith('/v1.0/');
    const isSharePointRest = path.startsWith(`${site.path}/_api/`);
    if (!isGraph && !isSharePointRest) throw new GraphRuleError(404, 'itemNotFound', 'Unknown endpoint');
    if (throttle.remaining > 0) {
      throttle.remaining -= 1;
      return {
        status: throttle.status,
        headers: { 'Retry-After': String(throttle.retryAfterSeconds) },
        body: { error: { code: THROTTLE_CODES[throttle.status] ?? 'TooManyRequests', message: 'Please retry after' } },
      };
    }
    const issued = tokens.check(req.headers.authorization, isGraph ? GRAPH_AUDIENCE : state.origin);
    const app = tokens.apps.get(issued.clientId);
    const caller = {
      clientId: issued.clientId,
      // App-only writes show as "SharePoint App" with the application alongside.
      identity: { application: { id: issued.clientId, displayName: app?.displayName ?? 'app' }, user: { displayName: 'SharePoint App' } },
    };
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    if (isSharePointRest) return sharePointRest(site, req, path, body, issued.clientId, issued.credential);
    const users = routeUsers(directory, req.method ?? 'GET', path.slice('/v1.0'.length), url);
    if (users) return users;
    return routeGraph(site, {
      method: req.method ?? 'GET',
      path: path.slice('/v1.0'.length),
      query: url.searchParams,
      body,
      headers: {
        ...(typeof req.headers['if-match'] === 'string' ? { ifMatch: req.headers['if-match'] } : {}),
        ...(typeof req.headers.prefer === 'string' ? { prefer: req.headers.prefer } : {}),
      },
      caller,
      url,
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `https://127.0.0.1:${port}`;
  const tokens = new TestTokenIssuer(state.origin, randomUUID());
  const app: TestApp = {
    tenantId: tokens.tenantId,
    clientId: randomUUID(),
    clientSecret: randomUUID(),
    certificatePem: certificates.appCertPem,
    privateKeyPem: certificates.appKeyPem,
    pemFile: certificates.appPemFile,
  };
  tokens.register({
    clientId: app.clientId,
    displayName: 'Weerbaar Twente',
    certificatePem: app.certificatePem,
    clientSecret: app.clientSecret,
  });
  const site: TestSite = {
    id: `127.0.0.1,${randomUUID()},${randomUUID()}`,
    hostname: `127.0.0.1:${port}`,
    path: '/sites/weerbaar',
    webUrl: `${state.origin}/sites/weerbaar`,
    lists: [],
    // Provisioning needs manage; the store needs write. Tests lower it to check that.
    grants: new Map([[app.clientId, 'manage' as Role]]),
  };
  state.tokens = tokens;
  state.site = site;

  return {
    origin: state.origin,
    siteUrl: site.webUrl,
    site,
    app,
    certificates,
    tokens,
    requests,
    directory,
    throttleNext(count, options = {}) {
      throttle = { remaining: count, status: options.status ?? 429, retryAfterSeconds: options.retryAfterSeconds ?? 1 };
    },
    grant(clientId, role) {
      if (role) site.grants.set(clientId, role);
      else site.grants.delete(clientId);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      certificates.remove();
    },
  };
}

/**
 * SharePoint REST for the one list setting Graph lacks: EnableVersioning. SharePoint
 * refuses app-only tokens obtained with a client secret, so this does too.
 */
function sharePointRest(
  site: TestSite,
  req: IncomingMessage,
  path: string,
  body: unknown,
  clientId: string,
  credential: 'certificate' | 'secret',
): RouteResult {
  if (credential !== 'certificate') throw new GraphRuleError(401, 'Unauthorized', 'Unsupported app only token.');
  const match = new RegExp(`^${site.path}/_api/web/lists\\(guid'([0-9a-f-]{36})'\\)$`).exec(path);
  const list = site.lists.find((l) => l.id === match?.[1]);
  if (!list) throw new GraphRuleError(404, 'System.ArgumentException', 'List does not exist.');
  const merging = req.method === 'POST' && req.headers['x-http-method'] === 'MERGE';
  if (!hasRole(site, clientId, merging ? 'manage' : 'read')) throw new GraphRuleError(403, 'System.UnauthorizedAccessException', 'Access denied.');
  if (req.method === 'GET') return { status: 200, body: { Id: list.id, Title: list.displayName, EnableVersioning: list.versioning } };
  if (!merging || !isRecord(body)) throw new GraphRuleError(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', 'Bad request');
  if (typeof body.EnableVersioning === 'boolean') list.versioning = body.EnableVersioning;
  return { status: 204 };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
