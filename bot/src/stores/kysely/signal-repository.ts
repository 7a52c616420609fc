import {
  ConcurrencyError,
  NotFoundError,
  type Page,
  type Signal,
  type SignalQuery,
  type SignalRepository,
  type SignalTombstone,
} from '@weerbaar/shared';
import type { RepositoryContext } from './context.js';
import { decodePageToken, encodePageToken } from './page-token.js';
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
    let select = this.ctx.db
      .selectFrom('signals')
      .selectAll()
      .where('municipality_code', 'in', [...query.municipalityCodes]);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.category) select = select.where('category', '=', query.category);
    if (query.cursor) {
      const [receivedAt, id] = decodePageToken(query.cursor, ['string', 'string'], 'cursor');
      select = select.where((eb) =>
        eb.or([eb('received_at', '<', receivedAt), eb.and([eb('received_at', '=', receivedAt), eb('id', '<', id)])]),
      );
    }
    const rows = await select.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const keys = this.ctx.keysFor(this.ctx.db);
    const items = await Promise.all(rows.slice(0, limit).map((row) => signalFromRow(row, keys)));
    const last = items.at(-1);
    return rows.length > limit && last ? { items, nextPageToken: encodePageToken([last.receivedAt, last.id]) } : { items };
  }

  async update(signal: Signal, expectedVersion: number): Promise<Signal> {
    const next: Signal = { ...signal, version: expectedVersion + 1 };
    const keys = this.ctx.keysFor(this.ctx.db);
    // Sealing would create a key for an unknown (or shredded) id; refuse before that happens.
    if (!(await keys.has(signalKeyId(signal.id)))) throw new NotFoundError('Signaal niet gevonden (signal not found)');
    const row = await sealedSignalRow(next, keys);
    // Identity, reference, municipality and receipt time never change after intake.
    const updated = await this.ctx.db
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
      .where('id', '=', signal.id)
      .where('version', '=', expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (updated) return next;
    const exists = await this.ctx.db.selectFrom('signals').select('version').where('id', '=', signal.id).executeTakeFirst();
    if (!exists) throw new NotFoundError('Signaal niet gevonden (signal not found)');
    throw new ConcurrencyError('Het signaal is intussen gewijzigd (the signal changed since it was read)');
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
