import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NonIndexedFilterError, ORGANISATION_LISTS, indexedFields, newChecklistFields, type OrganisationListName } from '@weerbaar/shared';
import { PnpChecklistService } from '../../spfx/src/services/PnpChecklistService.js';
import { PnpOrganisationStore } from '../../spfx/src/services/PnpOrganisationStore.js';
import { spfiAt } from '../../spfx/src/services/pnpAtUrl.js';
import { LIST_VIEW_THRESHOLD, startSharePointRestServer, type SharePointRestServer } from './sharepoint-rest-server.js';

const BORNE = '0147';

/**
 * The web parts' PnPjs adapter against a local SharePoint REST server that checks what it
 * receives: selected columns, filters on indexed columns only, the eTag on every update,
 * and paging past the 5,000-item list view threshold.
 */
describe('the PnPjs checklist adapter against SharePoint REST', () => {
  let server: SharePointRestServer;
  let checklist: PnpChecklistService;
  const itemRequests = () => server.requests.filter((r) => r.path.includes('/items'));
  const refused = () => server.requests.filter((r) => r.status >= 400);

  beforeEach(async () => {
    server = await startSharePointRestServer();
    checklist = new PnpChecklistService(spfiAt(server.siteUrl), {
      municipalityCode: BORNE,
      editorUpn: 'Miriam.Hulshof@borne.example',
      signalChannelLive: async () => true,
      now: () => new Date('2027-01-10T10:00:00Z'),
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('reads the 20 items with only the spec columns selected and filters on indexed columns only', async () => {
    const read = await checklist.read();
    expect(read.items).toHaveLength(20);
    expect(read.canEdit).toBe(true);
    expect(refused()).toEqual([]);
    for (const request of itemRequests().filter((r) => r.method === 'GET')) {
      const listTitle = /getByTitle\('([^']+)'\)/.exec(request.path)?.[1];
      const spec = Object.values(ORGANISATION_LISTS).find((s) => s.title === listTitle)!;
      const allowed = new Set(['Id', 'Created', 'Modified', 'Editor/Title', 'WT_EditorUpn', ...Object.keys(spec.fields)]);
      if (request.path.endsWith('/versions')) continue;
      expect(request.query.$select?.split(',').every((c) => allowed.has(c)), request.path).toBe(true);
      for (const [, field] of (request.query.$filter ?? '').matchAll(/(\w+) eq /g)) {
        expect(indexedFields(spec), `${listTitle}: ${field}`).toContain(field);
      }
    }
    // Every requirement item was created once, as "onbekend", with the editor column filled.
    const stored = [...server.list('checklist').items.values()];
    expect(stored).toHaveLength(20);
    expect(stored.every((item) => item.fields.Status === 'onbekend')).toBe(true);
  });

  it('derives 1a from the lists, 1c from the role assignments and 2b from the live channel', async () => {
    const at = '2026-12-01T00:00:00Z';
    const departments = server.list('departments');
    const one = departments.add({ Title: 'Financiën', MunicipalityCode: BORNE, AddedOn: at, Active: true }, 'seed', at);
    departments.add({ Title: 'Sociaal Domein', MunicipalityCode: BORNE, AddedOn: at, Active: true }, 'seed', at);
    server.list('agendaRegistrations').add(
      { Title: 'Besproken', MunicipalityCode: BORNE, DepartmentId: String(one.id), Kind: 'besproken', Date: '2026-11-20T00:00:00Z', RecordedBy: 'x', Source: 'webonderdeel', SubmissionKey: 'k1' },
      'seed',
      at,
    );
    server.list('roleAssignments').add({ Title: 'mt', MunicipalityCode: BORNE, Role: 'mt-contact', PersonUpn: 'miriam.hulshof@borne.example' }, 'seed', at);
    const items = (await checklist.read()).items;
    expect(items.find((i) => i.requirementId === '1a')).toMatchObject({ status: 'deels', derived: { source: 'agenda-registrations' } });
    expect(items.find((i) => i.requirementId === '1c')).toMatchObject({ status: 'voldaan', derived: { source: 'mt-contact-configured' } });
    expect(items.find((i) => i.requirementId === '2b')).toMatchObject({ status: 'voldaan', derived: { source: 'signal-channel-live' } });
    expect(refused()).toEqual([]);
  });

  it("updates with the item's eTag in IF-MATCH, refuses a stale one (412), and reads the history from the versions", async () => {
    const item = (await checklist.read()).items.find((i) => i.requirementId === '3d')!;
    const saved = await checklist.update('3d', item.etag, { status: 'deels', explanation: 'Beleid uit 2019, herziening loopt.' });
    expect(saved).toMatchObject({ status: 'deels', explanation: 'Beleid uit 2019, herziening loopt.' });
    const merge = server.requests.filter((r) => r.tunnelled === 'MERGE');
    expect(merge).toHaveLength(1);
    expect(merge[0]?.ifMatch).toBe(item.etag);

    // The service sees the stale eTag itself; had it raced another save, SharePoint refuses the MERGE.
    await expect(checklist.update('3d', item.etag, { status: 'voldaan' })).rejects.toMatchObject({ code: 'precondition-failed' });
    const store = new PnpOrganisationStore(spfiAt(server.siteUrl));
    const itemId = [...server.list('checklist').items.values()].find((i) => i.fields.RequirementId === '3d')!.id;
    await expect(store.update('checklist', String(itemId), { Status: 'voldaan' }, item.etag, 'x@borne.example')).rejects.toMatchObject({ code: 'precondition-failed' });
    expect(server.requests.filter((r) => r.tunnelled === 'MERGE').at(-1)).toMatchObject({ status: 412, ifMatch: item.etag });
    expect((await checklist.read()).items.find((i) => i.requirementId === '3d')?.status).toBe('deels');

    await checklist.update('3d', saved.etag, { owner: 'Noor Olthof' });
    const history = await checklist.history('3d');
    expect(history.entries.map((e) => e.changes.map((c) => c.field))).toEqual([['owner'], ['status', 'explanation']]);
    expect(history.entries[1]?.changes[0]).toEqual({ field: 'status', from: 'onbekend', to: 'deels' });
    expect(history.entries[0]?.changedBy).toBe('miriam.hulshof@borne.example');
  });

  it('refuses bad input before any request that writes', async () => {
    const item = (await checklist.read()).items.find((i) => i.requirementId === '4a')!;
    const writesBefore = server.requests.filter((r) => r.method === 'POST').length;
    await expect(checklist.update('4a', item.etag, { status: 'half' as never })).rejects.toMatchObject({ field: 'status' });
    await expect(checklist.update('4a', item.etag, { evidence: [{ title: 'Eed', url: 'javascript:alert(1)' }] })).rejects.toMatchObject({ field: 'evidence.0.url' });
    await expect(checklist.update('9q' as never, item.etag, { status: 'voldaan' })).rejects.toMatchObject({ field: 'requirementId' });
    expect(server.requests.filter((r) => r.method === 'POST').length).toBe(writesBefore);
  });

  it('shows no edit when SharePoint grants no EditListItems', async () => {
    server.setCanEdit(false);
    expect((await checklist.read()).canEdit).toBe(false);
  });

  describe('past the 5,000-item list view threshold', () => {
    const fill = (count: number) => {
      const list = server.list('checklist');
      for (let n = 0; n < count; n += 1) list.add(newChecklistFields(String(1000 + (n % 50)).padStart(4, '0'), '2a'), 'seed', '2026-01-01T00:00:00Z');
    };

    it('still reads a municipality by its indexed column, and pages every item with $skiptoken', async () => {
      fill(LIST_VIEW_THRESHOLD + 150);
      expect((await checklist.read()).items).toHaveLength(20);
      const store = new PnpOrganisationStore(spfiAt(server.siteUrl));
      const all = await store.listAllPages('checklist');
      expect(all).toHaveLength(LIST_VIEW_THRESHOLD + 170);
      expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
      expect(server.requests.filter((r) => r.query.$skiptoken?.startsWith('Paged=TRUE&p_ID=')).length).toBeGreaterThanOrEqual(10);

      const first = await store.list('checklist', { pageSize: LIST_VIEW_THRESHOLD });
      expect(first.items).toHaveLength(LIST_VIEW_THRESHOLD);
      expect(first.nextPageToken).toBe(`Paged=TRUE&p_ID=${first.items.at(-1)?.id}`);
      const second = await store.list('checklist', { pageSize: LIST_VIEW_THRESHOLD, pageToken: first.nextPageToken });
      expect(second.items).toHaveLength(170);
      expect(second.nextPageToken).toBeUndefined();
      expect(refused()).toEqual([]);
    });

    it('refuses a filter on a column that is not indexed, as SharePoint does above the threshold', async () => {
      fill(LIST_VIEW_THRESHOLD + 1);
      const store = new PnpOrganisationStore(spfiAt(server.siteUrl));
      const before = server.requests.length;
      await expect(store.list('checklist' as OrganisationListName, { filter: { Status: 'voldaan' } as never })).rejects.toBeInstanceOf(NonIndexedFilterError);
      expect(server.requests.length).toBe(before);
      // What SharePoint itself answers, had the adapter sent it.
      const raw = spfiAt(server.siteUrl).web.lists.getByTitle(ORGANISATION_LISTS.checklist.title).items.select('Id', 'Status').filter("Status eq 'voldaan'");
      await expect(raw()).rejects.toThrow(/exceeds the list view threshold/);
      expect(server.requests.at(-1)?.status).toBe(500);
    });
  });
});
