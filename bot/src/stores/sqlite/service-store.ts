import { Kysely, SqliteDialect, sql } from 'kysely';
import { IncompatibleStoreError, type ServiceStore } from '@weerbaar/shared';
import type { Database } from '../kysely/database.js';
import { keyMigrations } from '../kysely/migrations/key-migrations.js';
import { migrateTrack } from '../kysely/migrations/migration.js';
import { serviceMigrations } from '../kysely/migrations/service-migrations.js';
import { createKyselyServiceStore } from '../kysely/service-store.js';
import { dataKeyMaintenance, type DataKeyMaintenance } from '../../crypto/data-key-maintenance.js';
import { keyringOf } from '../../crypto/master-keyring.js';
import { envelopeKeyStoreFor, KyselyWrappedKeyTable, signalKeyId } from '../kysely/wrapped-key-table.js';
import type { SqliteStoreHandle } from './handle.js';
import { attachSqliteFile, hasTable, inspectSqliteFile, openSqliteFile } from './sqlite-file.js';

/** The attached key database's schema name. */
const KEY_SCHEMA = 'keystore';

export interface SqliteServiceStoreOptions {
  /** The instance's database file, e.g. data/tenant-0164.db. */
  file: string;
  /** Wrapped data keys; default `<file without .db>.keys.db`. Back it up apart from `file`. */
  keyFile?: string;
  masterKey: Uint8Array;
  /** Earlier master keys, accepted for unwrapping until the re-wrap has moved every key. */
  previousMasterKeys?: readonly Uint8Array[];
  now?: () => Date;
}

export interface SqliteServiceStore extends ServiceStore {
  readonly dataKeys: DataKeyMaintenance;
  /** For openSqliteOrganisationStore({ database }) to share this file. */
  readonly database: SqliteStoreHandle;
  readonly keyFile: string;
}

export function defaultKeyFile(file: string): string {
  return `${file.replace(/\.db$/i, '')}.keys.db`;
}

/**
 * The embedded service store. Data and wrapped data keys live in two files attached to
 * one connection, so creating or shredding a signal changes both in one transaction,
 * while a copy of the data file (a backup) holds no keys: once a signal's key is
 * destroyed in the live key file, no earlier copy of the data file can reveal it.
 *
 * Several processes may open the same files (WAL, busy timeout). Within ONE process,
 * prefer one store per file: better-sqlite3 waits for locks synchronously, so a second
 * connection in the same process that needs the write lock while the first is inside a
 * multi-statement transaction blocks the event loop until the busy timeout. The
 * coordination operations (claims, ticks, leases, counters) are single statements and
 * are safe from any number of connections.
 */
export async function openSqliteServiceStore(options: SqliteServiceStoreOptions): Promise<SqliteServiceStore> {
  const { file } = options;
  const keyFile = options.keyFile ?? defaultKeyFile(file);
  const keyFileState = inspectSqliteFile(keyFile);
  const sqlite = openSqliteFile(file);
  const keyring = keyringOf(options.masterKey, options.previousMasterKeys);
  const now = options.now ?? (() => new Date());
  let db: Kysely<Database> | undefined;
  let dataKeys: DataKeyMaintenance | undefined;
  try {
    if (keyFileState !== 'sqlite' && hasTable(sqlite, 'main', 'signals')) {
      throw new IncompatibleStoreError(
        `${file} holds signals but its key file ${keyFile} is missing; without it the signals cannot be read. Restore the key file (or pass keyFile) before starting.`,
      );
    }
    attachSqliteFile(sqlite, keyFile, KEY_SCHEMA);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateTrack(db, serviceMigrations, 'sqlite', file);
    await migrateTrack(db, keyMigrations(KEY_SCHEMA), 'sqlite', keyFile);
    destroyKeysOfShreddedSignals(sqlite);
    dataKeys = dataKeyMaintenance(keyring, new KyselyWrappedKeyTable(db, KEY_SCHEMA, now));
    await dataKeys.verify();
  } catch (error) {
    if (db) await db.destroy();
    else sqlite.close();
    throw error;
  }
  const kysely = db;
  const store = createKyselyServiceStore({
    db: kysely,
    dialect: 'sqlite',
    keysFor: envelopeKeyStoreFor(keyring, KEY_SCHEMA, now),
    ...(options.now ? { now: options.now } : {}),
    afterShred: async () => {
      // Move the overwritten pages out of the WAL into the files and empty the WAL, so
      // the destroyed key's bytes do not linger on disk. Best effort: a busy checkpoint
      // completes later.
      await sql`PRAGMA keystore.wal_checkpoint(TRUNCATE)`.execute(kysely);
      await sql`PRAGMA main.wal_checkpoint(TRUNCATE)`.execute(kysely);
    },
    close: () => kysely.destroy(),
  });
  return { ...store, database: { file, db: kysely }, keyFile, dataKeys };
}

/**
 * A crash between the two files' commits (WAL makes a multi-file transaction atomic per
 * file only) could leave the key of a shredded signal behind; finish the shred at start.
 */
function destroyKeysOfShreddedSignals(sqlite: ReturnType<typeof openSqliteFile>): void {
  sqlite
    .prepare(`DELETE FROM ${KEY_SCHEMA}.data_keys WHERE key_id IN (SELECT ? || id FROM main.signal_tombstones)`)
    .run(signalKeyId(''));
}
