import { sql, type Kysely } from 'kysely';
import type { Database, SqlDialectName } from '../database.js';

/**
 * The audit trail is append-only in the database itself, not only in code: an UPDATE or
 * DELETE of an audit row fails, whoever issues it. The one place with dialect-specific
 * SQL, because triggers differ between SQLite and PostgreSQL.
 */
export async function createAuditAppendOnlyTriggers(db: Kysely<Database>, dialect: SqlDialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: rows cannot be changed'); END`.execute(db);
    await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: rows cannot be deleted'); END`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
    END;
    $$`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`.execute(db);
}
