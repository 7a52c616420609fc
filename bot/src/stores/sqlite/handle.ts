import type { Kysely } from 'kysely';
import type { Database } from '../kysely/database.js';

/** An open SQLite store database that another store may share (e.g. the organisation tables). */
export interface SqliteStoreHandle {
  readonly file: string;
  readonly db: Kysely<Database>;
}
