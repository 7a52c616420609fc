import { dutchDateOf } from '../domain/local-date.js';
import type { Municipality } from '../domain/organisation.js';
import type { ReporterIdentity, Signal, SignalContent } from '../domain/signal.js';
import { ValidationError } from '../domain/errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { ReceiptCodes } from '../ports/receipt-codes.js';
import type { IdGenerator, Notifier } from '../ports/runtime.js';
import type { SignalRepository } from '../ports/service-store.js';
import { assertOccurredOnNotInFuture, type SignalSubmitInput } from '../schemas/inputs.js';
import { newSignalNotice, recipientLanguage, signalNoticeKey, type NoticeContext } from './signal-notifications.js';
import type { SignalRouting } from './signal-routing.js';

/**
 * Why the municipality may process a signal (GDPR art. 6 and art. 10 with UAVG art. 33):
 * recorded on every signal so the privacy officer and the processing register can see it.
 */
export const SIGNAL_LEGAL_BASIS =
  'AVG art. 6 lid 1 sub e (taak van algemeen belang: bestuurlijke aanpak van ondermijning); ' +
  'AVG art. 10 jo. UAVG art. 33 (strafrechtelijke gegevens, met passende waarborgen); ' +
  'interne meldprocedure volgens de Wet bescherming klokkenluiders';

/** Where a signal came in; kept in the audit trail, content-free. */
export type IntakeChannel = 'teams' | 'web-form';

export interface SignalSubmission {
  /** The parsed output of `signalSubmitSchema`. */
  submission: SignalSubmitInput;
  municipalityCode: string;
  /** Null for an anonymous signal: the service then never sees who reported. */
  reporter: ReporterIdentity | null;
  /** The reporter's department (named and confidential only; for suppressed insights). */
  department: string | null;
  /** `submission:<submissionId>`, so a resubmitted card or form creates nothing new. */
  idempotencyKey: string;
  now: Date;
  channel?: IntakeChannel;
}

export interface SignalIntakeResult {
  signal: Signal;
  /** False when the same submission arrived before: nothing new was stored or sent. */
  created: boolean;
  /** Only for a new anonymous signal: shown to the reporter once, never stored in plain text. */
  receiptCode?: string;
}

export interface SignalIntakeDeps {
  signals: SignalRepository;
  audit: AuditLog;
  notifier: Notifier;
  receiptCodes: ReceiptCodes;
  routing: SignalRouting;
  ids: IdGenerator;
  municipalities: readonly Pick<Municipality, 'code' | 'tenantId' | 'referencePrefix'>[];
  notices: NoticeContext;
}

export function submissionIdempotencyKey(submissionId: string): string {
  return `submission:${submissionId}`;
}

/**
 * Takes in a signal from any channel (the Teams bot, the anonymous web form). It stores
 * the signal once (idempotent on the submission), writes a content-free audit event and
 * queues the notifications through the outbox, so a crash after storing never loses them
 * and a repeat never doubles them. An anonymous signal carries no identity at all.
 */
export class SignalIntakeService {
  constructor(private readonly deps: SignalIntakeDeps) {}

  async submit(input: SignalSubmission): Promise<SignalIntakeResult> {
    const { submission, now } = input;
    assertOccurredOnNotInFuture(submission, now);
    const municipality = this.deps.municipalities.find((m) => m.code === input.municipalityCode);
    if (!municipality) throw new ValidationError('This instance does not serve that municipality.', 'municipalityCode');
    const anonymous = submission.confidentiality === 'anonymous';
    if (!anonymous && input.reporter === null) {
      throw new ValidationError('A named or confidential signal needs the reporter.', 'confidentiality');
    }

    const year = Number(dutchDateOf(now).slice(0, 4));
    const number = await this.deps.signals.nextReferenceNumber(municipality.code, year);
    const signal: Signal = {
      id: this.deps.ids.newId(),
      reference: `${municipality.referencePrefix}-${year}-${String(number).padStart(4, '0')}`,
      municipalityCode: municipality.code,
      category: submission.category,
      confidentiality: submission.confidentiality,
      status: 'received',
      concernsMtContact: submission.concernsMtContact,
      // Anonymous: nothing that points to the reporter, not even the department.
      department: anonymous ? null : input.department,
      receivedAt: now.toISOString(),
      acknowledgedAt: null,
      closedAt: null,
      outcome: null,
      assignedTo: null,
      legalBasis: SIGNAL_LEGAL_BASIS,
      retentionUntil: null,
      content: contentOf(submission),
      reporter: anonymous ? null : input.reporter,
      version: 1,
    };

    const stored = await this.deps.signals.create(signal, input.idempotencyKey);
    if (!stored.created) {
      // Queueing again is harmless (per-recipient keys) and covers a crash right after storing.
      await this.announce(stored.signal, now);
      return { signal: stored.signal, created: false };
    }
    await this.deps.audit.record({
      id: this.deps.ids.newId(),
      at: now.toISOString(),
      // Never the reporter's id: for a confidential signal that would put the identity in plain text.
      actor: 'reporter',
      action: 'signal.received',
      recordType: 'signal',
      recordId: signal.id,
      municipalityCode: signal.municipalityCode,
      detail: `confidentiality=${signal.confidentiality}; channel=${input.channel ?? 'teams'}`,
    });
    const receiptCode = anonymous ? await this.deps.receiptCodes.issue(signal.id) : undefined;
    await this.announce(signal, now);
    return receiptCode === undefined ? { signal, created: true } : { signal, created: true, receiptCode };
  }

  /** Queues the "new signal" notification for everyone routing names (idempotent per signal and person). */
  private async announce(signal: Signal, now: Date): Promise<void> {
    const municipality = this.deps.municipalities.find((m) => m.code === signal.municipalityCode);
    if (!municipality) return;
    const recipients = await this.deps.routing.newSignalRecipients(signal, now);
    for (const { person, reason } of recipients) {
      await this.deps.notifier.notify({
        idempotencyKey: signalNoticeKey(signal.id, 'new'),
        tenantId: municipality.tenantId,
        municipalityCode: signal.municipalityCode,
        recipientObjectId: person.objectId,
        message: newSignalNotice(signal, recipientLanguage(person), reason, this.deps.notices),
      });
    }
  }
}

function contentOf(submission: SignalSubmitInput): SignalContent {
  const content: SignalContent = { description: submission.description, location: submission.location };
  if (submission.occurredOn !== undefined) content.occurredOn = submission.occurredOn;
  if (submission.period !== undefined) content.period = submission.period;
  if (submission.involved !== undefined) content.involved = submission.involved;
  if (submission.noticedHow !== undefined) content.noticedHow = submission.noticedHow;
  return content;
}
