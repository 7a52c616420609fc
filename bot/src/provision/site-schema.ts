import { AuthenticationHandlerOptions, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import type { ListSpec } from '@weerbaar/shared';
import { z } from 'zod';
import type { GraphConnection } from '../stores/graph/graph-client.js';
import { collectionSchema, columnSchema, describeFailure, listSchema, parseGraph, statusOf } from '../stores/graph/graph-responses.js';
import type { GraphSite } from '../stores/graph/graph-site.js';
import { columnDefinition, columnPatch, type ExistingList, type ProvisionStep } from './provision-plan.js';

/**
 * Reading and changing a site's list schema. Lists and columns go through Graph; the
 * versioning setting goes through SharePoint REST on the site itself, because Graph's list
 * resource has no such property. That call needs a token for the SharePoint host, which
 * SharePoint only accepts when the app authenticated with a certificate.
 */
export interface SiteSchemaTarget {
  graph: GraphConnection;
  site: GraphSite;
  siteUrl: string;
  /** Tokens for the SharePoint host of `siteUrl` (scope https://{tenant}.sharepoint.com/.default). */
  sharePointAuth: AuthenticationProvider;
}

const listWithColumnsSchema = listSchema.extend({ columns: z.array(columnSchema) });
const versioningSchema = z.object({ EnableVersioning: z.boolean() });

export async function readExistingLists(target: SiteSchemaTarget, specs: readonly ListSpec[]): Promise<Map<string, ExistingList>> {
  const siteId = await target.site.siteId();
  const existing = new Map<string, ExistingList>();
  for (const spec of specs) {
    let body: unknown;
    try {
      body = await target.graph.client.api(`/sites/${siteId}/lists/${encodeURIComponent(spec.title)}?$expand=columns`).get();
    } catch (error) {
      if (statusOf(error) === 404) continue;
      throw describeFailure(error, `de lijst ${spec.title} te lezen`);
    }
    const list = parseGraph(listWithColumnsSchema, body, `de lijst ${spec.title}`);
    target.site.remember(spec.title, list.id);
    existing.set(spec.title, { id: list.id, title: spec.title, columns: list.columns, versioning: await readVersioning(target, list.id) });
  }
  return existing;
}

async function readVersioning(target: SiteSchemaTarget, listId: string): Promise<boolean | 'unknown'> {
  try {
    const body: unknown = await sharePointRequest(target, listId).query({ $select: 'EnableVersioning' }).get();
    return parseGraph(versioningSchema, body, 'het versiebeheer').EnableVersioning;
  } catch (error) {
    // SharePoint refuses app-only tokens obtained with a client secret.
    if (statusOf(error) === 401) return 'unknown';
    throw describeFailure(error, 'het versiebeheer te lezen');
  }
}

/** Carries out the steps in order; each is idempotent against the state it was planned on. */
export async function applySteps(
  target: SiteSchemaTarget,
  existing: ReadonlyMap<string, ExistingList>,
  steps: readonly ProvisionStep[],
  onStep: (step: ProvisionStep) => void,
): Promise<void> {
  const siteId = await target.site.siteId();
  const columnIds = new Map<string, string>();
  for (const list of existing.values()) {
    for (const column of list.columns) columnIds.set(`${list.title}/${column.name}`, column.id);
  }
  const listPath = async (title: string) => `/sites/${siteId}/lists/${await target.site.listId(title)}`;
  const columnId = (list: string, column: string): string => {
    const id = columnIds.get(`${list}/${column}`);
    if (!id) throw new Error(`Kolom ${list}.${column} niet gevonden (column not found)`);
    return id;
  };

  for (const step of steps) {
    try {
      switch (step.kind) {
        case 'create-list': {
          const body: unknown = await target.graph.client
            .api(`/sites/${siteId}/lists`)
            .post({ displayName: step.list, description: step.description, list: { template: 'genericList' } });
          const created = parseGraph(listWithColumnsSchema.partial({ columns: true }), body, `de nieuwe lijst ${step.list}`);
          target.site.remember(step.list, created.id);
          // A new generic list brings its own Title column.
          const columns: unknown = await target.graph.client.api(`/sites/${siteId}/lists/${created.id}/columns`).get();
          for (const column of parseGraph(collectionSchema(columnSchema), columns, 'de kolommen').value) {
            columnIds.set(`${step.list}/${column.name}`, column.id);
          }
          break;
        }
        case 'add-column': {
          const body: unknown = await target.graph.client
            .api(`${await listPath(step.list)}/columns`)
            .post(columnDefinition(step.column, step.field));
          columnIds.set(`${step.list}/${step.column}`, parseGraph(columnSchema, body, `de kolom ${step.column}`).id);
          break;
        }
        case 'update-column':
          await target.graph.client
            .api(`${await listPath(step.list)}/columns/${columnId(step.list, step.column)}`)
            .patch(columnPatch(step.change));
          break;
        case 'index-column':
          await target.graph.client
            .api(`${await listPath(step.list)}/columns/${columnId(step.list, step.column)}`)
            .patch({ indexed: true });
          break;
        case 'enable-versioning':
          await sharePointRequest(target, await target.site.listId(step.list))
            .header('Content-Type', 'application/json;odata=verbose')
            .header('X-HTTP-Method', 'MERGE')
            .header('IF-MATCH', '*')
            .post({ __metadata: { type: 'SP.List' }, EnableVersioning: true });
          break;
      }
    } catch (error) {
      throw describeFailure(error, `de stap "${step.kind}" voor ${step.list} uit te voeren`);
    }
    onStep(step);
  }
}

/** A request to the list's SharePoint REST endpoint, with a SharePoint token instead of Graph's. */
function sharePointRequest(target: SiteSchemaTarget, listId: string) {
  const url = `${target.siteUrl.replace(/\/+$/, '')}/_api/web/lists(guid'${listId}')`;
  return target.graph.client
    .api(url)
    .header('Accept', 'application/json;odata=nometadata')
    .middlewareOptions([new AuthenticationHandlerOptions(target.sharePointAuth)]);
}
