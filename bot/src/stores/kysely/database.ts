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

/** At the hub: a measurement round (zelfscan or eindmeting). */
export interface HubRoundsTable {
  id: string;
  type: string;
  title: string;
  period_start: string;
  period_end: string;
  /** 'open' or 'closed'; a closed row is refused any change by trigger. */
  status: string;
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
}

/** At the hub: one municipality's submission in one round (unique per round and municipality). */
export interface HubSubmissionsTable {
  round_id: string;
  municipality_code: string;
  submitted_by: string;
  submitted_at: string;
  /** 0/1: set when the round closes; a frozen row is refused any change by trigger. */
  frozen: number;
}

/** At the hub: the status of one requirement in one submission. */
export interface HubSubmissionStatusesTable {
  round_id: string;
  municipality_code: string;
  requirement_id: string;
  status: string;
}

/** At the hub: the last learning band each municipality's instance reported. */
export interface HubLearningBandsTable {
  municipality_code: string;
  recording: number;
  band: string | null;
  as_of: string;
  received_at: string;
}

/** At the hub: instance-token ids seen within their lifetime, so a replayed token is refused. */
export interface HubTokenUsesTable {
  token_key: string;
  expires_at: string;
}

/** Receipt codes of anonymous signals: the lookup part in the clear, the secret only as a salted scrypt hash. */
export interface ReceiptCodesTable {
  lookup: string;
  signal_id: string;
  salt: Uint8Array;
  hash: Uint8Array;
  created_at: string;
}

/** A signal's timeline entry; the details are sealed under the signal's data key. */
export interface SignalTimelineTable {
  id: string;
  signal_id: string;
  /** Order of entries written at the same instant. */
  position: number;
  at: string;
  kind: string;
  actor: string;
  sealed: Uint8Array;
}

/** The disclosure register: one row per hand-over to a partner; no content, kept after retention. */
export interface SignalDisclosuresTable {
  id: string;
  signal_id: string;
  reference: string;
  municipality_code: string;
  organisation: string;
  organisation_name: string | null;
  forwarded_on: string;
  legal_basis: string;
  recorded_at: string;
  recorded_by: string;
}

/** Beside a tombstone: whether the shredded signal concerned the MT contact (0/1). */
export interface SignalTombstoneScopesTable {
  id: string;
  concerns_mt_contact: number;
}

/** One row per agenda nudge (its outbox idempotency key); see 005_agenda. */
export interface AgendaNudgesTable {
  key: string;
  municipality_code: string;
  department_id: string;
  window_key: string;
  stage: string;
  recipient_role: string;
  recipient_object_id: string;
  queued_at: string;
  not_before: string;
  sent_at: string | null;
  activity_id: string | null;
}

/** One row per registration submission key; `registration_id` once the item exists. */
export interface AgendaSubmissionsTable {
  key: string;
  department_id: string;
  started_at: string;
  registration_id: string | null;
  completed_at: string | null;
}

/** A photo or document kept with a signal; name and bytes sealed under the signal's data key (006_attachments). */
export interface SignalAttachmentsTable {
  id: string;
  signal_id: string;
  position: number;
  sealed_name: Uint8Array;
  content_type: string;
  size: number;
  sealed_bytes: Uint8Array;
  created_at: string;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  data_keys: DataKeysTable;
  signals: SignalsTable;
  signal_tombstones: SignalTombstonesTable;
  signal_timeline: SignalTimelineTable;
  signal_disclosures: SignalDisclosuresTable;
  signal_tombstone_scopes: SignalTombstoneScopesTable;
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
  receipt_codes: ReceiptCodesTable;
  hub_rounds: HubRoundsTable;
  hub_submissions: HubSubmissionsTable;
  hub_submission_statuses: HubSubmissionStatusesTable;
  hub_token_uses: HubTokenUsesTable;
  hub_learning_bands: HubLearningBandsTable;
  agenda_nudges: AgendaNudgesTable;
  agenda_submissions: AgendaSubmissionsTable;
  signal_attachments: SignalAttachmentsTable;
}

export function binaryColumnType(dialect: SqlDialectName): 'blob' | 'bytea' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/** better-sqlite3 binds Buffers, not arbitrary Uint8Array views; pg accepts both. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
