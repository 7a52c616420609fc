import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/**
 * 007_hub_learning_bands: per municipality, the last completion band of the learning
 * module its instance reported. One row per municipality, no people, no counts.
 * Instances run the same migrations and keep the table empty.
 */
export async function createHubLearningSchema(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('hub_learning_bands')
    .addColumn('municipality_code', 'text', (c) => c.primaryKey())
    .addColumn('recording', 'integer', (c) => c.notNull())
    .addColumn('band', 'text')
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
}
