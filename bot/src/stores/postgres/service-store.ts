import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import type { ServiceStore } from '@weerbaar/shared';
import type { Database } from '../kysely/database.js';
import { dataKeyMaintenance, type DataKeyMaintenance } from '../../crypto/data-key-maintenance.js';
import { keyringOf } from '../../crypto/master-keyring.js';
import { serviceMigrations } from '../kysely/migrations/service-migrations.js';
import { createKyselyServiceStore } from '../kysely/service-store.js';
import {
  assertKeysBelongWithData,
  assertSeparateKeyDatabase,
  keysInDatabase,
  keysInSchema,
  type KeyLocation,
} from './key-location.js';
import { migrateUnderLock } from './migrate.js';
import { createPostgresPool, describeConnection, poolSettings, type PostgresPoolSettings } from './pool.js';

/** A connection string (the store creates and ends the pool) or a pool the caller owns and ends. */
export type PostgresConnection = string | Pool;

export type PostgresServiceStoreOptions = ({ connectionString: string; pool?: never } | { pool: Pool; connectionString?: never }) & {
  masterKey: Uint8Array;
  /** Earlier master keys, accepted for unwrapping until the re-wrap has moved every key. */
  previousMasterKeys?: readonly Uint8Array[];
  now?: () => Date;
  /**
   * Where the wrapped data keys live: a separate database (KEY_DATABASE_URL, preferably on
   * another server) or, when absent, the `weerbaar_keys` schema of the data database.
   */
  keyDatabase?: PostgresConnection;
  /** For the pools this store creates from connection strings. */
  poolSettings?: Partial<PostgresPoolSettings>;
  /**
   * Errors that fail no call: an idle pooled connection broke (failover, network; the
   * pool replaces it) or the vacuum after a shred failed (autovacuum catches up).
   */
  onBackgroundError?: (error: Error) => void;
};

export interface PostgresServiceStore extends ServiceStore {
  /** The data database, for stores that share it (like SqliteServiceStore's `database`). */
  readonly database: { readonly db: Kysely<Database> };
  readonly keyLocation: 'database' | 'schema';
  readonly dataKeys: DataKeyMaintenance;
}

interface OpenedDatabase {
  db: Kysely<Database>;
  name: string;
  /** Ends the pool when this store created it. */
  close(): Promise<void>;
}

function openDatabase(connection: PostgresConnection, options: PostgresServiceStoreOptions, role: string): OpenedDatabase {
  if (typeof connection !== 'string') {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: connection }) });
    // Kysely's destroy() would end the caller's pool: leave that to the caller.
    return { db, name: `PostgreSQL ${role} database (caller's pool)`, close: async () => {} };
  }
  const settings = poolSettings(options.poolSettings);
  const pool = createPostgresPool(connection, settings, options.onBackgroundError ?? (() => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, name: `${describeConnection(connection)} (${role})`, close: () => db.destroy() };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The production service store: the same Kysely repositories and migrations as SQLite,
 * on PostgreSQL. Safe for several service processes on one database: claims, ticks,
 * leases, counters and idempotency keys are single statements or row-locking
 * transactions the server serialises, the outbox claim skips rows another worker has
 * locked, and migrations run under an advisory lock.
 */
export async function openPostgresServiceStore(options: PostgresServiceStoreOptions): Promise<PostgresServiceStore> {
  const data = openDatabase(options.pool ?? options.connectionString, options, 'data');
  let keyDatabase: OpenedDatabase | undefined;
  try {
    if (options.keyDatabase !== undefined) keyDatabase = openDatabase(options.keyDatabase, options, 'keys');
    const keys: KeyLocation = keyDatabase ? keysInDatabase(keyDatabase.db) : keysInSchema(data.db);

    await assertKeysBelongWithData(data.db, keys, data.name);
    await migrateUnderLock(data.db, keys.kind === 'schema' ? [serviceMigrations, ...keys.tracks] : [serviceMigrations], data.name);
    if (keyDatabase) {
      await assertSeparateKeyDatabase(keys, data.name);
      await migrateUnderLock(keyDatabase.db, keys.tracks, keyDatabase.name);
    }
    // Finishes a shred interrupted between the two databases, and re-destroys keys that
    // came back with a restore of the key database from a backup older than the shred.
    await keys.destroyKeysOfShreddedSignals(data.db);

    const now = options.now ?? (() => new Date());
    const keyring = keyringOf(options.masterKey, options.previousMasterKeys);
    const dataKeys = dataKeyMaintenance(keyring, keys.table(now));
    await dataKeys.verify();
    const opened = keyDatabase;
    const store = createKyselyServiceStore({
      db: data.db,
      dialect: 'postgres',
      keysFor: keys.keysFor(keyring, now),
      ...(options.now ? { now: options.now } : {}),
      afterShred: async () => {
        // Best effort: the shred has committed; autovacuum reclaims the space later anyway.
        await keys.vacuum().catch((error: unknown) => options.onBackgroundError?.(asError(error)));
      },
      close: async () => {
        await data.close();
        await opened?.close();
      },
    });
    return { ...store, database: { db: data.db }, keyLocation: keys.kind, dataKeys };
  } catch (error) {
    await data.close();
    await keyDatabase?.close();
    throw error;
  }
}
