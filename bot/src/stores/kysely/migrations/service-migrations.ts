import type { Kysely } from 'kysely';
import { binaryColumnType, type Database, type SqlDialectName } from '../database.js';
import { createAuditAppendOnlyTriggers } from './audit-append-only.js';
import type { MigrationTrack } from './migration.js';
import { createSignalTimelineSchema } from './signal-timeline-migration.js';
import { createIntakeSchema } from './intake-migration.js';
import { createHubRoundsSchema } from './hub-rounds-migration.js';
import { createAgendaSchema } from './agenda-migration.js';
import { createAttachmentsSchema } from './attachments-migration.js';
import { createHubLearningSchema } from './hub-learning-migration.js';

async function createInitialServiceSchema(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  const binary = binaryColumnType(dialect);

  await db.schema
    .createTable('signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('concerns_mt_contact', 'integer', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('assigned_to', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('retention_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sealed_content', binary, (c) => c.notNull())
    .addColumn('sealed_reporter', binary)
    .execute();
  await db.schema
    .createIndex('signals_municipality_received')
    .on('signals')
    .columns(['municipality_code', 'received_at'])
    .execute();

  await db.schema
    .createTable('signal_tombstones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_tombstones_municipality').on('signal_tombstones').column('municipality_code').execute();

  await db.schema
    .createTable('reference_counters')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_counters_pk', ['municipality_code', 'year'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_events_municipality_at').on('audit_events').columns(['municipality_code', 'at']).execute();
  await db.schema.createIndex('audit_events_record').on('audit_events').columns(['record_id', 'at']).execute();
  await createAuditAppendOnlyTriggers(db, dialect);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('recipient_object_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('sealed_payload', binary, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_status_next_attempt').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('conversation_refs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_refs_pk', ['tenant_id', 'object_id'])
    .execute();

  await db.schema
    .createTable('dialog_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scheduler_ticks')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('tick_at', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scheduler_ticks_pk', ['job', 'tick_at'])
    .execute();

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .execute();
}

/** Tables of the service store (signals, audit, outbox, ...). */
export const serviceMigrations: MigrationTrack = {
  track: 'service',
  migrations: [
    { version: 1, name: '001_initial', up: createInitialServiceSchema },
    { version: 2, name: '002_signal_timeline', up: createSignalTimelineSchema },
    { version: 3, name: '003_intake', up: createIntakeSchema },
    { version: 4, name: '004_hub_rounds', up: createHubRoundsSchema },
    { version: 5, name: '005_agenda', up: createAgendaSchema },
    { version: 6, name: '006_attachments', up: createAttachmentsSchema },
    { version: 7, name: '007_hub_learning_bands', up: createHubLearningSchema },
  ],
};
