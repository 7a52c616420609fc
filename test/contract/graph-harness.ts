import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import type { Dispatcher } from 'undici-types';
import { createGraphAppAuth, type GraphAppAuth } from '../../bot/src/auth/graph-app-auth.js';
import type { SiteSchemaTarget } from '../../bot/src/provision/site-schema.js';
import { createGraphConnection, type GraphConnection } from '../../bot/src/stores/graph/graph-client.js';
import { GraphOrganisationStore } from '../../bot/src/stores/graph/graph-organisation-store.js';
import { GraphSite } from '../../bot/src/stores/graph/graph-site.js';
import { startGraphTestServer, type GraphTestServer } from './graph-test-server.js';
import { trustingDispatcher } from './trusting-dispatcher.js';

/**
 * The production Graph pieces wired to the local HTTPS test server: msal authenticates
 * with the test app's certificate at the server's token endpoint, and the Graph client's
 * fetch trusts the server's CA through a dispatcher (msal through its https agent options).
 * Nothing else differs from production.
 */
export interface GraphHarness {
  server: GraphTestServer;
  dispatcher: Dispatcher;
  auth: GraphAppAuth;
  graph: GraphConnection;
  connect(authProvider: AuthenticationProvider): GraphConnection;
  store(options?: { graph?: GraphConnection; pageSize?: number }): GraphOrganisationStore;
  target(options?: { graph?: GraphConnection; auth?: GraphAppAuth }): SiteSchemaTarget;
  close(): Promise<void>;
}

export async function startGraphHarness(): Promise<GraphHarness> {
  const server = await startGraphTestServer();
  const dispatcher = await trustingDispatcher(server.certificates.caPem);
  const auth = createGraphAppAuth({
    tenantId: server.app.tenantId,
    clientId: server.app.clientId,
    certificate: { certificatePem: server.app.certificatePem, privateKeyPem: server.app.privateKeyPem },
    authorityHost: server.origin,
    agentOptions: { ca: server.certificates.caPem },
  });
  const connect = (authProvider: AuthenticationProvider): GraphConnection =>
    // `dispatcher` is undici's extension of the fetch options (Node's fetch), which the DOM types do not know.
    createGraphConnection({ authProvider, baseUrl: server.origin, fetchOptions: { dispatcher } as RequestInit, retry: { delaySeconds: 1 } });
  const graph = connect(auth.authProvider());
  return {
    server,
    dispatcher,
    auth,
    graph,
    connect,
    store: (options = {}) =>
      new GraphOrganisationStore({
        graph: options.graph ?? graph,
        site: { siteUrl: server.siteUrl },
        ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      }),
    target: (options = {}) => {
      const connection = options.graph ?? graph;
      return {
        graph: connection,
        site: new GraphSite(connection, { siteUrl: server.siteUrl }),
        siteUrl: server.siteUrl,
        sharePointAuth: (options.auth ?? auth).authProvider(`${server.origin}/.default`),
      };
    },
    close: async () => {
      await dispatcher.close();
      await server.close();
    },
  };
}
