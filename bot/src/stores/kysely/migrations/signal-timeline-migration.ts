import type { Kysely } from 'kysely';
import { binaryColumnType, type Database, type SqlDialectName } from '../database.js';

/**
 * 002_signal_timeline: what happens to a signal after intake, and what stays after it.
 * - signal_timeline: notes, messages, enrichment, hand-overs, assignment, status and
 *   retention entries; details sealed under the signal's data key (kind, time and actor
 *   in the clear, so the order and the audit stay readable without the key).
 * - signal_disclosures: the disclosure register (partner, date, legal basis; no content).
 * - signal_tombstone_scopes: whether a shredded signal concerned the MT contact, so the
 *   insights keep leaving it out for the MT contact after retention.
 * - indexes for the dashboard's list filters and sorts and for the retention job.
 */
export async function createSignalTimelineSchema(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  const binary = binaryColumnType(dialect);
  await db.schema
    .createTable('signal_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_timeline_signal_position').on('signal_timeline').columns(['signal_id', 'position']).execute();

  await db.schema
    .createTable('signal_disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text')
    .addColumn('forwarded_on', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signal_disclosures_municipality_recorded')
    .on('signal_disclosures')
    .columns(['municipality_code', 'recorded_at', 'id'])
    .execute();

  await db.schema
    .createTable('signal_tombstone_scopes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concerns_mt_contact', 'integer', (c) => c.notNull())
    .execute();

  // The dashboard lists one municipality's signals newest first, nearly always limited to
  // those that do or do not concern the MT contact (the policy's scope), often by status
  // or category. The id ends each index so keyset paging needs no sort step.
  const listIndexes: [string, ('municipality_code' | 'concerns_mt_contact' | 'status' | 'category' | 'received_at' | 'id')[]][] = [
    ['signals_list_received', ['municipality_code', 'concerns_mt_contact', 'received_at', 'id']],
    ['signals_list_status', ['municipality_code', 'concerns_mt_contact', 'status', 'received_at', 'id']],
    ['signals_list_category', ['municipality_code', 'concerns_mt_contact', 'category', 'received_at', 'id']],
    ['signals_municipality_status_received', ['municipality_code', 'status', 'received_at', 'id']],
  ];
  for (const [name, columns] of listIndexes) await db.schema.createIndex(name).on('signals').columns(columns).execute();
  await db.schema.createIndex('signals_retention_until').on('signals').columns(['retention_until', 'id']).execute();
}
