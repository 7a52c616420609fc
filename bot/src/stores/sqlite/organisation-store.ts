import { Kysely, SqliteDialect } from 'kysely';
import type { OrganisationStore } from '@weerbaar/shared';
import type { Database } from '../kysely/database.js';
import { migrateTrack } from '../kysely/migrations/migration.js';
import { organisationMigrations } from '../kysely/migrations/organisation-migrations.js';
import { KyselyOrganisationStore, type KyselyOrganisationStoreOptions } from '../kysely/organisation-store.js';
import type { SqliteStoreHandle } from './handle.js';
import { openSqliteFile } from './sqlite-file.js';

export type SqliteOrganisationStoreOptions = (
  | { /** Its own database file. */ file: string }
  | { /** Share the service store's open database (its `database` handle). */ database: SqliteStoreHandle }
) & {
  /** Default page size when a query names none (capped at 200, like Graph). */
  pageSize?: number;
  now?: () => Date;
};

export interface SqliteOrganisationStore extends OrganisationStore {
  /** Closes the file when this store opened it; a shared handle is closed by its owner. */
  close(): Promise<void>;
}

/** The organisation lists in SQLite, behind the same SharePoint-shaped rules as Graph. */
export async function openSqliteOrganisationStore(options: SqliteOrganisationStoreOptions): Promise<SqliteOrganisationStore> {
  const owned = 'file' in options;
  const handle: SqliteStoreHandle = owned
    ? { file: options.file, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteFile(options.file) }) }) }
    : options.database;
  try {
    await migrateTrack(handle.db, organisationMigrations, 'sqlite', handle.file);
  } catch (error) {
    if (owned) await handle.db.destroy();
    throw error;
  }
  return new ClosableOrganisationStore(
    {
      db: handle.db,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      ...(options.now ? { now: options.now } : {}),
    },
    async () => {
      if (owned) await handle.db.destroy();
    },
  );
}

class ClosableOrganisationStore extends KyselyOrganisationStore implements SqliteOrganisationStore {
  constructor(
    options: KyselyOrganisationStoreOptions,
    private readonly closeDatabase: () => Promise<void>,
  ) {
    super(options);
  }

  close(): Promise<void> {
    return this.closeDatabase();
  }
}
