import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EDITOR_FIELD_NAME,
  NonIndexedFilterError,
  ORGANISATION_LISTS,
  indexedFields,
  provisionedFields,
  type FieldsFor,
} from '@weerbaar/shared';
import { describeOrganisationStoreContract } from '../../shared/test/contracts/organisation-store.contract.js';
import { createGraphAppAuth } from '../../bot/src/auth/graph-app-auth.js';
import { provisionSite } from '../../bot/src/provision/provision.js';
import { GraphRequestError } from '../../bot/src/stores/graph/graph-responses.js';
import { startGraphHarness, type GraphHarness } from './graph-harness.js';
import { makeTestCertificates } from './graph-test-tls.js';

/**
 * The Graph adapter against the local HTTPS Graph test server: the same contract suite as
 * the SQLite adapter, then what only Graph has (throttling, tokens), then a check over
 * every request this file made that the adapter selected only the spec's columns, filtered
 * only indexed ones and always sent its eTag.
 */
let harness: GraphHarness;

beforeAll(async () => {
  harness = await startGraphHarness();
  await provisionSite(harness.target(), { specs: Object.values(ORGANISATION_LISTS), dryRun: false, print: () => {} });
  harness.server.requests.length = 0;
});
afterAll(async () => {
  await harness.close();
});

describeOrganisationStoreContract('Graph adapter on SharePoint lists (HTTPS Graph test server)', async () => ({
  store: harness.store(),
  cleanup: async () => {},
}));

const department = (title: string): FieldsFor<'departments'> => ({
  Title: title,
  MunicipalityCode: '0153',
  HeadUpn: `hoofd-${title}@enschede.example`,
  AddedOn: '2026-02-02T09:30:00.000Z',
  Active: true,
});

describe('Graph organisation store: what only Graph has', () => {
  it.each([
    { status: 429 as const, retryAfterSeconds: 1 },
    { status: 503 as const, retryAfterSeconds: 2 },
  ])('waits out a $status with Retry-After $retryAfterSeconds s and then succeeds', { timeout: 20_000 }, async ({ status, retryAfterSeconds }) => {
    const store = harness.store();
    await store.list('departments', { pageSize: 1 }); // resolve site and list ids first
    const before = harness.server.requests.length;

    harness.server.throttleNext(1, { status, retryAfterSeconds });
    const started = Date.now();
    const created = await store.create('departments', department(`throttled-${status}`), 'beheerder@enschede.example');

    expect(Date.now() - started).toBeGreaterThanOrEqual(retryAfterSeconds * 1000);
    expect(created.fields.Title).toBe(`throttled-${status}`);
    const attempts = harness.server.requests.slice(before).filter((r) => r.method === 'POST' && r.path.endsWith('/items'));
    expect(attempts.map((r) => r.status)).toEqual([status, 201]);
  });

  it('retries a read after a 504, but not a create that may already have been carried out', { timeout: 20_000 }, async () => {
    const store = harness.store();
    const created = await store.create('departments', department('gateway'), 'beheerder@enschede.example');
    harness.server.throttleNext(1, { status: 504, retryAfterSeconds: 1 });
    expect((await store.get('departments', created.id))?.fields.Title).toBe('gateway');

    const before = harness.server.requests.length;
    harness.server.throttleNext(1, { status: 504, retryAfterSeconds: 1 });
    await expect(store.create('departments', department('gateway-2'), 'beheerder@enschede.example')).rejects.toMatchObject({ status: 504 });
    expect(harness.server.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 504']);
  });

  it('keeps paging correct when a page request is throttled', { timeout: 20_000 }, async () => {
    const store = harness.store();
    for (let n = 0; n < 3; n += 1) {
      await store.create('departments', { ...department(`paged-${n}`), HeadUpn: 'paged@enschede.example' }, 'beheerder@enschede.example');
    }
    const first = await store.list('departments', { filter: { HeadUpn: 'paged@enschede.example' }, pageSize: 2 });
    harness.server.throttleNext(1, { retryAfterSeconds: 1 });
    const second = await store.list('departments', { filter: { HeadUpn: 'paged@enschede.example' }, pageToken: first.nextPageToken });

    expect([...first.items, ...second.items].map((i) => i.fields.Title)).toEqual(['paged-0', 'paged-1', 'paged-2']);
    expect(second.nextPageToken).toBeUndefined();
  });

  it('answers 401 to a request without a bearer token, and the adapter reports it without retrying', async () => {
    const url = `${harness.server.origin}/v1.0/sites/${harness.server.site.id}/lists`;
    const bare = await fetch(url, { dispatcher: harness.dispatcher } as RequestInit);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });

    const before = harness.server.requests.length;
    const unauthenticated = harness.store({ graph: harness.connect({ getAccessToken: async () => '' }) });
    const failure = await unauthenticated.list('departments').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphRequestError);
    expect(failure).toMatchObject({ status: 401 });
    expect(harness.server.requests.slice(before).map((r) => r.status)).toEqual([401]);
  });

  it('fails clearly, before any list request, when the tenant does not know the certificate', async () => {
    const stranger = makeTestCertificates();
    try {
      const auth = createGraphAppAuth({
        tenantId: harness.server.app.tenantId,
        clientId: harness.server.app.clientId,
        certificate: { certificatePem: stranger.appCertPem, privateKeyPem: stranger.appKeyPem },
        authorityHost: harness.server.origin,
        agentOptions: { ca: harness.server.certificates.caPem },
      });
      const before = harness.server.requests.length;
      await expect(harness.store({ graph: harness.connect(auth.authProvider()) }).list('departments')).rejects.toThrow(/geen token/i);
      expect(harness.server.requests.slice(before).filter((r) => r.path.startsWith('/v1.0/'))).toEqual([]);
    } finally {
      stranger.remove();
    }
  });

  it('refuses the app on a site it holds no Sites.Selected grant for', async () => {
    harness.server.grant(harness.server.app.clientId, undefined);
    try {
      await expect(harness.store().list('departments')).rejects.toMatchObject({ status: 403 });
    } finally {
      harness.server.grant(harness.server.app.clientId, 'manage');
    }
  });

  it('works with the write grant the service keeps after provisioning', async () => {
    harness.server.grant(harness.server.app.clientId, 'write');
    try {
      const store = harness.store();
      const created = await store.create('departments', department('met-write'), 'beheerder@enschede.example');
      await store.delete('departments', created.id, created.etag);
    } finally {
      harness.server.grant(harness.server.app.clientId, 'manage');
    }
  });

  it('shows a change made in SharePoint by a person as made by that person', async () => {
    const store = harness.store();
    const created = await store.create('departments', department('in-sharepoint'), 'beheerder@enschede.example');
    const list = harness.server.site.lists.find((l) => l.displayName === ORGANISATION_LISTS.departments.title);
    const item = list?.items.get(Number(created.id));
    if (!item) throw new Error('item not on the server');
    item.modifiedBy = { user: { displayName: 'Functioneel beheerder', email: 'fb@enschede.example' } };
    expect((await store.get('departments', created.id))?.modifiedBy).toBe('fb@enschede.example');
  });

  it('looks the site and each list up once per store instance', async () => {
    const before = harness.server.requests.length;
    const store = harness.store();
    const created = await store.create('departments', department('eenmaal'), 'beheerder@enschede.example');
    await store.get('departments', created.id);
    await store.list('departments', { filter: { HeadUpn: 'hoofd-eenmaal@enschede.example' } });
    await store.list('roleAssignments', { pageSize: 1 });
    await store.delete('departments', created.id, created.etag);

    const lookups = harness.server.requests.slice(before).filter((r) => !r.path.includes('/items'));
    expect(lookups.map((r) => r.path)).toEqual([
      expect.stringMatching(/:\/sites\/weerbaar$/),
      expect.stringMatching(/\/lists\/WT_Afdelingen$/),
      expect.stringMatching(/\/lists\/WT_Rollen$/),
    ]);
  });

  it('refuses a page token that points anywhere but this list', async () => {
    const foreign = Buffer.from(JSON.stringify(['departments', 'https://elders.example/v1.0/steal'])).toString('base64url');
    await expect(harness.store().list('departments', { pageToken: foreign })).rejects.toMatchObject({ field: 'pageToken' });
  });

  it('asked msal for a token once per audience, however many requests it made', () => {
    expect(harness.server.tokens.tokensIssued).toBeLessThanOrEqual(2);
  });

  it('selected only spec columns, filtered only indexed columns and sent If-Match on every change', () => {
    const spec = ORGANISATION_LISTS.departments;
    const itemRequests = harness.server.requests.filter((r) => /\/items(\/\d+)?(\/fields)?$/.test(r.path));
    expect(itemRequests.length).toBeGreaterThan(600);
    const allowedColumns = new Set(Object.values(ORGANISATION_LISTS).flatMap((s) => Object.keys(provisionedFields(s))));
    const indexed = new Set(Object.values(ORGANISATION_LISTS).flatMap((s) => indexedFields(s)));

    for (const request of itemRequests) {
      expect(request.prefer ?? '').not.toContain('HonorNonIndexedQueriesWarningMayFailRandomly');
      if (request.method === 'GET') {
        const expand = /^fields\(\$select=([^)]*)\)$/.exec(request.query.$expand ?? '');
        expect(expand, `${request.path} expands fields with $select`).not.toBeNull();
        for (const column of expand?.[1]?.split(',') ?? []) expect(allowedColumns).toContain(column);
        for (const [, column] of (request.query.$filter ?? '').matchAll(/fields\/(\w+) eq/g)) expect(indexed).toContain(column);
        expect(Number(request.query.$top ?? 0)).toBeLessThanOrEqual(200);
      }
      if (request.method === 'PATCH' || request.method === 'DELETE') expect(request.ifMatch).toMatch(/^"[0-9a-f-]{36},\d+"$/);
    }
    const departmentsListId = harness.server.site.lists.find((l) => l.displayName === spec.title)?.id ?? 'missing';
    const departmentsSelect = itemRequests.find((r) => r.method === 'GET' && r.path.includes(departmentsListId))?.query.$expand;
    expect(departmentsSelect).toBe(`fields($select=${[...Object.keys(spec.fields), EDITOR_FIELD_NAME].join(',')})`);
  });
});

// After the audit above on purpose: these requests break the rules to see the server refuse them.
describe('the Graph test server holds clients to the real API', () => {
  const itemsPath = () => {
    const list = harness.server.site.lists.find((l) => l.displayName === ORGANISATION_LISTS.departments.title);
    return `/sites/${harness.server.site.id}/lists/${list?.id ?? 'missing'}/items`;
  };
  const get = (query: string, prefer?: string) => {
    const request = harness.graph.client.api(`${itemsPath()}?${query}`);
    return (prefer ? request.header('Prefer', prefer) : request).get() as Promise<unknown>;
  };
  const titleFilter = `$filter=${encodeURIComponent("fields/Title eq 'Burgerzaken'")}`;

  it('refuses a filter on a non-indexed column unless the caller accepts random failures', async () => {
    await expect(get(`$expand=fields&${titleFilter}`)).rejects.toMatchObject({ statusCode: 400 });
    await expect(get(`$expand=fields&${titleFilter}`, 'HonorNonIndexedQueriesWarningMayFailRandomly')).resolves.toMatchObject({ value: expect.any(Array) });
  });

  it('serves at most 200 items per page with a nextLink, and only the selected fields', async () => {
    const page = (await get(`$top=1000&$expand=${encodeURIComponent('fields($select=Title)')}`)) as {
      value: { fields: Record<string, unknown> }[];
      '@odata.nextLink'?: string;
    };
    expect(page.value).toHaveLength(200);
    expect(page['@odata.nextLink']).toContain('$skiptoken=');
    expect(new Set(page.value.flatMap((item) => Object.keys(item.fields)))).toEqual(new Set(['@odata.etag', 'Title']));
  });

  it('answers 412 to a change with a stale If-Match', async () => {
    const created = await harness.store().create('departments', department('stale'), 'beheerder@enschede.example');
    await harness.store().update('departments', created.id, { Title: 'nieuw' }, created.etag, 'beheerder@enschede.example');
    await expect(
      harness.graph.client.api(`${itemsPath()}/${created.id}/fields`).header('If-Match', created.etag).patch({ Title: 'oud' }),
    ).rejects.toMatchObject({ statusCode: 412 });
  });

  it('makes the adapter report a column the site has not indexed (provisioning behind) as a refused filter', async () => {
    const head = harness.server.site.lists
      .find((l) => l.displayName === ORGANISATION_LISTS.departments.title)
      ?.columns.find((c) => c.name === 'HeadUpn');
    if (!head) throw new Error('column missing');
    head.indexed = false;
    try {
      await expect(harness.store().list('departments', { filter: { HeadUpn: 'x@enschede.example' } })).rejects.toBeInstanceOf(NonIndexedFilterError);
    } finally {
      head.indexed = true;
    }
  });
});
