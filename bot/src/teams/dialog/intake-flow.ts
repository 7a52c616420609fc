import { randomBytes } from 'node:crypto';
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import {
  ValidationError,
  parseInput,
  signalSubmitSchema,
  submissionIdempotencyKey,
  type Clock,
  type Directory,
  type Language,
  type Person,
  type SignalAttachmentRepository,
  type SignalIntakeService,
} from '@weerbaar/shared';
import type { PendingAttachment } from '../attachments/download-files.js';
import { anonymousFilesDropped, filesStoredWithSignal } from '../text/attachment-text.js';
import type { Logger } from '../../logging.js';
import { intakeCard } from '../cards/intake-card.js';
import * as say from '../text/intake-text.js';
import { checkField, checkSubmission, describeProblem, type FieldProblem } from './field-problems.js';
import { draftAsCardValues, draftAsSubmission, nextStep, type IntakeDraft, type IntakeState } from './intake-state.js';
import { applyAnswer, isSendWord } from './typed-answers.js';

export type Reply = Partial<Activity>;

/** Who is talking, as far as this turn needs to know; nothing of it is kept for anonymous signals. */
export interface Speaker {
  objectId: string | undefined;
  displayName: string | undefined;
  language: Language;
}

export interface IntakeFlowDeps {
  intake: SignalIntakeService;
  directory: Directory;
  municipalityCodes: readonly string[];
  clock: Clock;
  privacyUrl: string;
  logger: Logger;
  /** Where the files held during an intake go once the signal exists. */
  attachments?: SignalAttachmentRepository;
}

/** A text from the chat that is probably a description rather than a word to the bot. */
const DESCRIPTION_LIKE_LENGTH = 40;

function newSubmissionId(): string {
  return randomBytes(16).toString('base64url');
}

function cardReply(language: Language, state: IntakeState, problems?: readonly string[]): Reply {
  const values = state.cardValues ?? draftAsCardValues(state.draft);
  return MessageFactory.attachment(CardFactory.adaptiveCard(intakeCard({ language, submissionId: state.submissionId, values, ...(problems ? { problems } : {}) })));
}

function asStrings(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'action' || key === 'submissionId') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
  }
  return values;
}

/**
 * The intake conversation: the card, typed answers one question at a time, and the
 * submission through the intake service. It changes `IntakeState` and returns replies;
 * the bot saves the state before it sends them, so a reply never runs ahead of the state.
 */
export class IntakeFlow {
  constructor(private readonly deps: IntakeFlowDeps) {}

  /** Opens the form; a long first message is kept as the description. */
  start(language: Language, text: string | undefined): { state: IntakeState; replies: Reply[] } {
    const state: IntakeState = { submissionId: newSubmissionId(), mode: 'card', draft: {}, startedAt: this.deps.clock.now().toISOString() };
    const replies: Reply[] = [MessageFactory.text(say.cardIntro(language, this.deps.privacyUrl))];
    if (this.takeAsDescription(state, text)) replies.push(MessageFactory.text(say.descriptionTaken(language)));
    replies.push(cardReply(language, state));
    return { state, replies };
  }

  /** Shows the form again, filled in with what the reporter gave so far. */
  showForm(language: Language, state: IntakeState): Reply[] {
    state.mode = 'card';
    delete state.step;
    return [cardReply(language, state)];
  }

  /** Repeats where the reporter was (after "melden" or "help" during an intake). */
  resume(language: Language, state: IntakeState): Reply[] {
    if (state.mode === 'card') return [MessageFactory.text(say.alreadyInProgress(language)), cardReply(language, state)];
    return [MessageFactory.text(say.alreadyInProgress(language)), MessageFactory.text(say.question(state.step ?? nextStep(state.draft), language, state.draft))];
  }

  /** Free text during an intake: an answer (typed mode) or the switch from the form to typing. */
  async answer(speaker: Speaker, state: IntakeState, text: string): Promise<{ state: IntakeState | undefined; replies: Reply[] }> {
    const { language } = speaker;
    if (state.mode === 'card') {
      state.mode = 'typed';
      delete state.cardValues;
      const replies: Reply[] = [MessageFactory.text(say.switchedToTyping(language))];
      if (this.takeAsDescription(state, text)) replies.push(MessageFactory.text(say.descriptionTaken(language)));
      return { state, replies: [...replies, this.ask(state, language)] };
    }
    const step = state.step ?? nextStep(state.draft);
    if (step === 'confirm') {
      if (!isSendWord(text)) return { state, replies: [MessageFactory.text(say.didNotUnderstand('confirm', language))] };
      return this.submit(speaker, state, draftAsSubmission(state.submissionId, state.draft));
    }
    const result = applyAnswer(step, text, state.draft, this.deps.clock.now());
    if (!result.ok) {
      const problem = 'problem' in result ? describeProblem(result.problem, language) : say.didNotUnderstand(step, language);
      return { state, replies: [MessageFactory.text(`${problem}\n\n${say.question(step, language, state.draft)}`)] };
    }
    state.draft = result.draft;
    return { state, replies: [this.ask(state, language)] };
  }

  /** A submitted card: checked field by field; a valid one becomes a signal, an invalid one comes back filled in. */
  async submitCard(
    speaker: Speaker,
    state: IntakeState | undefined,
    raw: Record<string, unknown>,
    incoming: readonly PendingAttachment[] = [],
  ): Promise<{ state: IntakeState | undefined; replies: Reply[] }> {
    const { language } = speaker;
    const submissionId = typeof raw['submissionId'] === 'string' ? raw['submissionId'] : undefined;
    const idProblem = submissionId === undefined || !signalSubmitSchema.shape.submissionId.safeParse(submissionId).success;
    const { draft, problems } = checkSubmission(raw, this.deps.clock.now());
    if (idProblem || problems.length > 0) {
      const next: IntakeState = {
        submissionId: idProblem ? (state?.submissionId ?? newSubmissionId()) : (submissionId),
        mode: 'card',
        draft,
        cardValues: asStrings(raw),
        startedAt: state?.startedAt ?? this.deps.clock.now().toISOString(),
      };
      const held = [...(state?.attachments ?? []), ...incoming];
      if (held.length > 0) next.attachments = held;
      const texts = problems.map((p) => describeProblem(p, language));
      this.deps.logger.info({ event: 'intake-card-refused', fields: problems.map((p) => `${p.field}:${p.kind}`), formExpired: idProblem }, 'intake card not accepted');
      const intro = idProblem && problems.length === 0 ? say.formExpired(language) : `${say.problemsIntro(language)}\n\n${texts.map((t) => `- ${t}`).join('\n')}`;
      return { state: next, replies: [MessageFactory.text(intro), cardReply(language, next, texts)] };
    }
    const current = state?.submissionId === submissionId ? state : undefined;
    const submitting: IntakeState = current ?? { submissionId: submissionId, mode: 'card', draft, startedAt: this.deps.clock.now().toISOString() };
    const held = [...(current?.attachments ?? []), ...incoming];
    const result = await this.submit(speaker, held.length > 0 ? { ...submitting, attachments: held } : submitting, raw);
    // Another intake that was in progress in this chat stays as it was.
    return { state: current ? result.state : state, replies: result.replies };
  }

  private ask(state: IntakeState, language: Language): Reply {
    const step = nextStep(state.draft);
    state.step = step;
    return MessageFactory.text(say.question(step, language, state.draft));
  }

  private takeAsDescription(state: IntakeState, text: string | undefined): boolean {
    if (text === undefined || state.draft.description !== undefined || text.trim().length < DESCRIPTION_LIKE_LENGTH) return false;
    const checked = checkField('description', text);
    if (!checked.ok) return false;
    state.draft.description = checked.value as string;
    return true;
  }

  private async submit(speaker: Speaker, state: IntakeState, raw: Record<string, unknown>): Promise<{ state: IntakeState | undefined; replies: Reply[] }> {
    const { language } = speaker;
    const now = this.deps.clock.now();
    const submission = parseInput(signalSubmitSchema, raw);
    const anonymous = submission.confidentiality === 'anonymous';
    const person = speaker.objectId ? await this.deps.directory.findByObjectId(speaker.objectId) : undefined;
    if (!anonymous && speaker.objectId === undefined) {
      return this.refuse(state, language, [{ field: 'confidentiality', kind: 'invalid' }]);
    }
    try {
      const result = await this.deps.intake.submit({
        submission,
        municipalityCode: this.municipalityOf(person),
        reporter: anonymous ? null : { objectId: speaker.objectId as string, upn: person?.upn ?? '', displayName: person?.displayName ?? speaker.displayName ?? '' },
        department: anonymous ? null : (person?.department ?? null),
        idempotencyKey: submissionIdempotencyKey(submission.submissionId),
        now,
        channel: 'teams',
      });
      this.deps.logger.info({ event: 'signal-submitted', signalId: result.signal.id, created: result.created, confidentiality: submission.confidentiality }, 'signal intake');
      const text = result.created
        ? say.submitted(language, result.signal.reference, result.receiptCode)
        : say.alreadyReceived(language, result.signal.reference, result.signal.confidentiality === 'anonymous');
      const fileNote = await this.keepFiles(result.signal.id, result.signal.confidentiality === 'anonymous', state.attachments ?? [], language);
      return { state: undefined, replies: [MessageFactory.text(text), ...(fileNote ? [MessageFactory.text(fileNote)] : [])] };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const field = error.field === 'occurredOn' ? 'occurredOn' : 'confidentiality';
      return this.refuse(state, language, [{ field, kind: field === 'occurredOn' ? 'future-date' : 'invalid' }]);
    }
  }

  /**
   * Stores the held files with the signal right after it was created. Idempotent (the n-th
   * file of a signal is written once), so a resubmitted card after a crash completes it.
   * An anonymous signal keeps none of them.
   */
  private async keepFiles(signalId: string, anonymous: boolean, files: readonly PendingAttachment[], language: Language): Promise<string | undefined> {
    if (files.length === 0 || !this.deps.attachments) return undefined;
    if (anonymous) return anonymousFilesDropped(language);
    const stored = await this.deps.attachments.addAll(
      signalId,
      files.map((file) => ({ name: file.name, contentType: file.contentType, bytes: Buffer.from(file.data, 'base64') })),
      this.deps.clock.now().toISOString(),
    );
    this.deps.logger.info({ event: 'signal-attachments-stored', signalId, count: stored.length }, 'attachments kept with the signal');
    return filesStoredWithSignal(language, stored.length);
  }

  private refuse(state: IntakeState, language: Language, problems: FieldProblem[]): { state: IntakeState; replies: Reply[] } {
    const texts = problems.map((p) => describeProblem(p, language));
    const draft: IntakeDraft = { ...state.draft };
    for (const p of problems) delete draft[p.field];
    // The form shows what was typed, also the refused value, so nothing is lost.
    const next: IntakeState = { ...state, mode: 'card', draft, cardValues: state.cardValues ?? draftAsCardValues(state.draft) };
    delete next.step;
    return { state: next, replies: [MessageFactory.text(`${say.problemsIntro(language)}\n\n${texts.map((t) => `- ${t}`).join('\n')}`), cardReply(language, next, texts)] };
  }

  /** The municipality from the tenant; for a tenant serving two, from the reporter's directory entry. */
  private municipalityOf(person: Person | undefined): string {
    const codes = this.deps.municipalityCodes;
    const own = person?.municipalityCode;
    if (own && codes.includes(own)) return own;
    const served = person?.alsoServes?.find((code) => codes.includes(code));
    return served ?? (codes[0] as string);
  }
}
