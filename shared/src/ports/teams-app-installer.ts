/**
 * Installs the Teams app for a person the bot has never talked to, so a proactive
 * message can reach them. Production only (Microsoft Graph); locally there is nobody to
 * install for, and the outbox reports such a recipient so the app admin is told.
 */
export type AppInstallOutcome = 'installed' | 'already-installed' | 'failed';

export interface TeamsAppInstaller {
  installFor(tenantId: string, userObjectId: string): Promise<AppInstallOutcome>;
}
