import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { CATEGORY_IDS, SIGNAL_STATUSES, ValidationError, type SignalFact, type SignalFactQuery, type SignalQuery, type SignalSort } from '@weerbaar/shared';
import type { Database, SignalsTable } from './database.js';
import { decodePageToken, encodePageToken } from './page-token.js';

/**
 * The dashboard's list query: filters as plain comparisons on indexed columns, sorts
 * with keyset paging (the cursor holds the sort keys of the last row, so a page never
 * skips or repeats a row when signals arrive meanwhile).
 */
type SortColumn = 'received_at' | 'id' | 'status' | 'category';
type SortKey = { column: SortColumn; direction: 'asc' | 'desc' };

const SORTS: Record<SignalSort, readonly SortKey[]> = {
  '-receivedAt': [
    { column: 'received_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ],
  receivedAt: [
    { column: 'received_at', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ],
  status: [
    { column: 'status', direction: 'asc' },
    { column: 'received_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ],
  category: [
    { column: 'category', direction: 'asc' },
    { column: 'received_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ],
};

type SignalSelect = SelectQueryBuilder<Database, 'signals', Record<string, unknown>>;

export function applySignalFilters<S extends SelectQueryBuilder<Database, 'signals', object>>(select: S, query: SignalQuery): S {
  let filtered = select.where('municipality_code', 'in', [...query.municipalityCodes]) as S;
  if (query.status) filtered = filtered.where('status', '=', query.status) as S;
  if (query.category) filtered = filtered.where('category', '=', query.category) as S;
  if (query.concernsMtContact !== undefined) {
    filtered = filtered.where('concerns_mt_contact', '=', query.concernsMtContact ? 1 : 0) as S;
  }
  if (query.confidentiality) filtered = filtered.where('confidentiality', '=', query.confidentiality) as S;
  if (query.department) filtered = filtered.where('department', '=', query.department) as S;
  if (query.receivedFrom) filtered = filtered.where('received_at', '>=', query.receivedFrom) as S;
  if (query.receivedBefore) filtered = filtered.where('received_at', '<', query.receivedBefore) as S;
  if (query.unacknowledgedReceivedBefore) {
    filtered = filtered.where('acknowledged_at', 'is', null).where('received_at', '<', query.unacknowledgedReceivedBefore) as S;
  }
  const feedback = query.feedbackStartedBefore;
  if (feedback) {
    filtered = filtered.where('status', '!=', 'closed').where((eb: ExpressionBuilder<Database, 'signals'>) =>
      eb.or([
        eb.and([eb('acknowledged_at', 'is not', null), eb('acknowledged_at', '<', feedback.acknowledgedBefore)]),
        eb.and([eb('acknowledged_at', 'is', null), eb('received_at', '<', feedback.unacknowledgedReceivedBefore)]),
      ]),
    ) as S;
  }
  return filtered;
}

function sortValue(row: Pick<SignalsTable, SortColumn>, column: SortColumn): string {
  return row[column];
}

/** Rows after the cursor position in the sort order: (k1 > v1) or (k1 = v1 and k2 > v2) ... */
function afterCursor(select: SignalSelect, keys: readonly SortKey[], values: readonly string[]): SignalSelect {
  return select.where((eb) =>
    eb.or(
      keys.map((key, index) =>
        eb.and([
          ...keys.slice(0, index).map((earlier, j) => eb(earlier.column, '=', values[j] ?? '')),
          eb(key.column, key.direction === 'asc' ? '>' : '<', values[index] ?? ''),
        ]),
      ),
    ),
  );
}

/** One page of rows (still sealed) and the cursor of the next page. */
export async function selectSignalPage(
  db: Kysely<Database>,
  query: SignalQuery,
  limit: number,
): Promise<{ rows: SignalsTable[]; nextCursor?: string }> {
  const sort: SignalSort = query.sort ?? '-receivedAt';
  const keys = SORTS[sort];
  let select = applySignalFilters(db.selectFrom('signals').selectAll(), query) as SignalSelect;
  if (query.cursor) {
    const shape = ['string', ...keys.map(() => 'string' as const)] as const;
    const [cursorSort, ...values]: readonly string[] = decodePageToken(query.cursor, shape, 'cursor');
    if (cursorSort !== sort) throw new ValidationError('Field "cursor" belongs to another sort order.', 'cursor');
    select = afterCursor(select, keys, values);
  }
  for (const key of keys) select = select.orderBy(key.column, key.direction);
  const rows = (await select.limit(limit + 1).execute()) as unknown as SignalsTable[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length <= limit || !last) return { rows: page };
  return { rows: page, nextCursor: encodePageToken([sort, ...keys.map((key) => sortValue(last, key.column))]) };
}

function category(value: string): SignalFact['category'] {
  if (!(CATEGORY_IDS as readonly string[]).includes(value)) throw new Error('Stored signal has an unknown category value');
  return value as SignalFact['category'];
}

function status(value: string): SignalFact['status'] {
  if (!(SIGNAL_STATUSES as readonly string[]).includes(value)) throw new Error('Stored signal has an unknown status value');
  return value as SignalFact['status'];
}

/** The insights' facts: plaintext columns of live signals and tombstones, nothing opened. */
export async function selectSignalFacts(db: Kysely<Database>, query: SignalFactQuery): Promise<SignalFact[]> {
  if (query.municipalityCodes.length === 0) return [];
  const codes = [...query.municipalityCodes];
  let live = db
    .selectFrom('signals')
    .select(['category', 'status', 'department', 'received_at', 'acknowledged_at', 'closed_at'])
    .where('municipality_code', 'in', codes);
  if (!query.includeConcerningMtContact) live = live.where('concerns_mt_contact', '=', 0);
  if (query.receivedFrom) live = live.where('received_at', '>=', query.receivedFrom);
  if (query.receivedBefore) live = live.where('received_at', '<', query.receivedBefore);

  let dead = db
    .selectFrom('signal_tombstones as t')
    .leftJoin('signal_tombstone_scopes as s', 's.id', 't.id')
    .select(['t.category', 't.received_at', 't.acknowledged_at', 't.closed_at'])
    .where('t.municipality_code', 'in', codes);
  if (!query.includeConcerningMtContact) {
    dead = dead.where((eb) => eb.or([eb('s.concerns_mt_contact', 'is', null), eb('s.concerns_mt_contact', '=', 0)]));
  }
  if (query.receivedFrom) dead = dead.where('t.received_at', '>=', query.receivedFrom);
  if (query.receivedBefore) dead = dead.where('t.received_at', '<', query.receivedBefore);

  const [liveRows, deadRows] = await Promise.all([live.execute(), dead.execute()]);
  return [
    ...liveRows.map((row) => ({
      category: category(row.category),
      status: status(row.status),
      department: row.department,
      receivedAt: row.received_at,
      acknowledgedAt: row.acknowledged_at,
      closedAt: row.closed_at,
      tombstone: false,
    })),
    // Only closed signals expire; the department went with the signal (it can identify the reporter).
    ...deadRows.map((row) => ({
      category: category(row.category),
      status: 'closed' as const,
      department: null,
      receivedAt: row.received_at,
      acknowledgedAt: row.acknowledged_at,
      closedAt: row.closed_at,
      tombstone: true,
    })),
  ];
}
