import { ActivityHandler, ActivityTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { isAgendaActionData, type Directory } from '@weerbaar/shared';
import type { Logger } from '../../logging.js';
import { ACTIVITY_MESSAGE_CONTENT_TYPE, ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCardActivity, cardActionOf, tenantOfActivity, type CardAction } from '../card-action.js';
import type { AgendaActionAnswer, AgendaCardActions } from './card-actions.js';
import { agendaNudgeCard } from './cards.js';

export interface AgendaActivityDeps {
  /** The tenant this instance serves; activities of another tenant are left to the bot (which refuses them). */
  tenantId: string;
  directory: Directory;
  actions: AgendaCardActions;
  logger: Logger;
}

/** Handles one turn; true when it was an agenda card action (answered here), false otherwise. */
export type AgendaActionHandler = (context: TurnContext) => Promise<boolean>;

/** An agenda action: a card action whose data the agenda recognises. */
function agendaActionOf(activity: Activity): CardAction | undefined {
  const found = cardActionOf(activity);
  return found && isAgendaActionData(found.data) ? found : undefined;
}

export function createAgendaActionHandler(deps: AgendaActivityDeps): AgendaActionHandler {
  return async (context) => {
    const found = agendaActionOf(context.activity);
    if (!found || tenantOfActivity(context.activity) !== deps.tenantId) return false;
    const objectId = context.activity.from?.aadObjectId;
    const person = objectId ? await deps.directory.findByObjectId(objectId) : undefined;
    const answer: AgendaActionAnswer = person
      ? await deps.actions.perform(person, found.data)
      : { message: 'Onbekende gebruiker / unknown user.' };
    if (found.mode === 'invoke') await answerInvoke(context, answer);
    else await answerSubmit(context, answer, deps.logger);
    return true;
  };
}

/** Universal Actions: the card in the invoke response replaces the pressed card; a message leaves it as it was. */
async function answerInvoke(context: TurnContext, answer: AgendaActionAnswer): Promise<void> {
  const body =
    'card' in answer
      ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: agendaNudgeCard(answer.card) }
      : { statusCode: 200, type: ACTIVITY_MESSAGE_CONTENT_TYPE, value: answer.message };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Action.Submit: update the pressed card (its id is the reply-to id); never a second card. */
async function answerSubmit(context: TurnContext, answer: AgendaActionAnswer, logger: Logger): Promise<void> {
  const cardActivityId = context.activity.replyToId;
  if ('card' in answer && cardActivityId) {
    const update = adaptiveCardActivity(agendaNudgeCard(answer.card));
    await context.updateActivity({ ...update, id: cardActivityId });
    return;
  }
  if ('card' in answer) logger.warn({ event: 'agenda-card-without-id' }, 'agenda action without the card activity id');
  await context.sendActivity(MessageFactory.text('card' in answer ? statusSummary(answer) : answer.message));
}

function statusSummary(answer: { card: { status?: { kind: string } } }): string {
  return answer.card.status?.kind === 'besproken' ? 'Geregistreerd. / Recorded.' : 'Opgeslagen. / Saved.';
}

/**
 * Puts the agenda actions in front of another bot without changing it: card actions are
 * answered here, everything else goes to `inner` unchanged (tenant check, intake, ...).
 */
export class AgendaActionsBot extends ActivityHandler {
  constructor(
    private readonly inner: ActivityHandler,
    private readonly handleAgendaAction: AgendaActionHandler,
  ) {
    super();
  }

  override async run(context: TurnContext): Promise<void> {
    if (await this.handleAgendaAction(context)) return;
    await this.inner.run(context);
  }
}
