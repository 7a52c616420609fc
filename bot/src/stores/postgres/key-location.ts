import { sql, type Kysely } from 'kysely';
import { IncompatibleStoreError } from '@weerbaar/shared';
import type { Database } from '../kysely/database.js';
import { keyMigrations } from '../kysely/migrations/key-migrations.js';
import type { MigrationTrack } from '../kysely/migrations/migration.js';
import type { MasterKeyring } from '../../crypto/master-keyring.js';
import { envelopeKeyStoreFor, KyselyWrappedKeyTable, signalKeyId, type KeyStoreFor } from '../kysely/wrapped-key-table.js';

/** Schema of the wrapped data keys when they share the data database. */
export const KEY_SCHEMA = 'weerbaar_keys';

const SWEEP_BATCH = 1_000;

/**
 * Where the wrapped data keys live, apart from the data they seal, so a backup of the
 * data holds no keys and shredding (destroying a key) also defeats that backup:
 *
 * - `database`: another database, ideally on another server (KEY_DATABASE_URL), backed
 *   up on its own, shorter schedule. Creating or destroying a key commits in that
 *   database, not in the data transaction: a key may outlive an aborted signal insert
 *   (it seals nothing), and a shred destroys the key just before the data commits.
 * - `schema`: the `weerbaar_keys` schema of the data database. Keys and data commit
 *   together; only logical backups that exclude the schema leave the keys out.
 */
export interface KeyLocation {
  readonly kind: 'database' | 'schema';
  readonly db: Kysely<Database>;
  readonly tracks: readonly MigrationTrack[];
  keysFor(keyring: MasterKeyring, now: () => Date): KeyStoreFor;
  /** The whole table on the key location's own connection, for verifying and re-wrapping. */
  table(now: () => Date): KyselyWrappedKeyTable;
  /** Whether the key store was ever created (its migration history exists). */
  exists(): Promise<boolean>;
  /**
   * Reclaims the space of destroyed keys. PostgreSQL leaves a deleted row's bytes in the
   * table file until vacuumed; plain VACUUM prunes them from the pages, so the wrapped key
   * no longer lingers in the live database files (the WAL keeps it until recycled).
   */
  vacuum(): Promise<void>;
  /** Destroys keys of signals the data database holds a tombstone for; returns how many. */
  destroyKeysOfShreddedSignals(data: Kysely<Database>): Promise<number>;
}

export function keysInSchema(db: Kysely<Database>): KeyLocation {
  return {
    kind: 'schema',
    db,
    tracks: [keyMigrations(KEY_SCHEMA)],
    keysFor: (keyring, now) => envelopeKeyStoreFor(keyring, KEY_SCHEMA, now),
    table: (now) => new KyselyWrappedKeyTable(db, KEY_SCHEMA, now),
    exists: () => keyTrackExists(db, KEY_SCHEMA),
    vacuum: async () => void (await sql`VACUUM ${sql.table(`${KEY_SCHEMA}.data_keys`)}`.execute(db)),
    async destroyKeysOfShreddedSignals() {
      const result = await sql`DELETE FROM ${sql.table(`${KEY_SCHEMA}.data_keys`)}
        WHERE key_id IN (SELECT ${signalKeyId('')} || id FROM signal_tombstones)`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

export function keysInDatabase(db: Kysely<Database>): KeyLocation {
  return {
    kind: 'database',
    db,
    tracks: [keyMigrations(undefined)],
    // The key database's own connection, whatever transaction the caller is in.
    keysFor: (keyring, now) => {
      const keyStoreOf = envelopeKeyStoreFor(keyring, undefined, now);
      return () => keyStoreOf(db);
    },
    table: (now) => new KyselyWrappedKeyTable(db, undefined, now),
    exists: () => keyTrackExists(db, undefined),
    vacuum: async () => void (await sql`VACUUM ${sql.table('data_keys')}`.execute(db)),
    async destroyKeysOfShreddedSignals(data) {
      const prefix = signalKeyId('');
      const keyIds = await db.selectFrom('data_keys').select('key_id').where('key_id', 'like', `${prefix}%`).execute();
      let destroyed = 0;
      for (let start = 0; start < keyIds.length; start += SWEEP_BATCH) {
        const signalIds = keyIds.slice(start, start + SWEEP_BATCH).map((row) => row.key_id.slice(prefix.length));
        const shredded = await data.selectFrom('signal_tombstones').select('id').where('id', 'in', signalIds).execute();
        if (shredded.length === 0) continue;
        const result = await db
          .deleteFrom('data_keys')
          .where('key_id', 'in', shredded.map((row) => signalKeyId(row.id)))
          .executeTakeFirst();
        destroyed += Number(result.numDeletedRows);
      }
      return destroyed;
    },
  };
}

async function keyTrackExists(db: Kysely<Database>, schema: string | undefined): Promise<boolean> {
  const table = schema ? `${schema}.schema_migrations` : 'schema_migrations';
  const found = await sql<{ present: boolean }>`SELECT to_regclass(${table}) IS NOT NULL AS present`.execute(db);
  if (!found.rows[0]?.present) return false;
  const scoped = schema ? db.withSchema(schema) : db;
  const row = await scoped.selectFrom('schema_migrations').select('version').where('track', '=', 'keys').executeTakeFirst();
  return row !== undefined;
}

/** Whether `table` resolves (through the connection's search_path) in this database. */
export async function hasTable(db: Kysely<Database>, table: string): Promise<boolean> {
  const found = await sql<{ present: boolean }>`SELECT to_regclass(${table}) IS NOT NULL AS present`.execute(db);
  return found.rows[0]?.present === true;
}

/** Refusals that keep a misconfiguration from writing anything or starting half-blind. */
export async function assertKeysBelongWithData(data: Kysely<Database>, keys: KeyLocation, storeName: string): Promise<void> {
  if (await hasTable(data, 'data_keys')) {
    throw new IncompatibleStoreError(
      `${storeName} holds wrapped data keys (table data_keys): it is a key database, not the data database. Check DATABASE_URL and KEY_DATABASE_URL; nothing was changed.`,
    );
  }
  if (!(await keys.exists()) && (await hasTable(data, 'signals'))) {
    const holdsSignals = await data.selectFrom('signals').select('id').limit(1).executeTakeFirst();
    if (holdsSignals) {
      throw new IncompatibleStoreError(
        `${storeName} holds signals but its key store (${keys.kind === 'schema' ? `schema ${KEY_SCHEMA}` : 'KEY_DATABASE_URL'}) has no keys; without them the signals cannot be read. Restore the key database (or point KEY_DATABASE_URL at it) before starting; nothing was changed.`,
      );
    }
  }
}

/** After the data migrations: a key database that has the data tables is the data database. */
export async function assertSeparateKeyDatabase(keys: KeyLocation, storeName: string): Promise<void> {
  if (keys.kind === 'database' && (await hasTable(keys.db, 'signals'))) {
    throw new IncompatibleStoreError(
      `The key database of ${storeName} holds the service tables: KEY_DATABASE_URL points at the data database, so backups of the data would carry the keys. Point it at a separate database.`,
    );
  }
}
