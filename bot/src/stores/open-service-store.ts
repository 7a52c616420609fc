import type { Kysely } from 'kysely';
import type { ServiceStore } from '@weerbaar/shared';
import type { ServiceConfig } from '../config/config.js';
import type { Logger } from '../logging.js';
import type { DataKeyMaintenance } from '../crypto/data-key-maintenance.js';
import type { Database } from './kysely/database.js';
import { openPostgresServiceStore } from './postgres/index.js';
import { openSqliteServiceStore } from './sqlite/index.js';

/** A service store and the database it runs on (for stores that share that database). */
export type OpenedServiceStore = ServiceStore & { readonly database: { readonly db: Kysely<Database> }; readonly dataKeys: DataKeyMaintenance };

export interface OpenServiceStoreOptions {
  database: ServiceConfig['database'];
  /** The SQLite file used when no DATABASE_URL is configured (local mode). */
  sqliteFile: string;
  masterKey: Uint8Array;
  previousMasterKeys?: readonly Uint8Array[];
  now: () => Date;
  logger: Pick<Logger, 'warn'>;
}

/** PostgreSQL when DATABASE_URL is set (production), SQLite files otherwise. */
export async function openServiceStore(options: OpenServiceStoreOptions): Promise<OpenedServiceStore> {
  const { database } = options;
  const keys = { masterKey: options.masterKey, previousMasterKeys: options.previousMasterKeys ?? [] };
  if (database.url === null) return openSqliteServiceStore({ file: options.sqliteFile, ...keys, now: options.now });
  if (database.keyUrl === null) {
    options.logger.warn({ keyLocation: 'schema weerbaar_keys' }, 'data keys share the data database, so its backups hold them: set KEY_DATABASE_URL (docs/deployment-storage.md)');
  }
  return openPostgresServiceStore({
    connectionString: database.url,
    ...(database.keyUrl ? { keyDatabase: database.keyUrl } : {}),
    ...keys,
    now: options.now,
    poolSettings: { max: database.poolMax, statementTimeoutMs: database.statementTimeoutMs },
    // Error codes and classes only: a driver message may quote SQL or values.
    onBackgroundError: (error) => options.logger.warn({ err: error.name, code: errorCode(error) }, 'database background error'),
  });
}

function errorCode(error: Error): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
