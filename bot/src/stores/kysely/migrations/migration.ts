import type { Kysely } from 'kysely';
import { IncompatibleStoreError } from '@weerbaar/shared';
import type { Database, SqlDialectName } from '../database.js';

/** One schema step. Versions only grow; a released migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, dialect: SqlDialectName): Promise<void>;
}

/**
 * A sequence of migrations for one set of tables. Several tracks may share a database
 * (service and organisation tables in one file) because each records its own versions.
 */
export interface MigrationTrack {
  track: string;
  /** Database schema (SQLite: attached database) that holds the track's tables. */
  schema?: string;
  migrations: readonly Migration[];
}

/**
 * Brings a track up to date. Refuses (IncompatibleStoreError, nothing written) a store
 * whose recorded history the code does not know: a newer version, or another lineage.
 * Each step runs in its own transaction that starts by recording the step, so two
 * processes starting at once never apply the same step twice.
 */
export async function migrateTrack(
  db: Kysely<Database>,
  track: MigrationTrack,
  dialect: SqlDialectName,
  storeName: string,
): Promise<void> {
  assertWellOrdered(track);
  const scoped = track.schema ? db.withSchema(track.schema) : db;
  if (track.schema && dialect === 'postgres') {
    await db.schema.createSchema(track.schema).ifNotExists().execute();
  }
  await scoped.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('schema_migrations_pk', ['track', 'version'])
    .execute();

  const applied = await scoped
    .selectFrom('schema_migrations')
    .select(['version', 'name'])
    .where('track', '=', track.track)
    .orderBy('version')
    .execute();
  assertKnownHistory(track, applied, storeName);

  const appliedVersions = new Set(applied.map((row) => row.version));
  for (const migration of track.migrations) {
    if (appliedVersions.has(migration.version)) continue;
    await db.transaction().execute(async (trx) => {
      const claimed = await (track.schema ? trx.withSchema(track.schema) : trx)
        .insertInto('schema_migrations')
        .values({ track: track.track, version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['track', 'version']).doNothing())
        .returning('version')
        .executeTakeFirst();
      if (claimed) await migration.up(track.schema ? trx.withSchema(track.schema) : trx, dialect);
    });
  }
}

function assertKnownHistory(
  track: MigrationTrack,
  applied: readonly { version: number; name: string }[],
  storeName: string,
): void {
  const known = new Map(track.migrations.map((m) => [m.version, m.name]));
  const latest = Math.max(0, ...track.migrations.map((m) => m.version));
  for (const row of applied) {
    if (row.version > latest) {
      throw new IncompatibleStoreError(
        `${storeName} has ${track.track} schema version ${row.version} (${row.name}), newer than this version of the service knows (${latest}); ` +
          'it was left untouched: run the newer service version or restore a matching backup',
      );
    }
    if (known.get(row.version) !== row.name) {
      throw new IncompatibleStoreError(
        `${storeName} records ${track.track} migration ${row.version} as "${row.name}", which this version of the service does not know; it was left untouched`,
      );
    }
  }
}

function assertWellOrdered(track: MigrationTrack): void {
  track.migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration track ${track.track} must number its steps 1, 2, 3...; found ${migration.version} at ${index + 1}`);
    }
  });
}
