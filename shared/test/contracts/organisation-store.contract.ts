import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, NonIndexedFilterError, NotFoundError, ValidationError } from '../../src/domain/errors.js';
import type { FieldsFor, ListQuery, OrganisationStore } from '../../src/ports/organisation-store.js';

export interface OrganisationStoreFixture {
  store: OrganisationStore;
  cleanup(): Promise<void>;
}

/**
 * The organisation-store contract: what every adapter (SQLite now, Graph against a
 * SharePoint test server later) must do, and nothing SharePoint cannot do. Each test
 * tags its items with a unique marker in an indexed column and only looks at those, so
 * the suite also runs against a list that holds other items. Nothing here relies on
 * atomicity across items or on the order of items within a result.
 */
export function describeOrganisationStoreContract(
  name: string,
  makeStore: () => Promise<OrganisationStoreFixture>,
): void {
  describe(`OrganisationStore contract: ${name}`, () => {
    let fixture: OrganisationStoreFixture;
    let store: OrganisationStore;
    let marker: string;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
      marker = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    const editor = 'beheerder@hengelo.example';
    const department = (overrides: Partial<FieldsFor<'departments'>> = {}): FieldsFor<'departments'> => ({
      Title: 'Burgerzaken',
      MunicipalityCode: '0164',
      HeadUpn: `hoofd-${marker}@hengelo.example`,
      AddedOn: '2026-01-05T08:00:00.000Z',
      Active: true,
      ...overrides,
    });
    const ownItems = (filter: ListQuery<'departments'>['filter'] = {}): ListQuery<'departments'> => ({
      filter: { HeadUpn: `hoofd-${marker}@hengelo.example`, ...filter },
    });

    it('creates an item and reads the same item back by id', async () => {
      const created = await store.create('departments', department({ DeputyHeadUpn: null }), editor);
      expect(created.id).toBeTruthy();
      expect(created.etag).toBeTruthy();
      expect(created.modifiedBy).toBe(editor);
      expect(created.fields).toMatchObject({ Title: 'Burgerzaken', MunicipalityCode: '0164', Active: true });

      const read = await store.get('departments', created.id);
      expect(read).toEqual(created);
    });

    it('merges an update into the item, gives it a new eTag and records the editor', async () => {
      const created = await store.create('departments', department(), editor);
      const updated = await store.update('departments', created.id, { Title: 'Publiekszaken' }, created.etag, 'ander@hengelo.example');

      expect(updated.etag).not.toBe(created.etag);
      expect(updated.fields.Title).toBe('Publiekszaken');
      expect(updated.fields.MunicipalityCode).toBe('0164');
      expect(updated.modifiedBy).toBe('ander@hengelo.example');
      expect(await store.get('departments', created.id)).toEqual(updated);
    });

    it('refuses an update with a stale eTag and keeps the newer change', async () => {
      const created = await store.create('departments', department(), editor);
      const first = await store.update('departments', created.id, { Title: 'Eerste wijziging' }, created.etag, editor);

      await expect(
        store.update('departments', created.id, { Title: 'Verouderde wijziging' }, created.etag, editor),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.get('departments', created.id))?.fields.Title).toBe(first.fields.Title);
    });

    it('refuses a delete with a stale eTag, and deletes with the current one', async () => {
      const created = await store.create('departments', department(), editor);
      const updated = await store.update('departments', created.id, { Active: false }, created.etag, editor);

      await expect(store.delete('departments', created.id, created.etag)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.get('departments', created.id)).toBeDefined();

      await store.delete('departments', created.id, updated.etag);
      expect(await store.get('departments', created.id)).toBeUndefined();
    });

    it('answers an unknown id with nothing on read and NotFound on change', async () => {
      const created = await store.create('departments', department(), editor);
      await store.delete('departments', created.id, created.etag);

      expect(await store.get('departments', created.id)).toBeUndefined();
      await expect(store.update('departments', created.id, { Title: 'x' }, created.etag, editor)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.delete('departments', created.id, created.etag)).rejects.toBeInstanceOf(NotFoundError);
    });

    it.each([
      { field: 'Title', fields: { MunicipalityCode: '0164', AddedOn: '2026-01-05T08:00:00.000Z', Active: true } },
      { field: 'Active', fields: { Title: 'Burgerzaken', MunicipalityCode: '0164', AddedOn: '2026-01-05T08:00:00.000Z' } },
    ])('refuses an item without required field $field, naming it', async ({ field, fields }) => {
      const incomplete = fields as unknown as FieldsFor<'departments'>;
      await expect(store.create('departments', incomplete, editor)).rejects.toMatchObject({ field });
      await expect(store.create('departments', incomplete, editor)).rejects.toBeInstanceOf(ValidationError);
    });

    it('refuses a choice value outside the column choices, naming the field', async () => {
      const fields = {
        Title: 'Rol',
        MunicipalityCode: '0164',
        Role: 'burgemeester-van-alles',
        PersonUpn: `persoon-${marker}@hengelo.example`,
      } as unknown as FieldsFor<'roleAssignments'>;
      await expect(store.create('roleAssignments', fields, editor)).rejects.toMatchObject({ field: 'Role' });
    });

    it('filters with equality on indexed columns, combining filters with AND', async () => {
      const active = await store.create('departments', department({ Title: 'Actief' }), editor);
      const inactive = await store.create('departments', department({ Title: 'Opgeheven', Active: false }), editor);
      await store.create('departments', department({ HeadUpn: `iemand-anders-${marker}@hengelo.example` }), editor);

      const mine = await store.list('departments', ownItems());
      expect(mine.items.map((i) => i.id).sort()).toEqual([active.id, inactive.id].sort());

      const onlyActive = await store.list('departments', ownItems({ Active: true }));
      expect(onlyActive.items.map((i) => i.id)).toEqual([active.id]);
    });

    it('refuses a filter on a column that is not indexed', async () => {
      const notIndexed = { Title: 'Burgerzaken' } as unknown as ListQuery<'departments'>['filter'];
      await expect(store.list('departments', { filter: notIndexed })).rejects.toBeInstanceOf(NonIndexedFilterError);
    });

    it('pages through 450 items in pages of at most 200, each item exactly once', { timeout: 180_000 }, async () => {
      const created = new Set<string>();
      for (let n = 0; n < 450; n += 1) {
        created.add((await store.create('departments', department({ Title: `Afdeling ${n}` }), editor)).id);
      }
      const seen: string[] = [];
      let pageToken: string | undefined;
      let pages = 0;
      do {
        const page = await store.list('departments', { ...ownItems(), pageSize: 200, ...(pageToken ? { pageToken } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(200);
        seen.push(...page.items.map((i) => i.id));
        pageToken = page.nextPageToken;
        pages += 1;
      } while (pageToken);

      expect(pages).toBe(3);
      expect(seen).toHaveLength(450);
      expect(new Set(seen)).toEqual(created);
    });

    it('caps a page at 200 items even when a larger page is asked for', { timeout: 120_000 }, async () => {
      for (let n = 0; n < 205; n += 1) await store.create('departments', department({ Title: `Afdeling ${n}` }), editor);
      const page = await store.list('departments', { ...ownItems(), pageSize: 1000 });
      expect(page.items.length).toBeLessThanOrEqual(200);
      expect(page.nextPageToken).toBeDefined();
    });
  });
}
