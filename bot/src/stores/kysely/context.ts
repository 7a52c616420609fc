import type { Kysely } from 'kysely';
import type { Database, SqlDialectName } from './database.js';
import type { KeyStoreFor } from './wrapped-key-table.js';

/** What every repository of the Kysely service store needs. */
export interface RepositoryContext {
  db: Kysely<Database>;
  dialect: SqlDialectName;
  keysFor: KeyStoreFor;
  now: () => Date;
  newId: () => string;
}
