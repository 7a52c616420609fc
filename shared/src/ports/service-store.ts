import type { CategoryId, Confidentiality, Signal, SignalStatus } from '../domain/signal.js';
import type { DisclosureRecord, SignalTimelineEntry } from '../domain/signal-timeline.js';
import type { Page } from './organisation-store.js';
import type { AuditLog } from './audit-log.js';
import type { ReceiptCodeRepository } from './receipt-codes.js';
import type { RoundRepository } from './round-repository.js';
import type { LearningBandRepository } from './learning-band-repository.js';
import type { AgendaLedgerRepository } from './agenda-ledger.js';

/**
 * The service store holds what must be transactional and confidential: signals,
 * audit, outbox, idempotency keys, conversation references, dialog state and
 * scheduler leases. Adapters (SQLite, PostgreSQL) seal signal content, reporter
 * identity, dialog state and outbox payloads at rest with per-record data keys.
 */
export interface ServiceStore {
  readonly signals: SignalRepository;
  readonly timeline: SignalTimelineRepository;
  readonly audit: AuditLog;
  readonly outbox: OutboxRepository;
  readonly idempotency: IdempotencyRepository;
  readonly conversations: ConversationReferenceRepository;
  readonly dialogState: DialogStateRepository;
  readonly leases: LeaseRepository;
  /** Hashed receipt codes of anonymous signals (lookup part -> slow hash of the secret). */
  readonly receiptCodes: ReceiptCodeRepository;
  /** At the hub only: measurement rounds and each municipality's statuses in them. */
  readonly rounds: RoundRepository;
  /** At the hub only: the last learning band each municipality's instance reported. */
  readonly learningBands: LearningBandRepository;
  /** The agenda cycle's nudges (with their Teams activity ids) and registration submissions. */
  readonly agenda: AgendaLedgerRepository;
  /** Photos and documents kept with a signal, sealed under the signal's data key. */
  readonly attachments: SignalAttachmentRepository;
  close(): Promise<void>;
}

export interface SignalQuery {
  municipalityCodes: readonly string[];
  status?: SignalStatus;
  category?: CategoryId;
  /** Only signals that do (true) or do not (false) concern the MT contact. */
  concernsMtContact?: boolean;
  confidentiality?: Confidentiality;
  department?: string;
  /** ISO instants on receivedAt: inclusive lower bound, exclusive upper bound. */
  receivedFrom?: string;
  receivedBefore?: string;
  /** Receipt not confirmed, and received before this instant (see signal-list-filters). */
  unacknowledgedReceivedBefore?: string;
  /** Still open, and the feedback term started before these instants (see signal-list-filters). */
  feedbackStartedBefore?: { acknowledgedBefore: string; unacknowledgedReceivedBefore: string };
  /** Default newest first. */
  sort?: SignalSort;
  /** `cursor` is opaque, from the previous page. */
  limit?: number;
  cursor?: string;
}

export type SignalSort = 'receivedAt' | '-receivedAt' | 'status' | 'category';

/** The plaintext facts of a signal or tombstone that the insights count; never content. */
export interface SignalFact {
  category: CategoryId;
  status: SignalStatus;
  department: string | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  /** True for what remains after retention. */
  tombstone: boolean;
}

export interface SignalFactQuery {
  municipalityCodes: readonly string[];
  /** False leaves out the signals (and tombstones) that concern the MT contact. */
  includeConcerningMtContact: boolean;
  receivedFrom?: string;
  receivedBefore?: string;
}

/** What stays of a signal after retention deletes it: enough for the insights, no content. */
export interface SignalTombstone {
  id: string;
  reference: string;
  municipalityCode: string;
  category: CategoryId;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  deletedAt: string;
}

export interface SignalRepository {
  /**
   * Stores a new signal and its idempotency key in one transaction. When the key was
   * seen before, nothing is written and the earlier signal is returned (`created: false`).
   */
  create(signal: Signal, idempotencyKey: string): Promise<{ signal: Signal; created: boolean }>;
  get(id: string): Promise<Signal | undefined>;
  list(query: SignalQuery): Promise<Page<Signal>>;
  /** Writes `signal` when the stored version equals `expectedVersion`; bumps the version. */
  update(signal: Signal, expectedVersion: number): Promise<Signal>;
  /** Deletes the signal and destroys its data key, leaving the tombstone. */
  shred(id: string, deletedAt: string): Promise<SignalTombstone>;
  tombstones(municipalityCodes: readonly string[]): Promise<SignalTombstone[]>;
  /** Facts of live signals and tombstones for the insights (plaintext columns only, nothing opened). */
  facts(query: SignalFactQuery): Promise<SignalFact[]>;
  /** Ids of signals whose retention date (yyyy-mm-dd) lies before `today`, oldest first. */
  expired(today: string, limit: number): Promise<string[]>;
  /** Next number in the yearly reference sequence of a municipality (1, 2, ...). */
  nextReferenceNumber(municipalityCode: string, year: number): Promise<number>;
}

/**
 * The timeline of each signal, sealed under the signal's data key (shredding the signal
 * deletes its entries and destroys that key), and the disclosure register of hand-overs.
 */
export interface SignalTimelineRepository {
  /**
   * Adds entries without changing the signal (a reporter's message, a system event).
   * The signal must exist; NotFoundError otherwise, and nothing is written.
   */
  append(entries: readonly SignalTimelineEntry[]): Promise<void>;
  /**
   * Writes the changed signal when its stored version equals `expectedVersion` (bumping
   * it, ConcurrencyError otherwise) together with its new entries, in one transaction.
   * Forward entries are also written to the disclosure register.
   */
  commit(change: { signal: Signal; expectedVersion: number; entries: readonly SignalTimelineEntry[] }): Promise<Signal>;
  /** Oldest first. */
  list(signalId: string): Promise<SignalTimelineEntry[]>;
  get(signalId: string, entryId: string): Promise<SignalTimelineEntry | undefined>;
  /** Newest first, paged; readable without any signal's key. */
  disclosures(query: { municipalityCodes: readonly string[]; limit?: number; cursor?: string }): Promise<Page<DisclosureRecord>>;
}

/** A proactive message waiting to go out. The payload is sealed at rest. */
export interface OutboxMessage {
  id: string;
  /** Unique per recipient and purpose, e.g. "signal:<id>:notify:<objectId>". */
  idempotencyKey: string;
  tenantId: string;
  municipalityCode: string;
  recipientObjectId: string;
  /** Teams conversation to send in, when known; else the transport installs the app first. */
  conversationId: string | null;
  payload: OutgoingMessage;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastOutcome: DeliveryOutcome['kind'] | null;
  createdAt: string;
  finishedAt: string | null;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'recipient-gone';

/** A message to show in Teams: plain text, or an Adaptive Card with a text fallback. */
export interface OutgoingMessage {
  text: string;
  card?: Record<string, unknown>;
  /** When set, the card replaces an earlier activity (card update in place). */
  replaceActivityId?: string;
  /** Kind, for outcomes and metrics; never content. */
  kind: string;
}

export type DeliveryOutcome =
  | { kind: 'sent'; activityId?: string }
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'failed'; transient: boolean; status?: number }
  | { kind: 'recipient-gone'; status?: number };

export interface NewOutboxMessage {
  idempotencyKey: string;
  tenantId: string;
  municipalityCode: string;
  recipientObjectId: string;
  conversationId: string | null;
  payload: OutgoingMessage;
  notBefore: string;
}

export interface OutboxRepository {
  /** Adds the message unless its idempotency key exists; returns the stored message. */
  enqueue(message: NewOutboxMessage): Promise<{ message: OutboxMessage; created: boolean }>;
  /**
   * Atomically takes up to `limit` due messages (pending, or sending with an expired
   * claim) and marks them `sending` until `claimUntil`, so two workers never share one.
   */
  claimDue(now: string, limit: number, claimUntil: string, worker: string): Promise<OutboxMessage[]>;
  /** Records an attempt: final statuses end the message, `pending` schedules a retry. */
  recordAttempt(
    id: string,
    worker: string,
    outcome: DeliveryOutcome,
    next: { status: OutboxStatus; nextAttemptAt: string; finishedAt: string | null },
  ): Promise<void>;
  get(id: string): Promise<OutboxMessage | undefined>;
  countByStatus(): Promise<Record<OutboxStatus, number>>;
}

export interface IdempotencyRepository {
  /** True the first time a key is claimed, false ever after (e.g. a redelivered activity id). */
  claim(key: string, at: string): Promise<boolean>;
}

/** Serialized botbuilder ConversationReference per user, so proactive messages survive restarts. */
export interface ConversationReferenceRepository {
  save(tenantId: string, objectId: string, reference: Record<string, unknown>, at: string): Promise<void>;
  get(tenantId: string, objectId: string): Promise<Record<string, unknown> | undefined>;
  delete(tenantId: string, objectId: string): Promise<void>;
}

export interface StoredState {
  value: unknown;
  etag: string;
}

/** Backs botbuilder's Storage: eTag-checked, sealed at rest. */
export interface DialogStateRepository {
  read(keys: readonly string[]): Promise<Record<string, StoredState>>;
  /** `expectedEtag` undefined or '*' writes unconditionally; a mismatch throws ConcurrencyError. */
  write(key: string, value: unknown, expectedEtag: string | undefined): Promise<string>;
  delete(keys: readonly string[]): Promise<void>;
  /** Deletes states whose key starts with `keyPrefix` and that were last written before `updatedBefore`. */
  deleteStale(keyPrefix: string, updatedBefore: string): Promise<number>;
}

/** Scheduler coordination across processes that share one database. */
export interface LeaseRepository {
  /** Claims one tick of a job; true for exactly one caller per (job, tickAt). */
  claimTick(job: string, tickAt: string, holder: string): Promise<boolean>;
  /** Takes or renews a named lease; true when `holder` holds it until `until`. */
  acquire(name: string, holder: string, now: string, until: string): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** What is known of an attachment without opening its bytes (the name is sealed at rest too). */
export interface SignalAttachmentInfo {
  id: string;
  signalId: string;
  name: string;
  /** One of the allowed types, as detected from the bytes (never the sender's claim). */
  contentType: string;
  size: number;
  createdAt: string;
}

/** A checked, metadata-stripped file to keep with a signal. */
export interface NewSignalAttachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Files kept with a signal. Name and bytes are sealed under the signal's data key, so
 * shredding the signal (which deletes the rows and destroys that key) destroys them too.
 */
export interface SignalAttachmentRepository {
  /**
   * Adds files to an existing signal, idempotently: the n-th file of a signal is written
   * once, so repeating the call after a crash adds nothing twice. NotFoundError when the
   * signal does not exist (nothing written).
   */
  addAll(signalId: string, files: readonly NewSignalAttachment[], at: string): Promise<SignalAttachmentInfo[]>;
  list(signalId: string): Promise<SignalAttachmentInfo[]>;
  get(signalId: string, attachmentId: string): Promise<{ info: SignalAttachmentInfo; bytes: Uint8Array } | undefined>;
}
