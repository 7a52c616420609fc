import { sql, type Kysely } from 'kysely';
import type { Database, SqlDialectName } from '../database.js';

/** The message every freeze trigger raises; the round repository maps it to RoundClosedError. */
export const ROUND_CLOSED_MARKER = 'round-closed';

/**
 * 004_hub_rounds: the hub's measurement rounds, submissions with per-requirement statuses,
 * the frozen flag, and the instance-token ids seen (replay protection). Instances run the
 * same migrations and keep these tables empty.
 */
export async function createHubRoundsSchema(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('hub_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('hub_rounds_opened_at').on('hub_rounds').column('opened_at').execute();

  await db.schema
    .createTable('hub_submissions')
    .addColumn('round_id', 'text', (c) => c.notNull().references('hub_rounds.id'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('frozen', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hub_submissions_pk', ['round_id', 'municipality_code'])
    .execute();
  await db.schema.createIndex('hub_submissions_municipality').on('hub_submissions').column('municipality_code').execute();

  await db.schema
    .createTable('hub_submission_statuses')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hub_submission_statuses_pk', ['round_id', 'municipality_code', 'requirement_id'])
    .addForeignKeyConstraint('hub_submission_statuses_submission', ['round_id', 'municipality_code'], 'hub_submissions', [
      'round_id',
      'municipality_code',
    ])
    .execute();

  await db.schema
    .createTable('hub_token_uses')
    .addColumn('token_key', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hub_token_uses_expires_at').on('hub_token_uses').column('expires_at').execute();

  await createFreezeTriggers(db, dialect);
}

/**
 * A closed round is frozen in the database itself, not only in code: once a round is
 * closed (and its submissions marked frozen in the same transaction) every UPDATE, DELETE
 * or new INSERT touching it fails, whoever issues it. Dialect-specific, like the audit
 * triggers, because trigger syntax differs between SQLite and PostgreSQL.
 */
async function createFreezeTriggers(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  if (dialect === 'sqlite') {
    const closedRound = (column: string) => `(SELECT status FROM hub_rounds WHERE id = ${column}) <> 'open'`;
    const statements = [
      `CREATE TRIGGER hub_rounds_frozen_update BEFORE UPDATE ON hub_rounds WHEN OLD.status <> 'open'
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: a closed round cannot change'); END`,
      `CREATE TRIGGER hub_rounds_frozen_delete BEFORE DELETE ON hub_rounds WHEN OLD.status <> 'open'
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: a closed round cannot be deleted'); END`,
      `CREATE TRIGGER hub_submissions_closed_insert BEFORE INSERT ON hub_submissions WHEN ${closedRound('NEW.round_id')}
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: no submissions to a closed round'); END`,
      `CREATE TRIGGER hub_submissions_frozen_update BEFORE UPDATE ON hub_submissions WHEN OLD.frozen <> 0
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: a frozen submission cannot change'); END`,
      `CREATE TRIGGER hub_submissions_frozen_delete BEFORE DELETE ON hub_submissions WHEN OLD.frozen <> 0
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: a frozen submission cannot be deleted'); END`,
      `CREATE TRIGGER hub_statuses_closed_insert BEFORE INSERT ON hub_submission_statuses WHEN ${closedRound('NEW.round_id')}
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: a closed round cannot change'); END`,
      `CREATE TRIGGER hub_statuses_closed_update BEFORE UPDATE ON hub_submission_statuses WHEN ${closedRound('OLD.round_id')}
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: a closed round cannot change'); END`,
      `CREATE TRIGGER hub_statuses_closed_delete BEFORE DELETE ON hub_submission_statuses WHEN ${closedRound('OLD.round_id')}
        BEGIN SELECT RAISE(ABORT, '${ROUND_CLOSED_MARKER}: a closed round cannot change'); END`,
    ];
    for (const statement of statements) await sql.raw(statement).execute(db);
    return;
  }
  // One function per table: plpgsql does not short-circuit AND, so a shared function would
  // touch columns (OLD.frozen) that the other tables lack.
  const raise = (what: string) => `RAISE EXCEPTION '${ROUND_CLOSED_MARKER}: ${what} (%)', TG_OP;`;
  const roundClosed = (column: string) => `(SELECT status FROM hub_rounds WHERE id = ${column}) <> 'open'`;
  const functions: Record<string, string> = {
    hub_rounds: `IF OLD.status <> 'open' THEN ${raise('a closed round cannot change')} END IF;`,
    hub_submissions: `IF TG_OP = 'INSERT' THEN
        IF ${roundClosed('NEW.round_id')} THEN ${raise('no submissions to a closed round')} END IF;
      ELSIF OLD.frozen <> 0 THEN ${raise('a frozen submission cannot change')}
      END IF;`,
    hub_submission_statuses: `IF TG_OP = 'INSERT' THEN
        IF ${roundClosed('NEW.round_id')} THEN ${raise('a closed round cannot change')} END IF;
      ELSIF ${roundClosed('OLD.round_id')} THEN ${raise('a closed round cannot change')}
      END IF;`,
  };
  for (const [table, body] of Object.entries(functions)) {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION ${table}_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${body}
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END;
    $$`,
      )
      .execute(db);
    const events = table === 'hub_rounds' ? 'UPDATE OR DELETE' : 'INSERT OR UPDATE OR DELETE';
    await sql.raw(`CREATE TRIGGER ${table}_frozen BEFORE ${events} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_frozen()`).execute(db);
  }
}
