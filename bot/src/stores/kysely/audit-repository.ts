import type { Kysely, Selectable } from 'kysely';
import type { AuditEvent, AuditLog, AuditQuery } from '@weerbaar/shared';
import type { AuditEventsTable, Database } from './database.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** Append-only: this class only inserts and reads; the database triggers refuse anything else. */
export class KyselyAuditLog implements AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(event: AuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        id: event.id,
        at: event.at,
        actor: event.actor,
        action: event.action,
        record_type: event.recordType,
        record_id: event.recordId,
        municipality_code: event.municipalityCode,
        detail: event.detail ?? null,
      })
      .execute();
  }

  async list(query: AuditQuery): Promise<AuditEvent[]> {
    if (query.municipalityCodes.length === 0) return [];
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    let select = this.db.selectFrom('audit_events').selectAll().where('municipality_code', 'in', [...query.municipalityCodes]);
    if (query.recordId) select = select.where('record_id', '=', query.recordId);
    if (query.before) {
      const anchor = await this.db.selectFrom('audit_events').select(['at', 'id']).where('id', '=', query.before).executeTakeFirst();
      if (!anchor) return [];
      select = select.where((eb) =>
        eb.or([eb('at', '<', anchor.at), eb.and([eb('at', '=', anchor.at), eb('id', '<', anchor.id)])]),
      );
    }
    const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(auditEventFromRow);
  }
}

function auditEventFromRow(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    municipalityCode: row.municipality_code,
    ...(row.detail !== null ? { detail: row.detail } : {}),
  };
}
