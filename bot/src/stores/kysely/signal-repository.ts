import type { Insertable, Kysely } from 'kysely';
import {
  ConcurrencyError,
  NotFoundError,
  type KeyStore,
  type Page,
  type Signal,
  type SignalFact,
  type SignalFactQuery,
  type SignalQuery,
  type SignalRepository,
  type SignalTombstone,
} from '@weerbaar/shared';
import type { RepositoryContext } from './context.js';
import type { Database, SignalsTable } from './database.js';
import { selectSignalFacts, selectSignalPage } from './signal-list-query.js';
import { sealedSignalRow, signalFromRow, tombstoneFromRow } from './signal-rows.js';
import { signalKeyId } from './wrapped-key-table.js';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

export class KyselySignalRepository implements SignalRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    /** Runs after a shred commits, e.g. to checkpoint SQLite's WAL so freed pages are overwritten on disk. */
    private readonly afterShred: () => Promise<void> = async () => {},
  ) {}

  async create(signal: Signal, idempotencyKey: string): Promise<{ signal: Signal; created: boolean }> {
    const created = await this.ctx.db.transaction().execute(async (trx) => {
      // The key goes in first: a repeat stops here, before a data key or a row exists.
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({ key: idempotencyKey, created_at: this.ctx.now().toISOString(), record_id: signal.id })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) return false;
      await trx.insertInto('signals').values(await sealedSignalRow(signal, this.ctx.keysFor(trx))).execute();
      return true;
    });
    if (created) return { signal, created: true };
    return { signal: await this.earlierSignal(idempotencyKey), created: false };
  }

  async get(id: string): Promise<Signal | undefined> {
    const row = await this.ctx.db.selectFrom('signals').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? signalFromRow(row, this.ctx.keysFor(this.ctx.db)) : undefined;
  }

  async list(query: SignalQuery): Promise<Page<Signal>> {
    if (query.municipalityCodes.length === 0) return { items: [] };
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_PAGE), MAX_PAGE);
    const { rows, nextCursor } = await selectSignalPage(this.ctx.db, query, limit);
    const keys = this.ctx.keysFor(this.ctx.db);
    const items = await Promise.all(rows.map((row) => signalFromRow(row, keys)));
    return nextCursor ? { items, nextPageToken: nextCursor } : { items };
  }

  async update(signal: Signal, expectedVersion: number): Promise<Signal> {
    const keys = this.ctx.keysFor(this.ctx.db);
    return writeSealedSignalUpdate(this.ctx.db, await sealSignalUpdate(keys, signal, expectedVersion), expectedVersion);
  }

  async shred(id: string, deletedAt: string): Promise<SignalTombstone> {
    const tombstone = await this.ctx.db.transaction().execute(async (trx) => {
      // Writing first takes the write lock at once (no read-then-upgrade conflicts).
      await trx
        .insertInto('signal_tombstones')
        .columns(['id', 'reference', 'municipality_code', 'category', 'received_at', 'acknowledged_at', 'closed_at', 'outcome', 'deleted_at'])
        .expression((eb) =>
          eb
            .selectFrom('signals')
            .select((s) => [
              'id',
              'reference',
              'municipality_code',
              'category',
              'received_at',
              'acknowledged_at',
              'closed_at',
              'outcome',
              s.val(deletedAt).as('deleted_at'),
            ])
            .where('id', '=', id),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('signal_tombstone_scopes')
        .columns(['id', 'concerns_mt_contact'])
        .expression((eb) => eb.selectFrom('signals').select(['id', 'concerns_mt_contact']).where('id', '=', id))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      // Notes, messages, enrichment and hand-over details go with the signal; the
      // disclosure register (no content) stays, like the tombstone.
      await trx.deleteFrom('signal_timeline').where('signal_id', '=', id).execute();
      // Photos and documents, sealed under the key destroyed below.
      await trx.deleteFrom('signal_attachments').where('signal_id', '=', id).execute();
      // The receipt code's hash of an anonymous signal, and the outbox copies of notices and
      // messages about it (keyed "signal:<id>:..."), whose payloads hold message texts.
      await trx.deleteFrom('receipt_codes').where('signal_id', '=', id).execute();
      await trx
        .deleteFrom('outbox')
        .where('idempotency_key', '>=', `signal:${id}:`)
        .where('idempotency_key', '<', `signal:${id};`)
        .execute();
      // A receipt code of a deleted signal must not lead anywhere.
      await trx.deleteFrom('receipt_codes').where('signal_id', '=', id).execute();
      await trx.deleteFrom('signals').where('id', '=', id).execute();
      await this.ctx.keysFor(trx).destroy(signalKeyId(id));
      return trx.selectFrom('signal_tombstones').selectAll().where('id', '=', id).executeTakeFirst();
    });
    if (!tombstone) throw new NotFoundError('Signaal niet gevonden (signal not found)');
    await this.afterShred();
    return tombstoneFromRow(tombstone);
  }

  async tombstones(municipalityCodes: readonly string[]): Promise<SignalTombstone[]> {
    if (municipalityCodes.length === 0) return [];
    const rows = await this.ctx.db
      .selectFrom('signal_tombstones')
      .selectAll()
      .where('municipality_code', 'in', [...municipalityCodes])
      .orderBy('deleted_at')
      .orderBy('id')
      .execute();
    return rows.map(tombstoneFromRow);
  }

  facts(query: SignalFactQuery): Promise<SignalFact[]> {
    return selectSignalFacts(this.ctx.db, query);
  }

  async expired(today: string, limit: number): Promise<string[]> {
    const rows = await this.ctx.db
      .selectFrom('signals')
      .select('id')
      .where('retention_until', 'is not', null)
      .where('retention_until', '<', today)
      .orderBy('retention_until')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async nextReferenceNumber(municipalityCode: string, year: number): Promise<number> {
    // One atomic upsert: concurrent intakes never draw the same number.
    const row = await this.ctx.db
      .insertInto('reference_counters')
      .values({ municipality_code: municipalityCode, year, last: 1 })
      .onConflict((oc) =>
        oc.columns(['municipality_code', 'year']).doUpdateSet((eb) => ({ last: eb('reference_counters.last', '+', 1) })),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return row.last;
  }

  private async earlierSignal(idempotencyKey: string): Promise<Signal> {
    const key = await this.ctx.db
      .selectFrom('idempotency_keys')
      .select('record_id')
      .where('key', '=', idempotencyKey)
      .executeTakeFirst();
    if (!key?.record_id) {
      throw new ConcurrencyError('Deze idempotentiesleutel is al voor iets anders gebruikt (idempotency key already used)');
    }
    const earlier = await this.get(key.record_id);
    if (!earlier) throw new NotFoundError('Het eerder gemelde signaal bestaat niet meer (the earlier signal no longer exists)');
    return earlier;
  }
}

/** Seals a changed signal's row (version bumped) outside any transaction, so a transaction can start by writing. */
export async function sealSignalUpdate(
  keys: KeyStore,
  signal: Signal,
  expectedVersion: number,
): Promise<{ next: Signal; row: Insertable<SignalsTable> }> {
  const next: Signal = { ...signal, version: expectedVersion + 1 };
  // Sealing would create a key for an unknown (or shredded) id; refuse before that happens.
  if (!(await keys.has(signalKeyId(signal.id)))) throw new NotFoundError('Signaal niet gevonden (signal not found)');
  return { next, row: await sealedSignalRow(next, keys) };
}

/**
 * Writes a sealed change when the stored version equals `expectedVersion`.
 * `executor` may be a transaction (the timeline commits a change and its entries together).
 */
export async function writeSealedSignalUpdate(
  executor: Kysely<Database>,
  sealed: { next: Signal; row: Insertable<SignalsTable> },
  expectedVersion: number,
): Promise<Signal> {
  const { next, row } = sealed;
  // Identity, reference, municipality and receipt time never change after intake.
  const updated = await executor
    .updateTable('signals')
    .set({
      category: row.category,
      confidentiality: row.confidentiality,
      status: row.status,
      concerns_mt_contact: row.concerns_mt_contact,
      department: row.department,
      acknowledged_at: row.acknowledged_at,
      closed_at: row.closed_at,
      outcome: row.outcome,
      assigned_to: row.assigned_to,
      legal_basis: row.legal_basis,
      retention_until: row.retention_until,
      version: row.version,
      sealed_content: row.sealed_content,
      sealed_reporter: row.sealed_reporter,
    })
    .where('id', '=', next.id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst();
  if (updated) return next;
  const exists = await executor.selectFrom('signals').select('version').where('id', '=', next.id).executeTakeFirst();
  if (!exists) throw new NotFoundError('Signaal niet gevonden (signal not found)');
  throw new ConcurrencyError('Het signaal is intussen gewijzigd (the signal changed since it was read)');
}
