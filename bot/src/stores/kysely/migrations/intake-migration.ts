import type { Kysely } from 'kysely';
import { binaryColumnType, type Database, type SqlDialectName } from '../database.js';

/**
 * 003_intake: receipt codes of anonymous signals. Only the lookup part is stored in the
 * clear (unique, so checking a code is one indexed read and one scrypt hash, never a
 * scan); the secret part only as a salted scrypt hash.
 */
export async function createIntakeSchema(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  const binary = binaryColumnType(dialect);
  await db.schema
    .createTable('receipt_codes')
    .addColumn('lookup', 'text', (c) => c.primaryKey())
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('salt', binary, (c) => c.notNull())
    .addColumn('hash', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('receipt_codes_signal').on('receipt_codes').column('signal_id').execute();
}
