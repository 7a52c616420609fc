import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  ASSESSMENT_STATUSES,
  NotFoundError,
  REQUIREMENT_IDS,
  ROUND_TYPES,
  RoundClosedError,
  closeRound,
  isRequirementId,
  type AssessmentStatus,
  type RequirementId,
  type RequirementStatuses,
  type Round,
  type RoundRepository,
  type RoundType,
  type StoredSubmission,
  type Submission,
} from '@weerbaar/shared';
import type { Database, HubRoundsTable, HubSubmissionsTable } from './database.js';
import { ROUND_CLOSED_MARKER } from './migrations/hub-rounds-migration.js';

/**
 * The hub's rounds over Kysely. Every write re-reads the round inside its transaction, and
 * the freeze triggers refuse any change to a closed round even if two processes race, so a
 * trigger refusal is translated to the same RoundClosedError the code check throws.
 */
export class KyselyRoundRepository implements RoundRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(round: Round): Promise<Round> {
    await this.db.insertInto('hub_rounds').values(roundToRow(round)).execute();
    return round;
  }

  async get(id: string): Promise<Round | undefined> {
    const row = await this.db.selectFrom('hub_rounds').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? roundFromRow(row) : undefined;
  }

  async list(): Promise<Round[]> {
    const rows = await this.db.selectFrom('hub_rounds').selectAll().orderBy('opened_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(roundFromRow);
  }

  async close(id: string, closedAt: string): Promise<Round> {
    return translateFreeze(() =>
      this.db.transaction().execute(async (trx) => {
        const closed = closeRound(await requireRound(trx, id), new Date(closedAt));
        // Freeze the submissions first: the triggers refuse changes once the round row says closed.
        await trx.updateTable('hub_submissions').set({ frozen: 1 }).where('round_id', '=', id).execute();
        await trx.updateTable('hub_rounds').set({ status: closed.status, closed_at: closed.closedAt }).where('id', '=', id).execute();
        return closed;
      }),
    );
  }

  async saveSubmission(submission: Submission): Promise<StoredSubmission> {
    return translateFreeze(() =>
      this.db.transaction().execute(async (trx) => {
        const round = await requireRound(trx, submission.roundId);
        if (round.status !== 'open') throw new RoundClosedError('Deze meetronde is gesloten; de resultaten liggen vast');
        const key = { round_id: submission.roundId, municipality_code: submission.municipalityCode };
        await trx
          .insertInto('hub_submissions')
          .values({ ...key, submitted_by: submission.submittedBy, submitted_at: submission.submittedAt, frozen: 0 })
          .onConflict((oc) =>
            oc.columns(['round_id', 'municipality_code']).doUpdateSet({ submitted_by: submission.submittedBy, submitted_at: submission.submittedAt }),
          )
          .execute();
        await trx
          .deleteFrom('hub_submission_statuses')
          .where('round_id', '=', key.round_id)
          .where('municipality_code', '=', key.municipality_code)
          .execute();
        await trx
          .insertInto('hub_submission_statuses')
          .values(REQUIREMENT_IDS.map((requirementId) => ({ ...key, requirement_id: requirementId, status: submission.statuses[requirementId] })))
          .execute();
        return { ...submission, frozen: false };
      }),
    );
  }

  async submissionsOfRound(roundId: string): Promise<StoredSubmission[]> {
    const rows = await this.db.selectFrom('hub_submissions').selectAll().where('round_id', '=', roundId).orderBy('municipality_code').execute();
    const statuses = await this.db.selectFrom('hub_submission_statuses').selectAll().where('round_id', '=', roundId).execute();
    return assemble(rows, statuses);
  }

  async submissionsOfMunicipality(municipalityCode: string): Promise<StoredSubmission[]> {
    const rows = await this.db
      .selectFrom('hub_submissions')
      .selectAll()
      .where('municipality_code', '=', municipalityCode)
      .orderBy('submitted_at', 'desc')
      .execute();
    const statuses = await this.db.selectFrom('hub_submission_statuses').selectAll().where('municipality_code', '=', municipalityCode).execute();
    return assemble(rows, statuses);
  }
}

async function requireRound(trx: Transaction<Database>, id: string): Promise<Round> {
  const row = await trx.selectFrom('hub_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('no such round');
  return roundFromRow(row);
}

async function translateFreeze<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && !(error instanceof RoundClosedError) && error.message.includes(ROUND_CLOSED_MARKER)) {
      throw new RoundClosedError('Deze meetronde is gesloten; de resultaten liggen vast');
    }
    throw error;
  }
}

function assemble(
  rows: Selectable<HubSubmissionsTable>[],
  statusRows: { round_id: string; municipality_code: string; requirement_id: string; status: string }[],
): StoredSubmission[] {
  const byKey = new Map<string, Partial<Record<RequirementId, AssessmentStatus>>>();
  for (const row of statusRows) {
    if (!isRequirementId(row.requirement_id) || !isAssessmentStatus(row.status)) {
      throw new Error(`hub_submission_statuses holds an unknown requirement or status (${row.requirement_id})`);
    }
    const key = `${row.round_id}\u0000${row.municipality_code}`;
    byKey.set(key, { ...byKey.get(key), [row.requirement_id]: row.status });
  }
  return rows.map((row) => {
    const found = byKey.get(`${row.round_id}\u0000${row.municipality_code}`) ?? {};
    const missing = REQUIREMENT_IDS.filter((id) => found[id] === undefined);
    if (missing.length > 0) throw new Error(`submission ${row.round_id}/${row.municipality_code} lacks statuses for ${missing.join(', ')}`);
    return {
      roundId: row.round_id,
      municipalityCode: row.municipality_code,
      statuses: found as RequirementStatuses,
      submittedBy: row.submitted_by,
      submittedAt: row.submitted_at,
      frozen: row.frozen !== 0,
    };
  });
}

function isAssessmentStatus(value: string): value is AssessmentStatus {
  return (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

function roundToRow(round: Round): HubRoundsTable {
  return {
    id: round.id,
    type: round.type,
    title: round.title,
    period_start: round.periodStart,
    period_end: round.periodEnd,
    status: round.status,
    opened_by: round.openedBy,
    opened_at: round.openedAt,
    closed_at: round.closedAt,
  };
}

function roundFromRow(row: Selectable<HubRoundsTable>): Round {
  if (!(ROUND_TYPES as readonly string[]).includes(row.type)) throw new Error(`hub_rounds ${row.id} has an unknown type`);
  if (row.status !== 'open' && row.status !== 'closed') throw new Error(`hub_rounds ${row.id} has an unknown status`);
  return {
    id: row.id,
    type: row.type as RoundType,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}
