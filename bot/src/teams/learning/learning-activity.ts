import { ActivityHandler, ActivityTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { languageOf, type Clock, type Directory, type IdempotencyRepository } from '@weerbaar/shared';
import type { Pseudonymise } from '../../crypto/pseudonym.js';
import type { Logger } from '../../logging.js';
import { ACTIVITY_MESSAGE_CONTENT_TYPE, ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCardActivity, cardActionOf, tenantOfActivity } from '../card-action.js';
import { normaliseCommandText } from '../dialog/commands.js';
import { LEARNING_ACTIONS, welcomeLearningCard } from './learning-cards.js';
import type { LearningCommand, LearningFlow, LearningReply, LearningTurnResult } from './learning-flow.js';
import type { LearningStateStore, LoadedLearningState } from './learning-state.js';
import { LEARNING_WORDS } from './learning-text.js';

export interface LearningActivityDeps {
  /** The tenant this instance serves; other tenants are left to the bot, which refuses them. */
  tenantId: string;
  directory: Directory;
  flow: LearningFlow;
  state: LearningStateStore;
  idempotency: IdempotencyRepository;
  /** The same pseudonymiser as the signal bot's, so a redelivered activity is recognised whoever answered it. */
  conversationKey: Pseudonymise;
  clock: Clock;
  logger: Logger;
}

/** Handles one turn; true when it was the learning module's (answered here), false otherwise. */
export type LearningActionHandler = (context: TurnContext) => Promise<boolean>;

function commandOfCard(data: Record<string, unknown>): LearningCommand | undefined {
  switch (data['action']) {
    case LEARNING_ACTIONS.start:
      return { kind: 'start' };
    case LEARNING_ACTIONS.resume:
      return { kind: 'resume' };
    case LEARNING_ACTIONS.pause:
      return { kind: 'pause' };
    case LEARNING_ACTIONS.answer: {
      const scenarioId = data['scenarioId'];
      const answer = data['answer'];
      if (typeof scenarioId !== 'string') return undefined;
      return { kind: 'answer', scenarioId, optionId: typeof answer === 'string' && answer !== '' ? answer : undefined };
    }
    default:
      return undefined;
  }
}

/** Typed words: "leren" always; "later"/"verder" only while a session exists (otherwise they are the intake's). */
function commandOfText(text: string, hasSession: boolean): LearningCommand | undefined {
  const word = normaliseCommandText(text);
  if ((LEARNING_WORDS.start as readonly string[]).includes(word)) return { kind: 'start' };
  if (!hasSession) return undefined;
  if ((LEARNING_WORDS.pause as readonly string[]).includes(word)) return { kind: 'pause' };
  if ((LEARNING_WORDS.resume as readonly string[]).includes(word)) return { kind: 'resume' };
  return undefined;
}

function replyActivity(reply: LearningReply): Partial<Activity> {
  if (reply.card) return { ...adaptiveCardActivity(reply.card), ...(reply.text ? { text: reply.text } : {}) };
  return MessageFactory.text(reply.text ?? '');
}

export function createLearningHandler(deps: LearningActivityDeps): LearningActionHandler {
  return async (context) => {
    const activity = context.activity;
    if (tenantOfActivity(activity) !== deps.tenantId) return false;
    const card = cardActionOf(activity);
    const fromCard = card ? commandOfCard(card.data) : undefined;
    if (card && !fromCard) return false;
    let loaded: LoadedLearningState | undefined;
    let command = fromCard;
    if (!command) {
      if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return false;
      loaded = await deps.state.load(context);
      command = commandOfText(activity.text, loaded.session !== undefined);
      if (!command) return false;
    }
    if (!(await firstDelivery(deps, activity))) return true;

    const state = loaded ?? (await deps.state.load(context));
    const objectId = activity.from?.aadObjectId;
    const person = objectId ? await deps.directory.findByObjectId(objectId) : undefined;
    const result = await deps.flow.turn({ language: languageOf(activity.locale), person }, state.session, command);
    // The session is kept before anything is shown: a crash never leaves a question the bot forgot.
    await deps.state.save(state, result.session);
    await deliver(context, card?.mode ?? 'submit', result, deps.logger);
    return true;
  };
}

async function firstDelivery(deps: LearningActivityDeps, activity: Activity): Promise<boolean> {
  const { id, channelId, conversation } = activity;
  if (!id || !conversation?.id) return true;
  const key = `activity:${deps.conversationKey(`${channelId}/${conversation.id}`)}:${id}`;
  return deps.idempotency.claim(key, deps.clock.now().toISOString());
}

async function deliver(context: TurnContext, mode: 'invoke' | 'submit', result: LearningTurnResult, logger: Logger): Promise<void> {
  const replies = result.replies.map(replyActivity);
  if (mode === 'invoke') {
    for (const reply of replies) await context.sendActivity(reply);
    const body = result.replaceCard
      ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result.replaceCard }
      : { statusCode: 200, type: ACTIVITY_MESSAGE_CONTENT_TYPE, value: '' };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    return;
  }
  if (result.replaceCard) {
    const pressed = context.activity.replyToId;
    let updated = false;
    if (pressed) {
      try {
        await context.updateActivity({ ...adaptiveCardActivity(result.replaceCard), id: pressed });
        updated = true;
      } catch (error) {
        // An old card may no longer be editable; the feedback then follows as a message.
        logger.warn({ event: 'learning-card-update-failed', err: error instanceof Error ? error.message : String(error) }, 'learning card not updated');
      }
    }
    if (!updated) await context.sendActivity(adaptiveCardActivity(result.replaceCard));
  }
  for (const reply of replies) await context.sendActivity(reply);
}

/**
 * Puts the learning module in front of another bot without changing it: learning turns
 * are answered here, everything else goes to `inner` unchanged (tenant check, intake,
 * agenda actions, ...). Under the welcome message it adds the button that starts the module.
 */
export class LearningBot extends ActivityHandler {
  constructor(
    private readonly inner: ActivityHandler,
    private readonly handleLearning: LearningActionHandler,
    private readonly tenantId: string,
  ) {
    super();
  }

  override async run(context: TurnContext): Promise<void> {
    if (await this.handleLearning(context)) return;
    await this.inner.run(context);
    const activity = context.activity;
    // Only under a welcome the bot actually sent (not for a redelivered update, not to another tenant).
    const welcomed = activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded ?? []).length > 0 && context.responded;
    if (welcomed && tenantOfActivity(activity) === this.tenantId) {
      await context.sendActivity(adaptiveCardActivity(welcomeLearningCard(languageOf(activity.locale))));
    }
  }
}
