import type { FieldsOf, IndexedFieldOf } from '../lists/define-list.js';
import type { OrganisationListName, OrganisationLists } from '../lists/organisation-lists.js';

/**
 * The organisation store promises exactly what a SharePoint list gives, no more:
 * - per-item eTags, and an update or delete with a stale eTag fails (ConcurrencyError);
 * - no atomicity across items: callers order their writes so a crash leaves a usable state;
 * - reads are paged (a page holds at most `pageSize` items; follow `nextPageToken`);
 * - filters are equality tests on indexed columns only (NonIndexedFilterError otherwise).
 * The SQLite adapter enforces the same rules so nothing comes to rely on more.
 */
export interface ListItem<F> {
  id: string;
  etag: string;
  fields: F;
  createdAt: string;
  modifiedAt: string;
  /** UPN or app id that made the last change (SharePoint's Editor). */
  modifiedBy: string;
}

export type ItemOf<N extends OrganisationListName> = ListItem<FieldsOf<OrganisationLists[N]>>;
export type FieldsFor<N extends OrganisationListName> = FieldsOf<OrganisationLists[N]>;

export interface ListQuery<N extends OrganisationListName> {
  /** Equality filters, combined with AND, on indexed fields only. */
  filter?: Partial<Record<IndexedFieldOf<OrganisationLists[N]>, string | number | boolean>>;
  /** Page size; adapters cap it (Graph: 200 per page is the safe size). */
  pageSize?: number;
  pageToken?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque token for the next page; absent on the last page. */
  nextPageToken?: string;
}

export interface OrganisationStore {
  list<N extends OrganisationListName>(list: N, query?: ListQuery<N>): Promise<Page<ItemOf<N>>>;
  get<N extends OrganisationListName>(list: N, id: string): Promise<ItemOf<N> | undefined>;
  create<N extends OrganisationListName>(list: N, fields: FieldsFor<N>, editor: string): Promise<ItemOf<N>>;
  /** Merges `fields` into the item when `ifMatch` equals its current eTag. */
  update<N extends OrganisationListName>(
    list: N,
    id: string,
    fields: Partial<FieldsFor<N>>,
    ifMatch: string,
    editor: string,
  ): Promise<ItemOf<N>>;
  delete<N extends OrganisationListName>(list: N, id: string, ifMatch: string): Promise<void>;
}

/** Reads every page of a query; for small lists (departments, roles) only. */
export async function listAll<N extends OrganisationListName>(
  store: OrganisationStore,
  list: N,
  query: Omit<ListQuery<N>, 'pageToken'> = {},
): Promise<ItemOf<N>[]> {
  const items: ItemOf<N>[] = [];
  let pageToken: string | undefined;
  do {
    const page = await store.list(list, { ...query, pageToken });
    items.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return items;
}
