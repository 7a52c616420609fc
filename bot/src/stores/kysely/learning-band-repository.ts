import type { Kysely, Selectable } from 'kysely';
import { LEARNING_BANDS, type LearningBand, type LearningBandRepository, type StoredLearningBand } from '@weerbaar/shared';
import type { Database, HubLearningBandsTable } from './database.js';

/**
 * The hub's learning bands over Kysely: one upsert per report, so a retried delivery is
 * harmless and two writes never interleave into a mixed row.
 */
export class KyselyLearningBandRepository implements LearningBandRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async save(report: StoredLearningBand): Promise<StoredLearningBand> {
    const row: HubLearningBandsTable = {
      municipality_code: report.municipalityCode,
      recording: report.recording ? 1 : 0,
      band: report.band,
      as_of: report.asOf,
      received_at: report.receivedAt,
    };
    await this.db
      .insertInto('hub_learning_bands')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('municipality_code')
          .doUpdateSet({ recording: row.recording, band: row.band, as_of: row.as_of, received_at: row.received_at }),
      )
      .execute();
    const kept = await this.db.selectFrom('hub_learning_bands').selectAll().where('municipality_code', '=', report.municipalityCode).executeTakeFirstOrThrow();
    return fromRow(kept);
  }

  async list(): Promise<StoredLearningBand[]> {
    return (await this.db.selectFrom('hub_learning_bands').selectAll().orderBy('municipality_code').execute()).map(fromRow);
  }
}

function fromRow(row: Selectable<HubLearningBandsTable>): StoredLearningBand {
  if (row.band !== null && !(LEARNING_BANDS as readonly string[]).includes(row.band)) {
    throw new Error(`hub_learning_bands ${row.municipality_code} holds an unknown band`);
  }
  return {
    municipalityCode: row.municipality_code,
    recording: row.recording !== 0,
    band: row.band as LearningBand | null,
    asOf: row.as_of,
    receivedAt: row.received_at,
  };
}
