import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppInstallOutcome, TeamsAppInstaller } from '@weerbaar/shared';
import { createGraphAppAuth, graphAppCredentialsFromEnv } from '../auth/graph-app-auth.js';
import type { Logger } from '../logging.js';
import { createGraphConnection } from '../stores/graph/index.js';

/**
 * Installs the Weerbaar Twente app in a person's personal scope through Microsoft Graph
 * (`POST /users/{id}/teamwork/installedApps`), so the bot can open a chat with an MT
 * contact, deputy or secretary who never opened it. Teams then sends the bot a
 * conversationUpdate, the bot stores the conversation, and the outbox's next attempt
 * delivers. Needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All
 * (see docs/deployment-permissions.md).
 */
export class GraphTeamsAppInstaller implements TeamsAppInstaller {
  constructor(
    private readonly client: Client,
    /** The app's id in the organisation's Teams app catalog (not the manifest id). */
    private readonly catalogAppId: string,
    private readonly logger: Logger,
  ) {}

  async installFor(_tenantId: string, userObjectId: string): Promise<AppInstallOutcome> {
    try {
      await this.client.api(`/users/${encodeURIComponent(userObjectId)}/teamwork/installedApps`).post({
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.catalogAppId)}`,
      });
      return 'installed';
    } catch (error) {
      const status = statusOf(error);
      // 409: installed already (the conversationUpdate may still be on its way).
      if (status === 409) return 'already-installed';
      this.logger.warn({ event: 'teams-app-install-failed', status }, 'could not install the Teams app for a recipient');
      return 'failed';
    }
  }
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The installer for production, from TEAMS_APP_CATALOG_ID and the Graph app credentials
 * (GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CERTIFICATE_PATH or GRAPH_CLIENT_SECRET).
 * Null when the catalog id is not configured: recipients without a chat then go to the
 * deputy and the app admin is told.
 */
export function graphAppInstallerFromEnv(env: NodeJS.ProcessEnv, logger: Logger): TeamsAppInstaller | null {
  const catalogAppId = env.TEAMS_APP_CATALOG_ID?.trim();
  if (!catalogAppId) {
    logger.warn({ event: 'teams-app-installer-off' }, 'TEAMS_APP_CATALOG_ID not set: the app is not installed for recipients without a chat');
    return null;
  }
  const auth = createGraphAppAuth(graphAppCredentialsFromEnv(env));
  const { client } = createGraphConnection({ authProvider: auth.authProvider() });
  return new GraphTeamsAppInstaller(client, catalogAppId, logger);
}
