import type { Kysely } from 'kysely';
import { binaryColumnType, type Database, type SqlDialectName } from '../database.js';
import type { MigrationTrack } from './migration.js';

async function createDataKeys(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('data_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped', binaryColumnType(dialect), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** The wrapped data keys, kept apart from the data they seal (see EnvelopeKeyStore). */
export function keyMigrations(schema: string | undefined): MigrationTrack {
  return {
    track: 'keys',
    ...(schema ? { schema } : {}),
    migrations: [{ version: 1, name: '001_initial', up: createDataKeys }],
  };
}
