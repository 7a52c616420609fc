import type { Kysely } from 'kysely';
import { binaryColumnType, type Database, type SqlDialectName } from '../database.js';

/**
 * 006_attachments: photos and documents kept with a signal. File name and bytes are
 * sealed under the signal's data key; type and size are plain (they say nothing about
 * the content and the API lists them). `position` makes adding a signal's files
 * idempotent: the n-th file of a signal is written once.
 */
export async function createAttachmentsSchema(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  const binary = binaryColumnType(dialect);
  await db.schema
    .createTable('signal_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sealed_name', binary, (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sealed_bytes', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('signal_attachments_signal_position', ['signal_id', 'position'])
    .execute();
}
