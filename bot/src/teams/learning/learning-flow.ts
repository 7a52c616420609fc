import {
  answerQuestion,
  beginSession,
  openQuestion,
  pauseSession,
  reconcileSession,
  resumeSession,
  type Clock,
  type Language,
  type LearningContent,
  type LearningSession,
  type Person,
} from '@weerbaar/shared';
import type { Logger } from '../../logging.js';
import { feedbackCard, finishCard, questionCard } from './learning-cards.js';
import { learningTexts } from './learning-text.js';

export type LearningCommand =
  | { kind: 'start' }
  | { kind: 'resume' }
  | { kind: 'pause' }
  | { kind: 'answer'; scenarioId: string; optionId: string | undefined };

/** One message of the bot: text, a card, or both. */
export interface LearningReply {
  text?: string;
  card?: Record<string, unknown>;
}

export interface LearningTurnResult {
  /** The state to keep; undefined clears it (finished, or nothing to keep). */
  session: LearningSession | undefined;
  /** Shown in place of the pressed question card. */
  replaceCard?: Record<string, unknown>;
  replies: LearningReply[];
}

export interface LearningFlowDeps {
  content: LearningContent;
  /** Records a completion when the person's municipality has switched recording on. */
  recordCompletion(person: Person, moduleVersion: string, now: Date): Promise<{ recorded: boolean }>;
  clock: Clock;
  webFormUrl: string;
  logger: Pick<Logger, 'info'>;
}

export interface Learner {
  language: Language;
  /** Null when the directory does not know the person: standard scenarios only, nothing recorded. */
  person: Person | undefined;
}

/**
 * The learning module's turns, without botbuilder: what to answer to start, pause,
 * resume and an answer, and which session to keep. The chosen answer is used for this
 * turn's feedback only; it is neither returned in the session nor logged.
 */
export class LearningFlow {
  constructor(private readonly deps: LearningFlowDeps) {}

  async turn(learner: Learner, stored: LearningSession | undefined, command: LearningCommand): Promise<LearningTurnResult> {
    const { language } = learner;
    const t = learningTexts(language);
    const code = learner.person?.municipalityCode ?? null;
    const { content } = this.deps;
    const session = stored ? reconcileSession(stored, content, code) : undefined;
    const restarted = stored !== undefined && session === null;
    const now = this.deps.clock.now();

    switch (command.kind) {
      case 'start':
      case 'resume': {
        if (session) return this.show(language, code, resumeSession(session), [{ text: t.resumed(session.position + 1, session.scenarioIds.length) }]);
        const fresh = beginSession(content, code, now);
        this.deps.logger.info({ event: 'learning-started', version: fresh.moduleVersion }, 'learning module started');
        const intro = restarted ? [{ text: t.restarted }] : [{ text: `**${content.module.title[language]}**\n\n${content.module.intro[language]}` }];
        return this.show(language, code, fresh, [...intro, { text: t.started(content.module.estimatedMinutes) }]);
      }
      case 'pause': {
        if (!session) return { session: undefined, replies: [{ text: t.nothingToPause }] };
        return { session: pauseSession(session, now), replies: [{ text: t.paused(session.position + 1, session.scenarioIds.length) }] };
      }
      case 'answer': {
        if (!session) return { session: undefined, replies: [{ text: restarted ? t.restarted : t.nothingToPause }] };
        if (command.optionId === undefined) return { session, replies: [{ text: t.chooseFirst }] };
        const outcome = answerQuestion(session, content, code, { scenarioId: command.scenarioId, optionId: command.optionId });
        if (outcome.kind === 'stale') return this.show(language, code, session, [{ text: t.stale }]);
        const replaceCard = feedbackCard(language, outcome);
        if (outcome.next) {
          const next = openQuestion(outcome.next, content, code);
          return { session: outcome.next, replaceCard, replies: next ? [{ card: questionCard(language, next) }] : [] };
        }
        // Finished: record that (and when), never how.
        const { recorded } = learner.person
          ? await this.deps.recordCompletion(learner.person, session.moduleVersion, now)
          : { recorded: false };
        this.deps.logger.info({ event: 'learning-completed', version: session.moduleVersion, recorded }, 'learning module completed');
        return {
          session: undefined,
          replaceCard,
          replies: [{ card: finishCard(language, content.module, this.deps.webFormUrl, recorded) }],
        };
      }
    }
  }

  private show(language: Language, code: string | null, session: LearningSession, before: LearningReply[]): LearningTurnResult {
    const open = openQuestion(session, this.deps.content, code);
    return { session, replies: open ? [...before, { card: questionCard(language, open) }] : before };
  }
}
