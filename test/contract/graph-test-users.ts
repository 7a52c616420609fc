import { GraphRuleError } from './graph-test-lists.js';
import type { RouteResult } from './graph-test-routes.js';

/** A user of the test tenant, as Graph holds it; `managerId` is the object id of their manager. */
export interface TestUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  preferredLanguage?: string | null;
  department?: string | null;
  employeeHireDate?: string | null;
  managerId?: string;
}

export interface TestDirectory {
  users: TestUser[];
  /** Users per page of `GET /users` (Graph: 100 by default); tests lower it to exercise paging. */
  pageSize: number;
}

/**
 * The Graph v1.0 user routes (User.Read.All): `GET /users` in pages with `@odata.nextLink`
 * (`$skiptoken`), `GET /users/{id or UPN}` and `GET /users/{id}/manager`, 404 for an unknown user or
 * one without a manager, and only the `$select`ed properties, like Graph.
 */
export function routeUsers(directory: TestDirectory, method: string, path: string, url: URL): RouteResult | undefined {
  if (method !== 'GET' || !path.startsWith('/users')) return undefined;
  const select = url.searchParams.get('$select');
  if (path === '/users') {
    const start = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = directory.users.slice(start, start + directory.pageSize);
    const next = start + directory.pageSize < directory.users.length ? new URL(url) : undefined;
    next?.searchParams.set('$skiptoken', String(start + directory.pageSize));
    return { status: 200, body: { value: page.map((u) => selected(u, select)), ...(next ? { '@odata.nextLink': next.toString() } : {}) } };
  }
  const match = /^\/users\/([^/]+)(\/manager)?$/.exec(path);
  if (!match) return undefined;
  const user = find(directory, match[1]!);
  if (!match[2]) return { status: 200, body: selected(user, select) };
  if (!user.managerId) throw new GraphRuleError(404, 'Request_ResourceNotFound', 'Resource manager does not exist');
  return { status: 200, body: { '@odata.type': '#microsoft.graph.user', ...selected(find(directory, user.managerId), select) } };
}

function find(directory: TestDirectory, idOrUpn: string): TestUser {
  const key = idOrUpn.toLowerCase();
  const user = directory.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
  if (!user) throw new GraphRuleError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist`);
  return user;
}

function selected(user: TestUser, select: string | null): Record<string, unknown> {
  const { managerId: _managerId, ...properties } = user;
  if (!select) return properties;
  const wanted = new Set(select.split(','));
  return Object.fromEntries(Object.entries(properties).filter(([key]) => wanted.has(key)));
}
