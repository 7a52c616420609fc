import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { MigrationTrack } from './migration.js';

async function createOrganisationTables(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('org_items')
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('modified_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_items_pk', ['list', 'id'])
    .execute();

  await db.schema
    .createTable('org_item_values')
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_item_values_pk', ['list', 'item_id', 'field'])
    .addForeignKeyConstraint('org_item_values_item_fk', ['list', 'item_id'], 'org_items', ['list', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('org_item_values_lookup').on('org_item_values').columns(['list', 'field', 'value']).execute();

  await db.schema
    .createTable('org_counters')
    .addColumn('list', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
}

/** Tables of the organisation store (SharePoint-like lists). */
export const organisationMigrations: MigrationTrack = {
  track: 'organisation',
  migrations: [{ version: 1, name: '001_initial', up: createOrganisationTables }],
};
