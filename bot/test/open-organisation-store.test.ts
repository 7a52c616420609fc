import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrganisationStore } from '../src/stores/open-organisation-store.js';
import { GraphOrganisationStore } from '../src/stores/graph/index.js';

describe('choosing the organisation store', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const sqliteFile = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-orgstore-'));
    dirs.push(dir);
    return path.join(dir, 'organisation.db');
  };
  const silent = () => {
    const warnings: unknown[] = [];
    return { warnings, logger: { warn: (d: unknown) => warnings.push(d), info: () => undefined } };
  };

  it('uses the SQLite file in local mode', async () => {
    const { logger, warnings } = silent();
    const opened = await openOrganisationStore({ mode: 'local', env: { SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/weerbaar' }, sqliteFile: sqliteFile(), logger });
    expect(opened.kind).toBe('sqlite');
    expect(warnings).toEqual([]);
    await opened.store.close?.();
  });

  it('uses the SharePoint lists through Graph in production when a site is configured', async () => {
    const { logger } = silent();
    const opened = await openOrganisationStore({
      mode: 'production',
      env: { SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/weerbaar', GRAPH_TENANT_ID: '11111111-1111-4111-8111-111111111111', GRAPH_CLIENT_ID: '22222222-2222-4222-8222-222222222222', GRAPH_CLIENT_SECRET: 'from-key-vault' },
      sqliteFile: sqliteFile(),
      logger,
    });
    expect(opened.kind).toBe('sharepoint');
    expect(opened.store).toBeInstanceOf(GraphOrganisationStore);
  });

  it('refuses a SharePoint site without Graph credentials, naming the variable', async () => {
    const { logger } = silent();
    await expect(
      openOrganisationStore({ mode: 'production', env: { SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/weerbaar' }, sqliteFile: sqliteFile(), logger }),
    ).rejects.toThrow(/GRAPH_TENANT_ID/);
  });

  it('warns in production without a site and keeps the lists in SQLite', async () => {
    const { logger, warnings } = silent();
    const opened = await openOrganisationStore({ mode: 'production', env: {}, sqliteFile: sqliteFile(), logger });
    expect(opened.kind).toBe('sqlite');
    expect(JSON.stringify(warnings)).toContain('SHAREPOINT_SITE_URL');
    await opened.store.close?.();
  });
});
