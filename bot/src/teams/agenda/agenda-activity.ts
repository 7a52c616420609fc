import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { isAgendaActionData, type Directory } from '@weerbaar/shared';
import type { Logger } from '../../logging.js';
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

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tenantOfActivity(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  return typeof fromChannel === 'string' ? fromChannel : activity.conversation?.tenantId;
}

/**
 * The data of an agenda action: a Universal Action (invoke `adaptiveCard/action`, the verb
 * names the action, inputs merged into `data`) or a classic Action.Submit (a message whose
 * value carries the action).
 */
function agendaActionOf(activity: Activity): { mode: 'invoke' | 'submit'; data: Record<string, unknown> } | undefined {
  if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
    const action = isRecord(activity.value) && isRecord(activity.value['action']) ? activity.value['action'] : undefined;
    const data = action && isRecord(action['data']) ? action['data'] : {};
    const verb = action?.['verb'];
    const merged = { ...data, action: typeof data['action'] === 'string' ? data['action'] : verb };
    return isAgendaActionData(merged) ? { mode: 'invoke', data: merged } : undefined;
  }
  if (activity.type === ActivityTypes.Message && isAgendaActionData(activity.value)) {
    return { mode: 'submit', data: activity.value as Record<string, unknown> };
  }
  return undefined;
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
      ? { statusCode: 200, type: ADAPTIVE_CARD, value: agendaNudgeCard(answer.card) }
      : { statusCode: 200, type: MESSAGE, value: answer.message };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Action.Submit: update the pressed card (its id is the reply-to id); never a second card. */
async function answerSubmit(context: TurnContext, answer: AgendaActionAnswer, logger: Logger): Promise<void> {
  const cardActivityId = context.activity.replyToId;
  if ('card' in answer && cardActivityId) {
    const update = MessageFactory.attachment(CardFactory.adaptiveCard(agendaNudgeCard(answer.card)));
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
