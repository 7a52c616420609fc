export { openSqliteServiceStore, defaultKeyFile } from './service-store.js';
export type { SqliteServiceStore, SqliteServiceStoreOptions } from './service-store.js';
export { openSqliteOrganisationStore } from './organisation-store.js';
export type { SqliteOrganisationStore, SqliteOrganisationStoreOptions } from './organisation-store.js';
export type { SqliteStoreHandle } from './handle.js';
