import type { Client } from '@microsoft/microsoft-graph-client';
import type { CloudAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { AppInstallOutcome, ConversationReferenceRepository } from '@weerbaar/shared';
import { pseudonymiserWithKey } from '../src/crypto/pseudonym.js';
import { createLogger } from '../src/logging.js';
import { ConversationReferences } from '../src/teams/conversation-references.js';
import { GraphTeamsAppInstaller } from '../src/teams/graph-app-installer.js';
import { TeamsTransport } from '../src/teams/teams-transport.js';

const logger = createLogger({ level: 'silent', instanceId: 'test' });

/** Just enough of the Graph client: records api(path).post(body) and answers as told. */
function fakeGraph(answer: () => Promise<unknown>) {
  const calls: { path: string; body: unknown }[] = [];
  const client = { api: (path: string) => ({ post: async (body: unknown) => (calls.push({ path, body }), answer()) }) } as unknown as Client;
  return { client, calls };
}

const noReferences: ConversationReferenceRepository = {
  save: async () => undefined,
  get: async () => undefined,
  delete: async () => undefined,
};

describe('installing the Teams app for a recipient without a chat (production)', () => {
  it('posts the catalog app to the user\'s installed apps and reads 409 as already installed', async () => {
    const installed = fakeGraph(async () => ({}));
    const installer = new GraphTeamsAppInstaller(installed.client, 'catalog-app-id', logger);
    expect(await installer.installFor('tenant', 'oid-mt')).toBe('installed');
    expect(installed.calls).toEqual([
      { path: '/users/oid-mt/teamwork/installedApps', body: { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/catalog-app-id' } },
    ]);
    const conflict = fakeGraph(async () => Promise.reject(Object.assign(new Error('Conflict'), { statusCode: 409 })));
    expect(await new GraphTeamsAppInstaller(conflict.client, 'catalog-app-id', logger).installFor('tenant', 'oid-mt')).toBe('already-installed');
    const forbidden = fakeGraph(async () => Promise.reject(Object.assign(new Error('Forbidden'), { statusCode: 403 })));
    expect(await new GraphTeamsAppInstaller(forbidden.client, 'catalog-app-id', logger).installFor('tenant', 'oid-mt')).toBe('failed');
  });

  it.each<{ install: AppInstallOutcome | null; outcome: unknown }>([
    { install: 'installed', outcome: { kind: 'failed', transient: true } },
    { install: 'already-installed', outcome: { kind: 'failed', transient: true } },
    { install: 'failed', outcome: { kind: 'recipient-gone' } },
    { install: null, outcome: { kind: 'recipient-gone' } },
  ])('the transport retries after installing ($install) and gives the recipient up otherwise', async ({ install, outcome }) => {
    const installs: string[] = [];
    const installer = install === null ? null : { installFor: async (_t: string, oid: string) => (installs.push(oid), install) };
    const references = new ConversationReferences(noReferences, pseudonymiserWithKey(Buffer.alloc(32)));
    const transport = new TeamsTransport({} as CloudAdapter, 'app-id', references, installer);
    expect(await transport.send('tenant', 'oid-deputy', null, { text: 'x', kind: 'signal.new' })).toEqual(outcome);
    expect(installs).toEqual(install === null ? [] : ['oid-deputy']);
  });
});
