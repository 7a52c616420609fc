import { sql, type Kysely } from 'kysely';
import type { Database } from '../kysely/database.js';
import { migrateTrack, type MigrationTrack } from '../kysely/migrations/migration.js';

/** Advisory locks are per database, so one fixed key serialises migrations per database. */
const MIGRATION_LOCK_KEY = 'weerbaar-twente:migrations';
/**
 * Waiting for another process's migration, and a migration step itself (an index on a
 * large table), may take far longer than the pool's statement timeout allows a request.
 */
const MIGRATION_STATEMENT_TIMEOUT = '10min';

/**
 * Runs the tracks on one pooled connection that holds a session advisory lock. Several
 * processes starting at once would otherwise race on `CREATE ... IF NOT EXISTS`, which
 * PostgreSQL does not make atomic (two creators can both pass the check, and one then
 * fails on a catalog unique index).
 */
export async function migrateUnderLock(db: Kysely<Database>, tracks: readonly MigrationTrack[], storeName: string): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`SET statement_timeout = ${sql.lit(MIGRATION_STATEMENT_TIMEOUT)}`.execute(connection);
    try {
      await sql`SELECT pg_advisory_lock(hashtext(${MIGRATION_LOCK_KEY}))`.execute(connection);
      try {
        for (const track of tracks) await migrateTrack(connection, track, 'postgres', storeName);
      } finally {
        await sql`SELECT pg_advisory_unlock(hashtext(${MIGRATION_LOCK_KEY}))`.execute(connection);
      }
    } finally {
      // Back to the pool's setting (the connection's startup value) before it is reused.
      await sql`RESET statement_timeout`.execute(connection);
    }
  });
}
