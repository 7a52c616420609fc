import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import {
  FORWARD_TARGETS,
  NotFoundError,
  timelineDetailsOf,
  type DisclosureRecord,
  type KeyStore,
  type Page,
  type SealedTimelineDetails,
  type Signal,
  type SignalTimelineEntry,
  type SignalTimelineRepository,
  type TimelineEntryKind,
} from '@weerbaar/shared';
import type { RepositoryContext } from './context.js';
import { toBuffer, type Database, type SignalDisclosuresTable, type SignalTimelineTable } from './database.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { sealSignalUpdate, writeSealedSignalUpdate } from './signal-repository.js';
import { signalKeyId } from './wrapped-key-table.js';

const TIMELINE_KINDS: readonly TimelineEntryKind[] = [
  'status',
  'note',
  'message-to-reporter',
  'message-from-reporter',
  'enrichment',
  'forward',
  'assignment',
  'retention',
];
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

/**
 * The timeline of each signal, sealed under the signal's own data key: when the signal
 * is shredded its entries are deleted and, with the key gone, every earlier copy of them
 * is unreadable. Each write starts with a write statement, so concurrent processes on
 * one SQLite file queue for the lock instead of failing an upgrade from read to write.
 */
export class KyselySignalTimelineRepository implements SignalTimelineRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async append(entries: readonly SignalTimelineEntry[]): Promise<void> {
    for (const signalId of new Set(entries.map((entry) => entry.signalId))) {
      const own = entries.filter((entry) => entry.signalId === signalId);
      const keys = this.ctx.keysFor(this.ctx.db);
      // Sealing would create a fresh key for a shredded signal; refuse first.
      if (!(await keys.has(signalKeyId(signalId)))) throw new NotFoundError('Signaal niet gevonden (signal not found)');
      const rows = await Promise.all(own.map((entry) => sealedEntryRow(keys, entry)));
      await this.ctx.db.transaction().execute(async (trx) => {
        for (const row of rows) {
          // Inserted only while the signal exists (a shred may have run meanwhile).
          if (!(await insertEntry(trx, row))) throw new NotFoundError('Signaal niet gevonden (signal not found)');
        }
        const signal = await trx.selectFrom('signals').select(['reference', 'municipality_code']).where('id', '=', signalId).executeTakeFirstOrThrow();
        await insertDisclosures(trx, { id: signalId, reference: signal.reference, municipalityCode: signal.municipality_code }, own);
      });
    }
  }

  async commit(change: { signal: Signal; expectedVersion: number; entries: readonly SignalTimelineEntry[] }): Promise<Signal> {
    const { signal, expectedVersion, entries } = change;
    if (entries.some((entry) => entry.signalId !== signal.id)) throw new Error('Timeline entries must belong to the changed signal');
    const keys = this.ctx.keysFor(this.ctx.db);
    const sealed = await sealSignalUpdate(keys, signal, expectedVersion);
    const rows = await Promise.all(entries.map((entry) => sealedEntryRow(keys, entry)));
    return this.ctx.db.transaction().execute(async (trx) => {
      const next = await writeSealedSignalUpdate(trx, sealed, expectedVersion);
      for (const row of rows) await insertEntry(trx, row);
      await insertDisclosures(trx, signal, entries);
      return next;
    });
  }

  async list(signalId: string): Promise<SignalTimelineEntry[]> {
    const rows = await this.ctx.db
      .selectFrom('signal_timeline')
      .selectAll()
      .where('signal_id', '=', signalId)
      .orderBy('position')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const keys = this.ctx.keysFor(this.ctx.db);
    return Promise.all(rows.map((row) => entryFromRow(row, keys)));
  }

  async get(signalId: string, entryId: string): Promise<SignalTimelineEntry | undefined> {
    const row = await this.ctx.db
      .selectFrom('signal_timeline')
      .selectAll()
      .where('signal_id', '=', signalId)
      .where('id', '=', entryId)
      .executeTakeFirst();
    return row ? entryFromRow(row, this.ctx.keysFor(this.ctx.db)) : undefined;
  }

  async disclosures(query: { municipalityCodes: readonly string[]; limit?: number; cursor?: string }): Promise<Page<DisclosureRecord>> {
    if (query.municipalityCodes.length === 0) return { items: [] };
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_PAGE), MAX_PAGE);
    let select = this.ctx.db.selectFrom('signal_disclosures').selectAll().where('municipality_code', 'in', [...query.municipalityCodes]);
    if (query.cursor) {
      const [recordedAt, id] = decodePageToken(query.cursor, ['string', 'string'], 'cursor');
      select = select.where((eb) =>
        eb.or([eb('recorded_at', '<', recordedAt), eb.and([eb('recorded_at', '=', recordedAt), eb('id', '<', id)])]),
      );
    }
    const rows = await select.orderBy('recorded_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(disclosureFromRow);
    const last = items.at(-1);
    return rows.length > limit && last ? { items, nextPageToken: encodePageToken([last.recordedAt, last.id]) } : { items };
  }
}

type SealedEntryRow = Omit<Insertable<SignalTimelineTable>, 'position'>;

async function sealedEntryRow(keys: KeyStore, entry: SignalTimelineEntry): Promise<SealedEntryRow> {
  const sealed = await keys.seal(signalKeyId(entry.signalId), JSON.stringify(timelineDetailsOf(entry)));
  return { id: entry.id, signal_id: entry.signalId, at: entry.at, kind: entry.kind, actor: entry.actor, sealed: toBuffer(sealed) };
}

/**
 * One statement: inserts the entry with the next position of its signal's timeline (so
 * entries keep the order they were written in, even within one millisecond), and only
 * while the signal exists. Being a write, it takes the write lock at once.
 */
async function insertEntry(executor: Kysely<Database>, row: SealedEntryRow): Promise<boolean> {
  const inserted = await executor
    .insertInto('signal_timeline')
    .columns(['id', 'signal_id', 'position', 'at', 'kind', 'actor', 'sealed'])
    .expression((eb) =>
      eb
        .selectFrom('signals')
        .select((s) => [
          s.val(row.id).as('id'),
          'id as signal_id',
          sql<number>`(select coalesce(max(position), -1) + 1 from signal_timeline where signal_id = ${row.signal_id})`.as('position'),
          s.val(row.at).as('at'),
          s.val(row.kind).as('kind'),
          s.val(row.actor).as('actor'),
          s.val(row.sealed).as('sealed'),
        ])
        .where('id', '=', row.signal_id),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function entryFromRow(row: Selectable<SignalTimelineTable>, keys: KeyStore): Promise<SignalTimelineEntry> {
  if (!(TIMELINE_KINDS as readonly string[]).includes(row.kind)) throw new Error('Stored timeline entry has an unknown kind');
  const details = JSON.parse(await keys.open(signalKeyId(row.signal_id), row.sealed)) as SealedTimelineDetails;
  return { ...details, id: row.id, signalId: row.signal_id, at: row.at, kind: row.kind as TimelineEntryKind, actor: row.actor };
}

async function insertDisclosures(
  executor: Kysely<Database>,
  signal: { id: string; reference: string; municipalityCode: string },
  entries: readonly SignalTimelineEntry[],
): Promise<void> {
  const rows: Insertable<SignalDisclosuresTable>[] = entries.flatMap((entry) =>
    entry.kind === 'forward' && entry.forward
      ? [
          {
            id: entry.id,
            signal_id: signal.id,
            reference: signal.reference,
            municipality_code: signal.municipalityCode,
            organisation: entry.forward.organisation,
            organisation_name: entry.forward.organisationName ?? null,
            forwarded_on: entry.forward.forwardedOn,
            legal_basis: entry.forward.legalBasis,
            recorded_at: entry.at,
            recorded_by: entry.actor,
          },
        ]
      : [],
  );
  if (rows.length > 0) await executor.insertInto('signal_disclosures').values(rows).execute();
}

function disclosureFromRow(row: Selectable<SignalDisclosuresTable>): DisclosureRecord {
  if (!(FORWARD_TARGETS as readonly string[]).includes(row.organisation)) throw new Error('Stored disclosure has an unknown organisation');
  return {
    id: row.id,
    signalId: row.signal_id,
    reference: row.reference,
    municipalityCode: row.municipality_code,
    organisation: row.organisation as DisclosureRecord['organisation'],
    organisationName: row.organisation_name,
    forwardedOn: row.forwarded_on,
    legalBasis: row.legal_basis,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}
