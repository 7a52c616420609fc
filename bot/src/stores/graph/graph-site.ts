import type { GraphConnection } from './graph-client.js';
import { describeFailure, listSchema, parseGraph, siteSchema, statusOf } from './graph-responses.js';

export type SiteReference = { siteId: string } | { siteUrl: string };

export class ListNotProvisionedError extends Error {
  constructor(readonly title: string) {
    super(`De lijst ${title} bestaat niet op de site; voer eerst npm run provision uit (list missing: run provisioning)`);
    this.name = 'ListNotProvisionedError';
  }
}

/**
 * The site and its lists as Graph ids, looked up once per instance of this class (so per
 * store: no module-level cache outlives a test or a configuration change). A failed lookup
 * is forgotten, so the next call tries again.
 */
export class GraphSite {
  private siteIdLookup: Promise<string> | undefined;
  private readonly listIdLookups = new Map<string, Promise<string>>();

  constructor(
    private readonly graph: GraphConnection,
    private readonly site: SiteReference,
  ) {}

  siteId(): Promise<string> {
    this.siteIdLookup ??= this.lookUpSiteId().catch((error: unknown) => {
      this.siteIdLookup = undefined;
      throw error;
    });
    return this.siteIdLookup;
  }

  /** The list id for a list title (SharePoint's list GUID, also Graph's list id). */
  listId(title: string): Promise<string> {
    let lookup = this.listIdLookups.get(title);
    if (!lookup) {
      lookup = this.lookUpListId(title).catch((error: unknown) => {
        this.listIdLookups.delete(title);
        throw error;
      });
      this.listIdLookups.set(title, lookup);
    }
    return lookup;
  }

  /** Records the id of a list just created, so it is not looked up again. */
  remember(title: string, id: string): void {
    this.listIdLookups.set(title, Promise.resolve(id));
  }

  private async lookUpSiteId(): Promise<string> {
    if ('siteId' in this.site) return this.site.siteId;
    try {
      const body: unknown = await this.graph.client.api(`${siteLookupPath(this.site.siteUrl)}?$select=id,webUrl`).get();
      return parseGraph(siteSchema, body, 'de site').id;
    } catch (error) {
      throw describeFailure(error, `de site ${this.site.siteUrl} op te zoeken`);
    }
  }

  private async lookUpListId(title: string): Promise<string> {
    const siteId = await this.siteId();
    try {
      // Graph addresses a list by id or by title.
      const body: unknown = await this.graph.client
        .api(`/sites/${siteId}/lists/${encodeURIComponent(title)}?$select=id,displayName`)
        .get();
      return parseGraph(listSchema, body, `de lijst ${title}`).id;
    } catch (error) {
      if (statusOf(error) === 404) throw new ListNotProvisionedError(title);
      throw describeFailure(error, `de lijst ${title} op te zoeken`);
    }
  }
}

/** `/sites/{hostname}:/{server-relative-path}` for a site URL; the bare host for a root site. */
export function siteLookupPath(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`Ongeldige site-URL (invalid site URL): ${siteUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`De site-URL moet met https:// beginnen (site URL must be https): ${siteUrl}`);
  const path = url.pathname.replace(/\/+$/, '');
  return path === '' ? `/sites/${url.host}` : `/sites/${url.host}:${path}`;
}
