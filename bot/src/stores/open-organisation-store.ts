import type { OrganisationStore } from '@weerbaar/shared';
import type { Logger } from '../logging.js';
import { createGraphAppAuth, graphAppCredentialsFromEnv } from '../auth/graph-app-auth.js';
import { createGraphConnection, GraphOrganisationStore } from './graph/index.js';
import { openSqliteOrganisationStore } from './sqlite/index.js';

export type ClosableOrganisationStore = OrganisationStore & { close?(): Promise<void> | void };

/**
 * Picks the organisation store: in production with `SHAREPOINT_SITE_URL`, the municipality's
 * SharePoint lists through Microsoft Graph (app-only, GRAPH_* credentials); otherwise the SQLite
 * file in the instance's data folder. Production without a site is allowed (a pilot without
 * SharePoint) but says so in the log, because the admins then cannot see or govern the lists.
 */
export async function openOrganisationStore(options: {
  mode: 'local' | 'production';
  env: NodeJS.ProcessEnv;
  sqliteFile: string;
  logger: Pick<Logger, 'warn' | 'info'>;
}): Promise<{ store: ClosableOrganisationStore; kind: 'sharepoint' | 'sqlite' }> {
  const siteUrl = options.env.SHAREPOINT_SITE_URL?.trim();
  if (options.mode === 'production' && siteUrl) {
    const auth = createGraphAppAuth(graphAppCredentialsFromEnv(options.env));
    const graph = createGraphConnection({ authProvider: auth.authProvider() });
    return { store: new GraphOrganisationStore({ graph, site: { siteUrl } }), kind: 'sharepoint' };
  }
  if (options.mode === 'production') {
    options.logger.warn({ variable: 'SHAREPOINT_SITE_URL' }, 'no SharePoint site configured: the organisation lists live in the local SQLite file');
  }
  return { store: await openSqliteOrganisationStore({ file: options.sqliteFile }), kind: 'sqlite' };
}
