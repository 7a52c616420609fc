import type { CategoryId, Confidentiality } from '@weerbaar/shared';
import type { PendingAttachment } from '../attachments/download-files.js';

/**
 * The intake in progress for one conversation. It lives in the dialog state (sealed,
 * eTag-checked) and is deleted when the signal is sent or the reporter stops; it is
 * never a signal itself, so nothing half-made reaches the signal store.
 */
export const INTAKE_STEPS = [
  'category',
  'description',
  'location',
  'when',
  'involved',
  'noticedHow',
  'concernsMtContact',
  'confidentiality',
  'confirm',
] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

/** What the reporter gave so far, each value already checked against the submit schema. */
export interface IntakeDraft {
  category?: CategoryId;
  description?: string;
  location?: string;
  occurredOn?: string;
  period?: string;
  involved?: string;
  noticedHow?: string;
  concernsMtContact?: boolean;
  confidentiality?: Confidentiality;
  /** Optional questions answered with "no"/"skip", so they are not asked again. */
  skipped?: ('involved' | 'noticedHow')[];
}

export interface IntakeState {
  /** The nonce on the card and the idempotency key of the signal: one intake, one signal. */
  submissionId: string;
  /** `card` while the form is open; `typed` once the reporter answers in the chat. */
  mode: 'card' | 'typed';
  /** In typed mode: the question asked last, whose answer comes next. */
  step?: IntakeStep;
  draft: IntakeDraft;
  /** The card fields exactly as last submitted (also invalid ones), to prefill the form again. */
  cardValues?: Record<string, string>;
  startedAt: string;
  /** Photos and documents sent during the intake: checked, stripped, sealed with the state until sent. */
  attachments?: PendingAttachment[];
}

/** The conversation's state property (botbuilder ConversationState). */
export interface ConversationData {
  intake?: IntakeState;
}

/** The first question still open, in the order of the card; 'confirm' when nothing is missing. */
export function nextStep(draft: IntakeDraft): IntakeStep {
  const skipped = draft.skipped ?? [];
  if (draft.category === undefined) return 'category';
  if (draft.description === undefined) return 'description';
  if (draft.location === undefined) return 'location';
  if (draft.occurredOn === undefined && draft.period === undefined) return 'when';
  if (draft.involved === undefined && !skipped.includes('involved')) return 'involved';
  if (draft.noticedHow === undefined && !skipped.includes('noticedHow')) return 'noticedHow';
  if (draft.concernsMtContact === undefined) return 'concernsMtContact';
  if (draft.confidentiality === undefined) return 'confidentiality';
  return 'confirm';
}

/** The draft as the card's submit contract, for the one schema that checks every channel. */
export function draftAsSubmission(submissionId: string, draft: IntakeDraft): Record<string, unknown> {
  return {
    action: 'signal.submit',
    submissionId,
    category: draft.category,
    description: draft.description,
    location: draft.location,
    occurredOn: draft.occurredOn,
    period: draft.period,
    involved: draft.involved,
    noticedHow: draft.noticedHow,
    concernsMtContact: draft.concernsMtContact,
    confidentiality: draft.confidentiality,
  };
}

/** The draft as card input values (strings, as Adaptive Cards want them). */
export function draftAsCardValues(draft: IntakeDraft): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (key === 'skipped' || value === undefined) continue;
    values[key] = String(value);
  }
  return values;
}
