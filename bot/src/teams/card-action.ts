import { ActivityTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';

/** What the agenda nudges and the learning module share about card actions in Teams. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ACTIVITY_MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The tenant of an activity: Teams puts it in channelData; the conversation carries it too. */
export function tenantOfActivity(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  return typeof fromChannel === 'string' ? fromChannel : activity.conversation?.tenantId;
}

export interface CardAction {
  /** `invoke`: a Universal Action (answered in the invoke response); `submit`: a classic Action.Submit. */
  mode: 'invoke' | 'submit';
  data: Record<string, unknown>;
}

/**
 * The data of a pressed card button: a Universal Action (invoke `adaptiveCard/action`, the
 * verb names the action unless the data does, inputs merged into `data`) or a classic
 * Action.Submit (a message whose value is the data). Undefined for anything else.
 */
export function cardActionOf(activity: Activity): CardAction | undefined {
  if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
    const action = isRecord(activity.value) && isRecord(activity.value['action']) ? activity.value['action'] : undefined;
    const data = action && isRecord(action['data']) ? action['data'] : {};
    const verb = action?.['verb'];
    return { mode: 'invoke', data: { ...data, action: typeof data['action'] === 'string' ? data['action'] : verb } };
  }
  if (activity.type === ActivityTypes.Message && isRecord(activity.value)) return { mode: 'submit', data: activity.value };
  return undefined;
}

export function adaptiveCardActivity(card: Record<string, unknown>): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
