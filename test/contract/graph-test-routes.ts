import {
  GraphRuleError,
  allFields,
  columnFromDefinition,
  columnJson,
  etagOf,
  idAfterSkipToken,
  isRecord,
  matchesAll,
  newItem,
  newList,
  parseFilter,
  patchColumn,
  skipTokenAfter,
  touch,
  writeFields,
  type Identity,
  type TestItem,
  type TestList,
} from './graph-test-lists.js';

/** The Graph v1.0 routes of the test server for sites, lists, columns and items. */
export type Role = 'read' | 'write' | 'manage' | 'fullcontrol';
const ROLE_RANK: Record<Role, number> = { read: 1, write: 2, manage: 3, fullcontrol: 4 };

export interface TestSite {
  id: string;
  hostname: string;
  path: string;
  webUrl: string;
  lists: TestList[];
  /** Sites.Selected grants: which app may do what on this site. */
  grants: Map<string, Role>;
}

export interface GraphCall {
  method: string;
  /** Path below /v1.0, decoded. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: { ifMatch?: string; prefer?: string };
  caller: { clientId: string; identity: Identity };
  /** This request's own URL, for building nextLinks. */
  url: URL;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

const MAX_PAGE = 200;

export function routeGraph(site: TestSite, call: GraphCall): RouteResult {
  const { method, path } = call;
  const byPath = /^\/sites\/(.+?):(\/[^:]*):?$/.exec(path);
  if (byPath && method === 'GET') {
    if (byPath[1] !== site.hostname || byPath[2]?.replace(/\/+$/, '') !== site.path) throw notFound('site');
    return ok(siteJson(site));
  }
  const segments = /^\/sites\/([^/]+)(?:\/lists(?:\/([^/]+)(?:\/(columns|items)(?:\/([^/]+)(?:\/(fields))?)?)?)?)?$/.exec(path);
  if (!segments || segments[1] !== site.id) throw notFound('resource');
  const [, , listRef, collection, member, fields] = segments;
  requireRole(site, call, method === 'GET' ? 'read' : collection === 'items' ? 'write' : 'manage');

  if (!listRef && path.endsWith('/lists')) return listsRoute(site, call);
  if (!listRef) return method === 'GET' ? ok(siteJson(site)) : notAllowed();
  const list = site.lists.find((l) => l.id === listRef || l.displayName.toLowerCase() === listRef.toLowerCase());
  if (!list) throw notFound('list');
  if (!collection) return method === 'GET' ? ok(listJson(site, list, call.query)) : notAllowed();
  if (collection === 'columns') return columnsRoute(list, call, member);
  if (!member) return itemsRoute(site, list, call);
  const item = list.items.get(Number(member));
  if (!item) throw notFound('item');
  return itemRoute(site, list, item, call, fields !== undefined);
}

function listsRoute(site: TestSite, call: GraphCall): RouteResult {
  if (call.method === 'GET') return ok({ value: site.lists.map((l) => listJson(site, l, call.query)) });
  if (call.method !== 'POST' || !isRecord(call.body)) return notAllowed();
  const { displayName, description, list: info, columns } = call.body;
  if (typeof displayName !== 'string' || displayName === '') throw new GraphRuleError(400, 'invalidRequest', 'displayName is required');
  if (isRecord(info) && info.template !== undefined && info.template !== 'genericList') {
    throw new GraphRuleError(400, 'invalidRequest', 'Only genericList is supported here');
  }
  if (site.lists.some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) {
    throw new GraphRuleError(409, 'nameAlreadyExists', 'A list with this name already exists');
  }
  const list = newList(displayName, typeof description === 'string' ? description : '');
  for (const definition of Array.isArray(columns) ? columns : []) {
    if (isRecord(definition)) list.columns.push(columnFromDefinition(list, definition));
  }
  site.lists.push(list);
  return { status: 201, body: listJson(site, list, new URLSearchParams()) };
}

function columnsRoute(list: TestList, call: GraphCall, columnId: string | undefined): RouteResult {
  if (!columnId) {
    if (call.method === 'GET') return ok({ value: list.columns.map(columnJson) });
    if (call.method !== 'POST' || !isRecord(call.body)) return notAllowed();
    const column = columnFromDefinition(list, call.body);
    list.columns.push(column);
    return { status: 201, body: columnJson(column) };
  }
  const column = list.columns.find((c) => c.id === columnId);
  if (!column) throw notFound('column');
  if (call.method === 'GET') return ok(columnJson(column));
  if (call.method !== 'PATCH' || !isRecord(call.body)) return notAllowed();
  patchColumn(column, call.body);
  return ok(columnJson(column));
}

function itemsRoute(site: TestSite, list: TestList, call: GraphCall): RouteResult {
  if (call.method === 'POST') {
    if (!isRecord(call.body) || !isRecord(call.body.fields)) throw new GraphRuleError(400, 'invalidRequest', 'fields are required');
    const item = newItem(list, call.caller.identity);
    writeFields(list, item, call.body.fields);
    list.items.set(item.id, item);
    return { status: 201, body: itemJson(site, list, item, new URLSearchParams('$expand=fields')) };
  }
  if (call.method !== 'GET') return notAllowed();
  const query = call.query;
  const top = Math.min(Number(query.get('$top') ?? MAX_PAGE) || MAX_PAGE, MAX_PAGE);
  const filter = query.get('$filter');
  const honour = (call.headers.prefer ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly');
  const clauses = filter ? parseFilter(list, filter, honour) : [];
  const skipToken = query.get('$skiptoken');
  const after = skipToken ? idAfterSkipToken(skipToken) : 0;
  const matching = [...list.items.values()].filter((i) => i.id > after && matchesAll(i, clauses)).sort((a, b) => a.id - b.id);
  const page = matching.slice(0, top);
  const last = page[page.length - 1];
  const body: Record<string, unknown> = { value: page.map((item) => itemJson(site, list, item, query)) };
  if (matching.length > top && last) {
    // Like Graph: the caller's own query as it was sent, plus the skip token.
    const kept = call.url.search
      .slice(1)
      .split('&')
      .filter((part) => part !== '' && !/^(\$|%24)skiptoken=/i.test(part));
    body['@odata.nextLink'] = `${call.url.origin}${call.url.pathname}?${[...kept, `$skiptoken=${skipTokenAfter(last.id)}`].join('&')}`;
  }
  return ok(body);
}

function itemRoute(site: TestSite, list: TestList, item: TestItem, call: GraphCall, fieldsOnly: boolean): RouteResult {
  if (call.method === 'GET') return ok(fieldsOnly ? allFields(item) : itemJson(site, list, item, call.query));
  const { ifMatch } = call.headers;
  if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etagOf(item)) {
    throw new GraphRuleError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
  }
  if (call.method === 'DELETE' && !fieldsOnly) {
    list.items.delete(item.id);
    return { status: 204 };
  }
  if (call.method !== 'PATCH' || !isRecord(call.body)) return notAllowed();
  const written = fieldsOnly ? call.body : call.body.fields;
  if (!isRecord(written)) throw new GraphRuleError(400, 'invalidRequest', 'fields are required');
  // All fields are checked before any is stored: a refused write changes nothing.
  const draft: TestItem = { ...item, fields: new Map(item.fields) };
  writeFields(list, draft, written);
  item.fields = draft.fields;
  touch(item, call.caller.identity);
  return ok(fieldsOnly ? allFields(item) : itemJson(site, list, item, new URLSearchParams('$expand=fields')));
}

function itemJson(site: TestSite, list: TestList, item: TestItem, query: URLSearchParams): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: String(item.id),
    eTag: etagOf(item),
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
    createdBy: item.createdBy,
    lastModifiedBy: item.modifiedBy,
    webUrl: `${site.webUrl}/Lists/${list.displayName}/DispForm.aspx?ID=${item.id}`,
    contentType: { id: '0x0100', name: 'Item' },
    parentReference: { id: list.id, siteId: site.id },
  };
  const selected = query.get('$select')?.split(',');
  const json: Record<string, unknown> = { '@odata.etag': etagOf(item), ...(selected ? pick(full, selected) : full) };
  const expand = query.get('$expand') ?? query.get('expand');
  if (expand) {
    const match = /^fields(?:\(\$?select=([^)]*)\))?$/.exec(expand);
    if (!match) throw new GraphRuleError(400, 'invalidRequest', 'Unsupported $expand');
    const columns = match[1]?.split(',');
    for (const name of columns ?? []) {
      if (!list.columns.some((c) => c.name === name)) throw new GraphRuleError(400, 'invalidRequest', `Field '${name}' is not recognized`);
    }
    const fields = allFields(item);
    json.fields = columns ? { '@odata.etag': etagOf(item), ...pick(fields, columns) } : fields;
  }
  return json;
}

function listJson(site: TestSite, list: TestList, query: URLSearchParams): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: list.id,
    name: list.displayName,
    displayName: list.displayName,
    description: list.description,
    createdDateTime: list.created,
    webUrl: `${site.webUrl}/Lists/${list.displayName}`,
    list: { template: 'genericList', hidden: false, contentTypesEnabled: false },
  };
  if ((query.get('$expand') ?? '').split(',').includes('columns')) json.columns = list.columns.map(columnJson);
  return json;
}

function siteJson(site: TestSite): Record<string, unknown> {
  return { id: site.id, webUrl: site.webUrl, displayName: 'Weerbaar Twente', name: site.path.split('/').pop() };
}

function requireRole(site: TestSite, call: GraphCall, role: Role): void {
  const granted = site.grants.get(call.caller.clientId);
  if (!granted || ROLE_RANK[granted] < ROLE_RANK[role]) throw new GraphRuleError(403, 'accessDenied', 'Access denied');
}

export function hasRole(site: TestSite, clientId: string, role: Role): boolean {
  const granted = site.grants.get(clientId);
  return granted !== undefined && ROLE_RANK[granted] >= ROLE_RANK[role];
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
}

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const notAllowed = (): RouteResult => {
  throw new GraphRuleError(405, 'invalidRequest', 'Method not allowed');
};
const notFound = (what: string) => new GraphRuleError(404, 'itemNotFound', `The ${what} was not found`);
