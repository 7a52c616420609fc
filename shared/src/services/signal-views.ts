import type { SignalDetailDto, SignalSummaryDto, TimelineEntryDto } from '../api/signals-api.js';
import { isAcknowledgementOverdue, isFeedbackOverdue, legalDeadlines } from '../domain/legal-clocks.js';
import type { Actor } from '../domain/organisation.js';
import type { Signal } from '../domain/signal.js';
import { TIMELINE_REPORTER_ACTOR, TIMELINE_SYSTEM_ACTOR, type SignalTimelineEntry } from '../domain/signal-timeline.js';
import { signalEtag } from './signal-actions.js';
import {
  allowedSignalActions,
  reporterRevealableWithReason,
  reporterVisibleWithoutReason,
} from './signal-action-rules.js';

/**
 * What a caller gets to see of a signal. The summary holds no content and no reporter;
 * the department only where the reporter chose to be named (in a small team it points
 * at the reporter). The detail adds content and timeline, and the reporter only as the
 * policy allows: named, or confidential after a stated reason (reveal-reporter).
 */

/** Display names by object id and by lower-case UPN, looked up by the caller beforehand. */
export type DisplayNames = ReadonlyMap<string, string>;

export function toSignalSummary(signal: Signal, actor: Actor, now: Date): SignalSummaryDto {
  const deadlines = legalDeadlines(signal);
  return {
    id: signal.id,
    reference: signal.reference,
    municipalityCode: signal.municipalityCode,
    category: signal.category,
    status: signal.status,
    confidentiality: signal.confidentiality,
    concernsMtContact: signal.concernsMtContact,
    department: reporterVisibleWithoutReason(actor, signal) ? signal.department : null,
    receivedAt: signal.receivedAt,
    acknowledgedAt: signal.acknowledgedAt,
    closedAt: signal.closedAt,
    outcome: signal.outcome,
    assignedTo: signal.assignedTo,
    acknowledgeBy: deadlines.acknowledgeBy,
    feedbackBy: deadlines.feedbackBy,
    overdue: { acknowledgement: isAcknowledgementOverdue(signal, now), feedback: isFeedbackOverdue(signal, now) },
    etag: signalEtag(signal),
  };
}

export function toTimelineEntryDto(entry: SignalTimelineEntry, names: DisplayNames): TimelineEntryDto {
  const staff = entry.actor !== TIMELINE_REPORTER_ACTOR && entry.actor !== TIMELINE_SYSTEM_ACTOR;
  const actorName = staff ? names.get(entry.actor) : undefined;
  const assigneeName = entry.assigneeUpn ? names.get(entry.assigneeUpn.toLowerCase()) : undefined;
  return {
    id: entry.id,
    at: entry.at,
    kind: entry.kind,
    ...(actorName !== undefined ? { actorName } : {}),
    ...(entry.text !== undefined ? { text: entry.text } : {}),
    ...(entry.status !== undefined ? { status: entry.status } : {}),
    ...(entry.action !== undefined ? { action: entry.action } : {}),
    ...(entry.outcome !== undefined ? { outcome: entry.outcome } : {}),
    ...(entry.enrichment !== undefined ? { enrichment: entry.enrichment } : {}),
    ...(entry.forward !== undefined
      ? {
          forward: {
            organisation: entry.forward.organisation,
            ...(entry.forward.organisationName !== undefined ? { organisationName: entry.forward.organisationName } : {}),
            forwardedOn: entry.forward.forwardedOn,
            legalBasis: entry.forward.legalBasis,
          },
        }
      : {}),
    ...(entry.assigneeUpn !== undefined ? { assigneeUpn: entry.assigneeUpn } : {}),
    ...(assigneeName !== undefined ? { assigneeName } : {}),
    ...(entry.retentionUntil !== undefined ? { retentionUntil: entry.retentionUntil } : {}),
  };
}

function reporterView(signal: Signal, actor: Actor, revealed: boolean): Pick<SignalDetailDto, 'reporter' | 'reporterHidden'> {
  if (signal.confidentiality === 'anonymous' || signal.reporter === null) return { reporter: null, reporterHidden: 'anonymous' };
  const shown = revealed || reporterVisibleWithoutReason(actor, signal);
  if (shown) return { reporter: { displayName: signal.reporter.displayName, upn: signal.reporter.upn }, reporterHidden: null };
  return { reporter: null, reporterHidden: reporterRevealableWithReason(actor, signal) ? 'confidential' : 'not-allowed' };
}

/**
 * The full view for a caller who may read the signal. `revealed` is set only in the
 * answer to reveal-reporter, after the policy accepted the stated reason.
 */
export function toSignalDetail(
  signal: Signal,
  timeline: readonly SignalTimelineEntry[],
  context: { actor: Actor; now: Date; names: DisplayNames; revealed?: boolean },
): SignalDetailDto {
  const { actor, now, names } = context;
  const reporter = reporterView(signal, actor, context.revealed === true);
  const summary = toSignalSummary(signal, actor, now);
  return {
    ...summary,
    department: reporter.reporter !== null ? signal.department : summary.department,
    content: { ...signal.content },
    ...reporter,
    legalBasis: signal.legalBasis,
    retentionUntil: signal.retentionUntil,
    timeline: timeline.map((entry) => toTimelineEntryDto(entry, names)),
    allowedActions: allowedSignalActions(actor, signal),
  };
}
