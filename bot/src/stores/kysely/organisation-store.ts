import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  ConcurrencyError,
  NotFoundError,
  ORGANISATION_LISTS,
  type FieldsFor,
  type ItemOf,
  type ListQuery,
  type ListSpec,
  type OrganisationListName,
  type OrganisationStore,
  type Page,
} from '@weerbaar/shared';
import {
  assertRequiredFields,
  checkFilter,
  indexValue,
  validateFieldValues,
  type StoredFields,
} from '../list-item-fields.js';
import type { Database, OrgItemsTable } from './database.js';
import { decodePageToken, encodePageToken } from './page-token.js';

/** SharePoint's default page is 100 items; Graph pages above 200 are not safe to rely on. */
export const DEFAULT_LIST_PAGE_SIZE = 100;
export const MAX_LIST_PAGE_SIZE = 200;

export interface KyselyOrganisationStoreOptions {
  db: Kysely<Database>;
  pageSize?: number;
  now?: () => Date;
}

/**
 * The organisation store on a relational database, holding itself to SharePoint's
 * guarantees (see the port): per-item eTags, paged reads, equality filters on indexed
 * columns only. Transactions are used only within one item (its row and its index
 * values), never across items, because SharePoint has no such thing.
 */
export class KyselyOrganisationStore implements OrganisationStore {
  private readonly db: Kysely<Database>;
  private readonly defaultPageSize: number;
  private readonly now: () => Date;

  constructor(options: KyselyOrganisationStoreOptions) {
    this.db = options.db;
    this.defaultPageSize = clampPageSize(options.pageSize ?? DEFAULT_LIST_PAGE_SIZE);
    this.now = options.now ?? (() => new Date());
  }

  async list<N extends OrganisationListName>(list: N, query: ListQuery<N> = {}): Promise<Page<ItemOf<N>>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const filters = checkFilter(spec, query.filter ?? {});
    const pageSize = query.pageSize === undefined ? this.defaultPageSize : clampPageSize(query.pageSize);
    const [afterId] = query.pageToken ? decodePageToken(query.pageToken, ['number'], 'pageToken') : [0];

    let select = this.db.selectFrom('org_items').selectAll().where('list', '=', list).where('id', '>', afterId);
    for (const [field, value] of filters) {
      select = select.where((eb) =>
        eb.exists(
          eb
            .selectFrom('org_item_values')
            .select('org_item_values.item_id')
            .whereRef('org_item_values.item_id', '=', 'org_items.id')
            .where('org_item_values.list', '=', list)
            .where('org_item_values.field', '=', field)
            .where('org_item_values.value', '=', value),
        ),
      );
    }
    const rows = await select.orderBy('id').limit(pageSize + 1).execute();
    const items = rows.slice(0, pageSize).map((row) => itemFromRow<N>(row));
    const last = rows[pageSize - 1];
    return rows.length > pageSize && last ? { items, nextPageToken: encodePageToken([last.id]) } : { items };
  }

  async get<N extends OrganisationListName>(list: N, id: string): Promise<ItemOf<N> | undefined> {
    const numericId = parseItemId(id);
    if (numericId === undefined) return undefined;
    const row = await this.db
      .selectFrom('org_items')
      .selectAll()
      .where('list', '=', list)
      .where('id', '=', numericId)
      .executeTakeFirst();
    return row ? itemFromRow<N>(row) : undefined;
  }

  async create<N extends OrganisationListName>(list: N, fields: FieldsFor<N>, editor: string): Promise<ItemOf<N>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const values = validateFieldValues(spec, fields);
    assertRequiredFields(spec, values);
    const at = this.now().toISOString();
    const row = await this.db.transaction().execute(async (trx) => {
      const counter = await trx
        .insertInto('org_counters')
        .values({ list, last: 1 })
        .onConflict((oc) => oc.column('list').doUpdateSet((eb) => ({ last: eb('org_counters.last', '+', 1) })))
        .returning('last')
        .executeTakeFirstOrThrow();
      const inserted = await trx
        .insertInto('org_items')
        .values({
          list,
          id: counter.last,
          etag: randomUUID(),
          fields: JSON.stringify(values),
          created_at: at,
          modified_at: at,
          modified_by: editor,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeIndexValues(trx, spec, list, counter.last, values);
      return inserted;
    });
    return itemFromRow<N>(row);
  }

  async update<N extends OrganisationListName>(
    list: N,
    id: string,
    fields: Partial<FieldsFor<N>>,
    ifMatch: string,
    editor: string,
  ): Promise<ItemOf<N>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const current = await this.get(list, id);
    if (!current) throw notFound();
    if (current.etag !== ifMatch) throw stale();
    const merged: StoredFields = {
      ...(current.fields as StoredFields),
      ...validateFieldValues(spec, fields),
    };
    assertRequiredFields(spec, merged);
    const numericId = Number(current.id);
    const row = await this.db.transaction().execute(async (trx) => {
      // Compare-and-set on the eTag: a writer that raced us since our read loses here.
      const updated = await trx
        .updateTable('org_items')
        .set({ fields: JSON.stringify(merged), etag: randomUUID(), modified_at: this.now().toISOString(), modified_by: editor })
        .where('list', '=', list)
        .where('id', '=', numericId)
        .where('etag', '=', ifMatch)
        .returningAll()
        .executeTakeFirst();
      if (!updated) return undefined;
      await trx.deleteFrom('org_item_values').where('list', '=', list).where('item_id', '=', numericId).execute();
      await writeIndexValues(trx, spec, list, numericId, merged);
      return updated;
    });
    if (row) return itemFromRow<N>(row);
    throw (await this.get(list, id)) ? stale() : notFound();
  }

  async delete<N extends OrganisationListName>(list: N, id: string, ifMatch: string): Promise<void> {
    const numericId = parseItemId(id);
    if (numericId === undefined) throw notFound();
    // Index values go with the item (foreign key ON DELETE CASCADE).
    const deleted = await this.db
      .deleteFrom('org_items')
      .where('list', '=', list)
      .where('id', '=', numericId)
      .where('etag', '=', ifMatch)
      .returning('id')
      .executeTakeFirst();
    if (deleted) return;
    throw (await this.get(list, id)) ? stale() : notFound();
  }
}

async function writeIndexValues(
  db: Kysely<Database>,
  spec: ListSpec,
  list: string,
  itemId: number,
  fields: StoredFields,
): Promise<void> {
  const rows = Object.entries(spec.fields).flatMap(([field, fieldSpec]) => {
    const value = fields[field];
    return fieldSpec.indexed && value !== undefined && value !== null
      ? [{ list, item_id: itemId, field, value: indexValue(value) }]
      : [];
  });
  if (rows.length > 0) await db.insertInto('org_item_values').values(rows).execute();
}

function itemFromRow<N extends OrganisationListName>(row: Selectable<OrgItemsTable>): ItemOf<N> {
  return {
    id: String(row.id),
    etag: row.etag,
    fields: JSON.parse(row.fields) as FieldsFor<N>,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    modifiedBy: row.modified_by,
  };
}

function parseItemId(id: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : undefined;
}

function clampPageSize(size: number): number {
  return Math.min(Math.max(1, Math.floor(size)), MAX_LIST_PAGE_SIZE);
}

function notFound(): NotFoundError {
  return new NotFoundError('Item niet gevonden (item not found)');
}

function stale(): ConcurrencyError {
  return new ConcurrencyError('Het item is intussen door iemand anders gewijzigd (the item changed since it was read)');
}
