/**
 * Table shapes shared by the SQLite and PostgreSQL adapters. Portable column types only:
 * timestamps are ISO-8601 text (UTC, `Date.toISOString()`, so text order is time order),
 * booleans are integers 0/1, binary is blob (SQLite) / bytea (PostgreSQL) read as Buffer.
 */
export type SqlDialectName = 'sqlite' | 'postgres';

export interface SchemaMigrationsTable {
  track: string;
  version: number;
  name: string;
  applied_at: string;
}

/** Lives in its own database (SQLite: the attached keys file) so backups of the data hold no keys. */
export interface DataKeysTable {
  key_id: string;
  wrapped: Uint8Array;
  created_at: string;
}

export interface SignalsTable {
  id: string;
  reference: string;
  municipality_code: string;
  category: string;
  confidentiality: string;
  status: string;
  concerns_mt_contact: number;
  department: string | null;
  received_at: string;
  acknowledged_at: string | null;
  closed_at: string | null;
  outcome: string | null;
  assigned_to: string | null;
  legal_basis: string;
  retention_until: string | null;
  version: number;
  sealed_content: Uint8Array;
  sealed_reporter: Uint8Array | null;
}

export interface SignalTombstonesTable {
  id: string;
  reference: string;
  municipality_code: string;
  category: string;
  received_at: string;
  acknowledged_at: string | null;
  closed_at: string | null;
  outcome: string | null;
  deleted_at: string;
}

export interface ReferenceCountersTable {
  municipality_code: string;
  year: number;
  last: number;
}

export interface IdempotencyKeysTable {
  key: string;
  created_at: string;
  /** The record created under this key (a signal id), so a repeat can return it. */
  record_id: string | null;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  record_type: string;
  record_id: string;
  municipality_code: string | null;
  detail: string | null;
}

export interface OutboxTable {
  id: string;
  idempotency_key: string;
  tenant_id: string;
  municipality_code: string;
  recipient_object_id: string;
  conversation_id: string | null;
  sealed_payload: Uint8Array;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_outcome: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface ConversationRefsTable {
  tenant_id: string;
  object_id: string;
  sealed: Uint8Array;
  updated_at: string;
}

export interface DialogStateTable {
  key: string;
  etag: string;
  sealed: Uint8Array;
  updated_at: string;
}

export interface SchedulerTicksTable {
  job: string;
  tick_at: string;
  holder: string;
}

export interface LeasesTable {
  name: string;
  holder: string;
  until: string;
}

/** Organisation store: one generic table for all SharePoint-like lists. */
export interface OrgItemsTable {
  list: string;
  id: number;
  etag: string;
  /** JSON object of the item's fields. */
  fields: string;
  created_at: string;
  modified_at: string;
  modified_by: string;
}

/** One row per indexed field value of an item: what filters may use, like a SharePoint column index. */
export interface OrgItemValuesTable {
  list: string;
  item_id: number;
  field: string;
  value: string;
}

/** Per-list item id sequence (SharePoint ids are increasing integers). */
export interface OrgCountersTable {
  list: string;
  last: number;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  data_keys: DataKeysTable;
  signals: SignalsTable;
  signal_tombstones: SignalTombstonesTable;
  reference_counters: ReferenceCountersTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  conversation_refs: ConversationRefsTable;
  dialog_state: DialogStateTable;
  scheduler_ticks: SchedulerTicksTable;
  leases: LeasesTable;
  org_items: OrgItemsTable;
  org_item_values: OrgItemValuesTable;
  org_counters: OrgCountersTable;
}

export function binaryColumnType(dialect: SqlDialectName): 'blob' | 'bytea' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/** better-sqlite3 binds Buffers, not arbitrary Uint8Array views; pg accepts both. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
