import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IItems } from '@pnp/sp/items';
import { parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import {
  ConcurrencyError,
  EDITOR_FIELD_NAME,
  NonIndexedFilterError,
  NotFoundError,
  ORGANISATION_LISTS,
  ValidationError,
  type FieldsFor,
  type ItemOf,
  type ListQuery,
  type ListSpec,
  type OrganisationListName,
  type OrganisationStore,
  type Page
} from '@weerbaar/shared';

/**
 * The organisation store on SharePoint lists through PnPjs, for the web parts. It holds to
 * the port's promises and to the list view threshold: it selects only the spec's columns,
 * filters only on indexed ones (a filter on another column fails on a list above 5,000
 * items), writes with the item's eTag in IF-MATCH, and pages with SharePoint's own
 * `$skiptoken` (the next page starts after the last id), never with `$skip`.
 *
 * Node-testable on purpose: it imports only @pnp/* and @weerbaar/shared, so the contract
 * tests run it against a local server that checks every request (test/contract).
 */
export const PNP_PAGE_SIZE = 500;
/** SharePoint refuses more than 5,000 rows per request. */
const MAX_PAGE_SIZE = 5000;

/** Minimal metadata JSON as SharePoint answers `Accept: application/json`. */
type SpItem = Record<string, unknown> & { Id?: unknown; Created?: unknown; Modified?: unknown; 'odata.etag'?: unknown };

export class PnpOrganisationStore implements OrganisationStore {
  public constructor(private readonly sp: SPFI) {}

  public async list<N extends OrganisationListName>(list: N, query: ListQuery<N> = {}): Promise<Page<ItemOf<N>>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize ?? PNP_PAGE_SIZE)), MAX_PAGE_SIZE);
    let items = this.items(spec).select(...selectedColumns(spec)).expand('Editor').top(pageSize);
    const filter = odataFilter(spec, (query.filter ?? {}) as Record<string, unknown>);
    if (filter) items = items.filter(filter);
    if (query.pageToken) items.query.set('$skiptoken', query.pageToken);
    const page = await items.using(parseBinderWithErrorCheck(parsePage))<ParsedPage>();
    const nextPageToken = page.nextLink ? skipTokenOf(page.nextLink) : undefined;
    const mapped = page.value.map((raw) => itemFromSharePoint<N>(spec, raw));
    return nextPageToken ? { items: mapped, nextPageToken } : { items: mapped };
  }

  /** Every item of a query, following SharePoint's `odata.nextLink` page by page. */
  public async listAllPages<N extends OrganisationListName>(list: N, filter: ListQuery<N>['filter'] = {}): Promise<ItemOf<N>[]> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    let items = this.items(spec).select(...selectedColumns(spec)).expand('Editor').top(PNP_PAGE_SIZE);
    const odata = odataFilter(spec, filter as Record<string, unknown>);
    if (odata) items = items.filter(odata);
    const all: ItemOf<N>[] = [];
    for await (const page of items) {
      for (const raw of page as SpItem[]) all.push(itemFromSharePoint<N>(spec, raw));
    }
    return all;
  }

  public async get<N extends OrganisationListName>(list: N, id: string): Promise<ItemOf<N> | undefined> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const numericId = itemId(id);
    if (numericId === undefined) return undefined;
    try {
      const raw = await this.items(spec).getById(numericId).select(...selectedColumns(spec)).expand('Editor')<SpItem>();
      return itemFromSharePoint<N>(spec, raw);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  public async create<N extends OrganisationListName>(list: N, fields: FieldsFor<N>, editor: string): Promise<ItemOf<N>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const raw = (await this.items(spec).add({ ...specFields(spec, fields), [EDITOR_FIELD_NAME]: editor })) as SpItem;
    return itemFromSharePoint<N>(spec, raw, editor);
  }

  public async update<N extends OrganisationListName>(
    list: N,
    id: string,
    fields: Partial<FieldsFor<N>>,
    ifMatch: string,
    editor: string
  ): Promise<ItemOf<N>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const numericId = itemId(id);
    if (numericId === undefined) throw new NotFoundError('Item niet gevonden (item not found)');
    try {
      // MERGE with IF-MATCH: SharePoint answers 412 when someone saved in between.
      await this.items(spec).getById(numericId).update({ ...specFields(spec, fields), [EDITOR_FIELD_NAME]: editor }, ifMatch);
    } catch (error) {
      throw translated(error);
    }
    const updated = await this.get(list, id);
    if (!updated) throw new NotFoundError('Item niet gevonden (item not found)');
    return updated;
  }

  public async delete<N extends OrganisationListName>(list: N, id: string, ifMatch: string): Promise<void> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const numericId = itemId(id);
    if (numericId === undefined) throw new NotFoundError('Item niet gevonden (item not found)');
    try {
      await this.items(spec).getById(numericId).delete(ifMatch);
    } catch (error) {
      throw translated(error);
    }
  }

  /** Whether the signed-in user may edit items of the list (SharePoint's EditListItems permission). */
  public async canEdit(list: OrganisationListName): Promise<boolean> {
    const permissions = await this.sp.web.lists.getByTitle(ORGANISATION_LISTS[list].title).effectiveBasePermissions<{ Low?: unknown }>();
    const EDIT_LIST_ITEMS_BIT = 1 << 2;
    return (Number(permissions.Low ?? 0) & EDIT_LIST_ITEMS_BIT) !== 0;
  }

  /** The raw versions of one item (newest first, as SharePoint gives them). */
  public async versions(list: OrganisationListName, id: string): Promise<SpItem[]> {
    const numericId = itemId(id);
    if (numericId === undefined) return [];
    return this.items(ORGANISATION_LISTS[list]).getById(numericId).versions<SpItem[]>();
  }

  private items(spec: ListSpec): IItems {
    return this.sp.web.lists.getByTitle(spec.title).items;
  }
}

interface ParsedPage {
  value: SpItem[];
  nextLink: string | undefined;
}

async function parsePage(response: Response): Promise<ParsedPage> {
  const json = (await response.json()) as Record<string, unknown>;
  const nextLink = json['odata.nextLink'];
  return { value: parseODataJSON(json) as SpItem[], nextLink: typeof nextLink === 'string' && nextLink !== '' ? nextLink : undefined };
}

function skipTokenOf(nextLink: string): string | undefined {
  const query = nextLink.indexOf('?') >= 0 ? nextLink.slice(nextLink.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('$skiptoken') ?? undefined;
}

/** The spec's columns, the editor column, and the item's own bookkeeping: nothing else travels. */
export function selectedColumns(spec: ListSpec): string[] {
  return ['Id', 'Created', 'Modified', 'Editor/Title', EDITOR_FIELD_NAME, ...Object.keys(spec.fields)];
}

/** Equality filters on indexed columns only, as the port promises; anything else is refused here first. */
export function odataFilter(spec: ListSpec, filter: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name of Object.keys(filter)) {
    const value = filter[name];
    if (value === undefined) continue;
    const field = spec.fields[name];
    if (!field) throw new ValidationError(`Onbekend veld ${name} in filter (unknown field)`, name);
    if (!field.indexed) throw new NonIndexedFilterError(`Filteren op ${name} kan niet: die kolom is niet geïndexeerd (column is not indexed)`);
    if (typeof value === 'boolean') parts.push(`${name} eq ${value ? 1 : 0}`);
    else if (typeof value === 'number') parts.push(`${name} eq ${value}`);
    else if (typeof value === 'string') parts.push(`${name} eq '${value.replace(/'/g, "''")}'`);
    else throw new ValidationError(`Filterwaarde voor ${name} moet tekst, een getal of ja/nee zijn (invalid filter value)`, name);
  }
  return parts.join(' and ');
}

function specFields(spec: ListSpec, fields: object): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!spec.fields[name]) throw new ValidationError(`Onbekend veld ${name} in lijst ${spec.name} (unknown field)`, name);
    values[name] = value;
  }
  return values;
}

function itemFromSharePoint<N extends OrganisationListName>(spec: ListSpec, raw: SpItem, editor?: string): ItemOf<N> {
  const fields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = raw[name];
    fields[name] = value === undefined ? null : field.type === 'number' && typeof value === 'string' ? Number(value) : value;
  }
  const editorColumn = raw[EDITOR_FIELD_NAME];
  const editorLookup = raw.Editor as { Title?: unknown } | undefined;
  return {
    id: String(raw.Id),
    etag: typeof raw['odata.etag'] === 'string' ? raw['odata.etag'] : '',
    fields: fields as FieldsFor<N>,
    createdAt: String(raw.Created ?? ''),
    modifiedAt: String(raw.Modified ?? ''),
    modifiedBy: typeof editorColumn === 'string' && editorColumn !== '' ? editorColumn : typeof editorLookup?.Title === 'string' ? editorLookup.Title : (editor ?? '')
  };
}

function itemId(id: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : undefined;
}

function statusOf(error: unknown): number | undefined {
  const response = (error as { response?: { status?: unknown }; status?: unknown } | null) ?? {};
  const status = response.status ?? response.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function translated(error: unknown): unknown {
  const status = statusOf(error);
  if (status === 412) return new ConcurrencyError('Het item is intussen door iemand anders gewijzigd (the item changed since it was read)');
  if (status === 404) return new NotFoundError('Item niet gevonden (item not found)');
  return error;
}
