export { openPostgresServiceStore } from './service-store.js';
export type { PostgresConnection, PostgresServiceStore, PostgresServiceStoreOptions } from './service-store.js';
export { KEY_SCHEMA } from './key-location.js';
export { defaultPoolSettings, poolSettings, type PostgresPoolSettings } from './pool.js';
