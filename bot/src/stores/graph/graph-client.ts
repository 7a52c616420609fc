import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type ShouldRetry,
  type FetchOptions,
} from '@microsoft/microsoft-graph-client';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';

export interface GraphClientOptions {
  authProvider: AuthenticationProvider;
  /** Graph root; another value for national clouds (and the local test server). */
  baseUrl?: string;
  /**
   * Retries of 429, 503 and 504. Graph's Retry-After is always honoured; `delaySeconds` is
   * the back-off when a response carries none.
   */
  retry?: { maxRetries?: number; delaySeconds?: number };
  /** Passed to every fetch, e.g. a dispatcher that trusts a proxy's CA. */
  fetchOptions?: FetchOptions;
  /** More hosts that get the bearer token besides the Graph host (SharePoint REST). */
  extraTokenHosts?: readonly string[];
}

export interface GraphConnection {
  client: Client;
  /** Graph root without a trailing slash, e.g. https://graph.microsoft.com */
  baseUrl: string;
}

/**
 * A Graph client with an explicit middleware chain, so the retry policy is ours rather than
 * the SDK default: authentication, then the RetryHandler (429/503/504, honouring
 * Retry-After), redirects, telemetry, and fetch. Throttling thus never reaches the stores,
 * which only see a request that finally succeeded or a definite error.
 */
export function createGraphConnection(options: GraphClientOptions): GraphConnection {
  const baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
  const authentication = new AuthenticationHandler(options.authProvider);
  const retry = new RetryHandler(
    new RetryHandlerOptions(options.retry?.delaySeconds ?? 3, options.retry?.maxRetries ?? 6, retriesSafely),
  );
  const redirect = new RedirectHandler();
  const telemetry = new TelemetryHandler();
  const transport = new HTTPMessageHandler();
  authentication.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(telemetry);
  telemetry.setNext(transport);

  // The SDK attaches the token only to https hosts it knows: Graph's own, plus these.
  const customHosts = new Set([new URL(baseUrl).hostname, ...(options.extraTokenHosts ?? [])]);
  const client = Client.initWithMiddleware({
    middleware: authentication,
    baseUrl,
    defaultVersion: 'v1.0',
    customHosts,
    ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
  });
  return { client, baseUrl };
}

/**
 * 429 and 503 mean Graph did not carry the request out, so every method may be retried.
 * A 504 may come after the work was done: retrying a POST would create the item twice.
 */
const retriesSafely: ShouldRetry = (_delay, _attempt, request, options, response) => {
  const method = (typeof request === 'string' || request instanceof URL ? options?.method : request.method) ?? 'GET';
  return !(response.status === 504 && method.toUpperCase() === 'POST');
};
