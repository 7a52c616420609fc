import type { EnrichmentLink, TimelineEntryKind } from '../api/signals-api.js';
import type { SignalStatus } from './signal.js';
import type { Forwarding, WorkflowAction } from './signal-workflow.js';

/**
 * What happened to a signal after intake, in order: status changes, internal notes,
 * messages to and from the reporter, enrichment links, hand-overs to partners,
 * assignment and retention extensions. Stores seal the details (texts, links, partners)
 * under the signal's own data key, so shredding the signal destroys its timeline too.
 */
export interface SignalTimelineEntry {
  id: string;
  signalId: string;
  /** ISO instant. */
  at: string;
  kind: TimelineEntryKind;
  /** Object id of the staff member; 'reporter' for the reporter, 'system' for jobs. */
  actor: string;
  /** Note or message text; for a retention extension, the stated reason. */
  text?: string;
  /** The status the signal entered (status entries). */
  status?: SignalStatus;
  /** The workflow step that caused a status entry. */
  action?: WorkflowAction;
  /** The outcome chosen when closing. */
  outcome?: string;
  enrichment?: EnrichmentLink;
  forward?: Forwarding;
  /** The UPN a signal was assigned to (assignment entries). */
  assigneeUpn?: string;
  /** The new retention date (retention entries). */
  retentionUntil?: string;
}

/** The fields of an entry that are sealed at rest (everything that could hold content). */
export type SealedTimelineDetails = Omit<SignalTimelineEntry, 'id' | 'signalId' | 'at' | 'kind' | 'actor'>;

export function timelineDetailsOf(entry: SignalTimelineEntry): SealedTimelineDetails {
  const { id: _id, signalId: _signalId, at: _at, kind: _kind, actor: _actor, ...details } = entry;
  return details;
}

/**
 * One hand-over to a partner organisation, as the disclosure register keeps it: who
 * received which signal (by reference), when, on what legal basis, recorded by whom.
 * No content, so the privacy officer may read it; it outlives the signal like the
 * tombstone, because accounting for what was shared does not end with the data.
 */
export interface DisclosureRecord {
  id: string;
  signalId: string;
  reference: string;
  municipalityCode: string;
  organisation: Forwarding['organisation'];
  organisationName: string | null;
  forwardedOn: string;
  legalBasis: string;
  recordedAt: string;
  /** Object id of the staff member who recorded the hand-over. */
  recordedBy: string;
}

/** Timeline actors that are not staff members. */
export const TIMELINE_REPORTER_ACTOR = 'reporter';
export const TIMELINE_SYSTEM_ACTOR = 'system';
