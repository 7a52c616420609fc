import type { NudgeRecipient, NudgeStage } from '../domain/agenda-cycle.js';

/**
 * The agenda cycle's ledger in the service store (transactions, unique keys): which nudge
 * went to whom and under which Teams activity, and which registration submissions were
 * recorded. The organisation store (a SharePoint list) promises only per-item eTags, so
 * nothing that must happen exactly once is decided there.
 */
export interface AgendaNudgeRecord {
  /** The outbox idempotency key of the nudge: one row per department, window and recipient. */
  key: string;
  municipalityCode: string;
  departmentId: string;
  /** `<dueDate>:<step>` of the cycle (see nudgeWindows); a "remind me later" card adds `:later`. */
  windowKey: string;
  stage: NudgeStage | 'later';
  recipientRole: NudgeRecipient;
  recipientObjectId: string;
  queuedAt: string;
  notBefore: string;
  /** Set when the outbox delivered it. */
  sentAt: string | null;
  /** The Teams activity of the delivered card, so it can be updated in place. */
  activityId: string | null;
}

export type NewAgendaNudgeRecord = Omit<AgendaNudgeRecord, 'sentAt' | 'activityId'>;

/**
 * What claiming a submission key says the caller should do:
 * - `claimed`: first time; create the registration, then complete the claim;
 * - `recorded`: done before; nothing to do (a resubmitted card, a double click);
 * - `in-progress`: another request is creating it at this moment;
 * - `taken-over`: an earlier attempt stalled (crashed) before completing; look in the
 *   organisation store for its registration by the key, create it only when missing.
 */
export type AgendaSubmissionClaim =
  | { outcome: 'claimed' }
  | { outcome: 'recorded'; registrationId: string }
  | { outcome: 'in-progress' }
  | { outcome: 'taken-over' };

export interface AgendaLedgerRepository {
  /** Notes a nudge before it is queued; a second call with the same key changes nothing. */
  recordNudge(record: NewAgendaNudgeRecord): Promise<void>;
  /** The outbox delivered the nudge with this key; unknown keys are ignored. */
  markDelivered(key: string, activityId: string | null, at: string): Promise<void>;
  /** Every nudge of the municipality's departments, oldest first. */
  nudges(municipalityCode: string): Promise<AgendaNudgeRecord[]>;
  /**
   * Claims a submission key atomically. A pending claim started before `staleBefore` is
   * taken over by exactly one caller.
   */
  claimSubmission(key: string, departmentId: string, now: string, staleBefore: string): Promise<AgendaSubmissionClaim>;
  completeSubmission(key: string, registrationId: string, at: string): Promise<void>;
}
