import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EDITOR_FIELD_NAME, ORGANISATION_LISTS, type ListSpec } from '@weerbaar/shared';
import { LIST_VIEW_THRESHOLD, SharePointRuleError, TestList, etagOf, type StoredItem } from './sharepoint-rest-lists.js';

/**
 * A local stand-in for SharePoint's REST API (`/_api/web/lists/getByTitle('…')/items`),
 * enough for the web parts' PnPjs adapter, that checks every request it receives the way
 * the organisation-store contract needs: `$select` of the spec's columns only (a request
 * without `$select` is refused), `$filter` on indexed columns only (above 5,000 items
 * SharePoint answers 500 with its threshold error), IF-MATCH with the item's eTag on every
 * MERGE (412 when stale), and paging with `$skiptoken` and `odata.nextLink`.
 */
export interface RecordedSpRequest {
  method: string;
  /** X-HTTP-Method when PnPjs tunnels MERGE or DELETE through POST. */
  tunnelled?: string;
  path: string;
  query: Record<string, string>;
  ifMatch?: string;
  status: number;
}

export interface SharePointRestServer {
  siteUrl: string;
  requests: RecordedSpRequest[];
  list(name: keyof typeof ORGANISATION_LISTS): TestList;
  /** The EffectiveBasePermissions.Low the signed-in user gets (EditListItems is bit 2). */
  setCanEdit(canEdit: boolean): void;
  close(): Promise<void>;
}

const SITE_PATH = '/sites/borne';
const USER_TITLE = 'Miriam Hulshof';

export async function startSharePointRestServer(): Promise<SharePointRestServer> {
  const lists = new Map<string, TestList>(Object.values(ORGANISATION_LISTS).map((spec: ListSpec) => [spec.title, new TestList(spec)]));
  const requests: RecordedSpRequest[] = [];
  let permissionsLow = 0x4 | 0x1;
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      const status = error instanceof SharePointRuleError ? error.status : 500;
      const code = error instanceof SharePointRuleError ? error.spCode : 'test-server';
      const message = error instanceof Error ? error.message : String(error);
      requests[requests.length - 1]!.status = status;
      send(res, status, { 'odata.error': { code, message: { lang: 'en-US', value: message } } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const query = Object.fromEntries(url.searchParams.entries());
    const tunnelled = header(req, 'x-http-method');
    const record: RecordedSpRequest = { method: req.method ?? 'GET', path, query, status: 200, ...(tunnelled ? { tunnelled } : {}) };
    const ifMatch = header(req, 'if-match');
    if (ifMatch) record.ifMatch = ifMatch;
    requests.push(record);
    const body = await readJson(req);
    const match = /^\/sites\/borne\/_api\/web\/lists\/getByTitle\('([^']+)'\)\/(items|EffectiveBasePermissions)(?:\((\d+)\))?(\/versions)?$/i.exec(path);
    const list = match?.[1] ? lists.get(match[1]) : undefined;
    if (!match || !list) throw new SharePointRuleError(404, '-1, System.ArgumentException', `No route for ${path} in the test server.`);
    if (match[2] === 'EffectiveBasePermissions') return send(res, 200, { High: '0', Low: String(permissionsLow) });
    const id = match[3] ? Number(match[3]) : undefined;
    const now = new Date().toISOString();
    const method = tunnelled ?? req.method;

    if (id === undefined && method === 'GET') return send(res, 200, pageOf(list, url, query));
    if (id === undefined && method === 'POST') return send(res, 201, view(list.add(fieldsOf(body), USER_TITLE, now), null));
    if (id === undefined) throw new SharePointRuleError(405, 'test-server', 'Method not allowed');
    if (match[4] && method === 'GET') return send(res, 200, { value: versionsOf(list, id) });
    if (method === 'GET') {
      const item = list.items.get(id);
      if (!item) throw new SharePointRuleError(404, '-2130575338, System.ArgumentException', 'Item does not exist.');
      return send(res, 200, view(item, selected(list, query)));
    }
    if (method === 'MERGE' || method === 'PATCH') {
      const item = list.merge(id, fieldsOf(body), ifMatch, USER_TITLE, now);
      res.setHeader('ETag', etagOf(item));
      record.status = 204;
      res.writeHead(204).end();
      return;
    }
    if (method === 'DELETE') {
      list.remove(id, ifMatch);
      record.status = 200;
      res.writeHead(200).end();
      return;
    }
    throw new SharePointRuleError(405, 'test-server', 'Method not allowed');
  }

  function pageOf(list: TestList, url: URL, query: Record<string, string>) {
    const columns = selected(list, query);
    const top = query.$top ? Number(query.$top) : 100;
    const skipToken = query.$skiptoken ? new URLSearchParams(query.$skiptoken) : undefined;
    if (skipToken && skipToken.get('Paged') !== 'TRUE') throw new SharePointRuleError(400, 'test-server', 'Malformed $skiptoken');
    const afterId = Number(skipToken?.get('p_ID') ?? 0);
    const { page, more } = list.query(query.$filter, top, afterId);
    const last = page[page.length - 1];
    const result: Record<string, unknown> = { value: page.map((item) => view(item, columns)) };
    if (more && last) {
      const next = new URL(url.toString());
      next.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${last.id}`);
      result['odata.nextLink'] = `${origin()}${next.pathname}${next.search}`;
    }
    return result;
  }

  /** The contract: every item read names its columns, and only columns of the list's spec. */
  function selected(list: TestList, query: Record<string, string>): Set<string> {
    if (!query.$select) throw new SharePointRuleError(400, 'contract', 'Every item read must $select the columns it needs.');
    const columns = query.$select.split(',').map((c) => c.trim());
    const unknown = columns.filter((c) => !list.allowedColumns.has(c));
    if (unknown.length > 0) throw new SharePointRuleError(400, 'contract', `Columns outside the list's spec selected: ${unknown.join(', ')}`);
    if (columns.includes('Editor/Title') && query.$expand !== 'Editor') throw new SharePointRuleError(400, '-1, Microsoft.SharePoint.SPException', 'Editor/Title needs $expand=Editor.');
    return new Set(columns);
  }

  function view(item: StoredItem, columns: Set<string> | null): Record<string, unknown> {
    const all: Record<string, unknown> = { Id: item.id, ID: item.id, Created: item.created, Modified: item.modified, ...item.fields, Editor: { Title: item.editorTitle } };
    const shown = columns ? Object.fromEntries(Object.entries(all).filter(([name]) => columns.has(name) || (name === 'Editor' && columns.has('Editor/Title')))) : all;
    return { 'odata.type': 'SP.Data.ListItem', 'odata.etag': etagOf(item), ...shown };
  }

  /** Newest first; internal names with an underscore come back escaped, as SharePoint does. */
  function versionsOf(list: TestList, id: number): Record<string, unknown>[] {
    const item = list.items.get(id);
    if (!item) throw new SharePointRuleError(404, '-2130575338, System.ArgumentException', 'Item does not exist.');
    return [...item.versions].reverse().map((version) => ({
      VersionLabel: `${version.version}.0`,
      Modified: version.modified,
      Editor: { LookupId: 7, LookupValue: version.editorTitle },
      ...Object.fromEntries(Object.entries(version.fields).map(([name, value]) => [name.replace(/_/g, '_x005f_'), value])),
    }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    siteUrl: `${origin()}${SITE_PATH}`,
    requests,
    list: (name) => lists.get(ORGANISATION_LISTS[name].title)!,
    setCanEdit: (canEdit) => {
      permissionsLow = canEdit ? 0x4 | 0x1 : 0x1;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { LIST_VIEW_THRESHOLD, EDITOR_FIELD_NAME };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json;odata=minimalmetadata;charset=utf-8' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function fieldsOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) throw new SharePointRuleError(400, 'test-server', 'A JSON object body is required.');
  const { __metadata: _ignored, ...fields } = body as Record<string, unknown>;
  return fields;
}
