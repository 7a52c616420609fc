import {
  ConcurrencyError,
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
  type Page,
} from '@weerbaar/shared';
import { decodePageToken, encodePageToken } from '../kysely/page-token.js';
import { assertRequiredFields, validateFieldValues } from '../list-item-fields.js';
import type { GraphConnection } from './graph-client.js';
import {
  collectionSchema,
  describeFailure,
  fieldValueSetSchema,
  listItemSchema,
  parseGraph,
  statusOf,
} from './graph-responses.js';
import { GraphSite, type SiteReference } from './graph-site.js';
import { itemFromFieldValueSet, itemFromGraph, selectedColumns, toGraphFields } from './item-mapping.js';
import { ITEM_PROPERTIES, expandFields, itemsFilter, queryString } from './odata.js';

/** Graph serves list items in pages of at most 200 by default; larger pages are not safe. */
export const GRAPH_MAX_PAGE_SIZE = 200;
export const GRAPH_DEFAULT_PAGE_SIZE = 100;

export interface GraphOrganisationStoreOptions {
  graph: GraphConnection;
  site: SiteReference;
  pageSize?: number;
}

const itemPageSchema = collectionSchema(listItemSchema);

/**
 * The organisation store on the municipality's SharePoint lists through Microsoft Graph.
 * It promises what the port promises and nothing more: eTag per item (If-Match on every
 * change), paged reads through `@odata.nextLink`, equality filters on indexed columns.
 * Throttling (429/503 with Retry-After) is absorbed by the client's RetryHandler.
 */
export class GraphOrganisationStore implements OrganisationStore {
  private readonly graph: GraphConnection;
  private readonly site: GraphSite;
  private readonly defaultPageSize: number;

  constructor(options: GraphOrganisationStoreOptions) {
    this.graph = options.graph;
    this.site = new GraphSite(options.graph, options.site);
    this.defaultPageSize = clampPageSize(options.pageSize ?? GRAPH_DEFAULT_PAGE_SIZE);
  }

  async list<N extends OrganisationListName>(list: N, query: ListQuery<N> = {}): Promise<Page<ItemOf<N>>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    // Refuse a bad filter before any request: the port forbids what SharePoint forbids.
    const filter = itemsFilter(spec, query.filter ?? {});
    const itemsUrl = await this.itemsUrl(spec);
    let url: string;
    if (query.pageToken) {
      url = this.nextLinkFrom(query.pageToken, list, itemsUrl);
    } else {
      const top = query.pageSize === undefined ? this.defaultPageSize : clampPageSize(query.pageSize);
      url = `${itemsUrl}${queryString({
        $select: ITEM_PROPERTIES,
        $expand: expandFields(selectedColumns(spec)),
        $filter: filter,
        $top: String(top),
      })}`;
    }
    let body: unknown;
    try {
      body = await this.graph.client.api(url).get();
    } catch (error) {
      // The filter only names columns the spec indexes; a 400 means the site lags behind.
      if (statusOf(error) === 400 && query.filter && !query.pageToken) {
        throw new NonIndexedFilterError(
          `Graph weigert het filter op ${spec.title}: is de lijst bijgewerkt met npm run provision? (column not indexed on the site)`,
        );
      }
      throw describeFailure(error, `items van ${spec.title} te lezen`);
    }
    const page = parseGraph(itemPageSchema, body, `items van ${spec.title}`);
    const items = page.value.map((item) => itemFromGraph<N>(spec, item));
    const next = page['@odata.nextLink'];
    return next ? { items, nextPageToken: encodePageToken([list, next]) } : { items };
  }

  async get<N extends OrganisationListName>(list: N, id: string): Promise<ItemOf<N> | undefined> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    if (!isItemId(id)) return undefined;
    const url = `${await this.itemsUrl(spec)}/${id}${queryString({
      $select: ITEM_PROPERTIES,
      $expand: expandFields(selectedColumns(spec)),
    })}`;
    try {
      const body: unknown = await this.graph.client.api(url).get();
      return itemFromGraph<N>(spec, parseGraph(listItemSchema, body, `een item van ${spec.title}`));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw describeFailure(error, `een item van ${spec.title} te lezen`);
    }
  }

  async create<N extends OrganisationListName>(list: N, fields: FieldsFor<N>, editor: string): Promise<ItemOf<N>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const values = validateFieldValues(spec, fields);
    assertRequiredFields(spec, values);
    let body: unknown;
    try {
      body = await this.graph.client.api(await this.itemsUrl(spec)).post({ fields: toGraphFields(values, editor, true) });
    } catch (error) {
      throw describeFailure(error, `een item in ${spec.title} aan te maken`);
    }
    return itemFromGraph<N>(spec, parseGraph(listItemSchema, body, `het nieuwe item in ${spec.title}`));
  }

  async update<N extends OrganisationListName>(
    list: N,
    id: string,
    fields: Partial<FieldsFor<N>>,
    ifMatch: string,
    editor: string,
  ): Promise<ItemOf<N>> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    const values = validateFieldValues(spec, fields);
    assertRequiredStaysFilled(spec, values);
    if (!isItemId(id)) throw notFound();
    let body: unknown;
    try {
      body = await this.graph.client
        .api(`${await this.itemsUrl(spec)}/${id}/fields`)
        .header('If-Match', ifMatch)
        .patch(toGraphFields(values, editor, false));
    } catch (error) {
      throw changeFailure(error, `een item in ${spec.title} te wijzigen`);
    }
    const updated = itemFromFieldValueSet<N>(spec, id, parseGraph(fieldValueSetSchema, body, 'de gewijzigde velden'), editor);
    if (updated) return updated;
    // Graph left the eTag or dates out of its answer: read the item back instead.
    const reread = await this.get(list, id);
    if (!reread) throw notFound();
    return reread;
  }

  async delete<N extends OrganisationListName>(list: N, id: string, ifMatch: string): Promise<void> {
    const spec: ListSpec = ORGANISATION_LISTS[list];
    if (!isItemId(id)) throw notFound();
    try {
      await this.graph.client.api(`${await this.itemsUrl(spec)}/${id}`).header('If-Match', ifMatch).delete();
    } catch (error) {
      throw changeFailure(error, `een item uit ${spec.title} te verwijderen`);
    }
  }

  private async itemsUrl(spec: ListSpec): Promise<string> {
    const [siteId, listId] = await Promise.all([this.site.siteId(), this.site.listId(spec.title)]);
    return `/sites/${siteId}/lists/${listId}/items`;
  }

  /**
   * The page token wraps Graph's nextLink. It is only followed when it points at this
   * list's items on this Graph host: a token must not steer the app's requests elsewhere.
   */
  private nextLinkFrom(token: string, list: OrganisationListName, itemsUrl: string): string {
    const [tokenList, nextLink] = decodePageToken(token, ['string', 'string'], 'pageToken');
    const invalid = () => new ValidationError('Ongeldig paginatoken (invalid page token)', 'pageToken');
    let next: URL;
    try {
      next = new URL(nextLink);
    } catch {
      throw invalid();
    }
    // Graph may spell the site part of the path differently from our request (encoding,
    // host name form), so compare the origin and the list's items path only.
    const listItemsPath = itemsUrl.slice(itemsUrl.indexOf('/lists/')).toLowerCase();
    const samePlace =
      next.origin === new URL(this.graph.baseUrl).origin &&
      decodeURIComponent(next.pathname).toLowerCase().endsWith(listItemsPath);
    if (tokenList !== list || !samePlace) throw invalid();
    return nextLink;
  }
}

/** An update may leave required columns out, but must not empty them. */
function assertRequiredStaysFilled(spec: ListSpec, values: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (spec.fields[name]?.required && (value === null || value === '')) {
      throw new ValidationError(`Verplicht veld ${name} ontbreekt (required field missing)`, name);
    }
  }
}

function changeFailure(error: unknown, action: string): Error {
  const status = statusOf(error);
  if (status === 412) {
    return new ConcurrencyError('Het item is intussen door iemand anders gewijzigd (the item changed since it was read)');
  }
  if (status === 404) return notFound();
  return describeFailure(error, action);
}

function notFound(): NotFoundError {
  return new NotFoundError('Item niet gevonden (item not found)');
}

/** SharePoint item ids are positive integers; anything else cannot exist (and stays out of URLs). */
function isItemId(id: string): boolean {
  return /^[1-9]\d{0,14}$/.test(id);
}

function clampPageSize(size: number): number {
  return Math.min(Math.max(1, Math.floor(size)), GRAPH_MAX_PAGE_SIZE);
}
