export { createGraphConnection, GRAPH_BASE_URL, type GraphClientOptions, type GraphConnection } from './graph-client.js';
export {
  GraphOrganisationStore,
  GRAPH_DEFAULT_PAGE_SIZE,
  GRAPH_MAX_PAGE_SIZE,
  type GraphOrganisationStoreOptions,
} from './graph-organisation-store.js';
export { GraphRequestError } from './graph-responses.js';
export { GraphSite, ListNotProvisionedError, siteLookupPath, type SiteReference } from './graph-site.js';
