import type { Kysely } from 'kysely';
import type { Database, SqlDialectName } from '../database.js';

/**
 * 005_agenda: the agenda cycle's ledger. `agenda_nudges` has one row per nudge (its outbox
 * idempotency key), with the Teams activity id once delivered, so a card can be updated
 * in place and the web part can count the nudges of a cycle. `agenda_submissions` makes a
 * registration count once: the organisation store (a SharePoint list) cannot.
 */
export async function createAgendaSchema(db: Kysely<Database>, _dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('agenda_nudges')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('window_key', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text', (c) => c.notNull())
    .addColumn('recipient_object_id', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('activity_id', 'text')
    .execute();
  await db.schema.createIndex('agenda_nudges_municipality').on('agenda_nudges').columns(['municipality_code', 'queued_at']).execute();

  await db.schema
    .createTable('agenda_submissions')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text')
    .addColumn('completed_at', 'text')
    .execute();
}
