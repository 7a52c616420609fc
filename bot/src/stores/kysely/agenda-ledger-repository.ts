import type { Kysely, Selectable } from 'kysely';
import type {
  AgendaLedgerRepository,
  AgendaNudgeRecord,
  AgendaSubmissionClaim,
  NewAgendaNudgeRecord,
  NudgeRecipient,
} from '@weerbaar/shared';
import type { AgendaNudgesTable, Database } from './database.js';

const STAGES: readonly AgendaNudgeRecord['stage'][] = ['before-due', 'due', 'after-due', 'escalation', 'later'];
const RECIPIENT_ROLES: readonly NudgeRecipient[] = ['head', 'deputy-head', 'mt-contact'];

/**
 * The agenda ledger on the service database. Every decision is one statement (insert on
 * conflict, conditional update), so the database decides who wins across processes.
 */
export class KyselyAgendaLedgerRepository implements AgendaLedgerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async recordNudge(record: NewAgendaNudgeRecord): Promise<void> {
    await this.db
      .insertInto('agenda_nudges')
      .values({
        key: record.key,
        municipality_code: record.municipalityCode,
        department_id: record.departmentId,
        window_key: record.windowKey,
        stage: record.stage,
        recipient_role: record.recipientRole,
        recipient_object_id: record.recipientObjectId,
        queued_at: record.queuedAt,
        not_before: record.notBefore,
        sent_at: null,
        activity_id: null,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async markDelivered(key: string, activityId: string | null, at: string): Promise<void> {
    await this.db.updateTable('agenda_nudges').set({ sent_at: at, activity_id: activityId }).where('key', '=', key).execute();
  }

  async nudges(municipalityCode: string): Promise<AgendaNudgeRecord[]> {
    const rows = await this.db
      .selectFrom('agenda_nudges')
      .selectAll()
      .where('municipality_code', '=', municipalityCode)
      .orderBy('queued_at')
      .orderBy('key')
      .execute();
    return rows.map(fromRow);
  }

  async claimSubmission(key: string, departmentId: string, now: string, staleBefore: string): Promise<AgendaSubmissionClaim> {
    const inserted = await this.db
      .insertInto('agenda_submissions')
      .values({ key, department_id: departmentId, started_at: now, registration_id: null, completed_at: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { outcome: 'claimed' };
    const existing = await this.db.selectFrom('agenda_submissions').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    if (existing.registration_id !== null) return { outcome: 'recorded', registrationId: existing.registration_id };
    if (existing.started_at >= staleBefore) return { outcome: 'in-progress' };
    // Only the caller whose update still sees the stale start takes the claim over.
    const taken = await this.db
      .updateTable('agenda_submissions')
      .set({ started_at: now })
      .where('key', '=', key)
      .where('registration_id', 'is', null)
      .where('started_at', '=', existing.started_at)
      .returning('key')
      .executeTakeFirst();
    return taken ? { outcome: 'taken-over' } : { outcome: 'in-progress' };
  }

  async completeSubmission(key: string, registrationId: string, at: string): Promise<void> {
    await this.db
      .updateTable('agenda_submissions')
      .set({ registration_id: registrationId, completed_at: at })
      .where('key', '=', key)
      .where('registration_id', 'is', null)
      .execute();
  }
}

function fromRow(row: Selectable<AgendaNudgesTable>): AgendaNudgeRecord {
  const stage = STAGES.find((s) => s === row.stage);
  const recipientRole = RECIPIENT_ROLES.find((r) => r === row.recipient_role);
  if (!stage || !recipientRole) throw new Error('Stored agenda nudge has an unknown stage or recipient role');
  return {
    key: row.key,
    municipalityCode: row.municipality_code,
    departmentId: row.department_id,
    windowKey: row.window_key,
    stage,
    recipientRole,
    recipientObjectId: row.recipient_object_id,
    queuedAt: row.queued_at,
    notBefore: row.not_before,
    sentAt: row.sent_at,
    activityId: row.activity_id,
  };
}
