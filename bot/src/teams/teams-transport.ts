import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { MessageFactory, CardFactory, type Activity } from 'botbuilder';
import type { ConversationReferenceRepository, DeliveryOutcome, MessageTransport, OutgoingMessage } from '@weerbaar/shared';
import { outcomeFromHttpError } from './delivery-outcome.js';

/**
 * Sends proactive messages through the CloudAdapter, using the conversation reference the
 * bot stored when the person last talked to it (service store, survives restarts).
 * HTTP answers from Teams become outcomes the outbox understands.
 */
export class TeamsTransport implements MessageTransport {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationReferenceRepository,
  ) {}

  async send(tenantId: string, recipientObjectId: string, _conversationId: string | null, message: OutgoingMessage): Promise<DeliveryOutcome> {
    const reference = (await this.conversations.get(tenantId, recipientObjectId)) as Partial<ConversationReference> | undefined;
    // No conversation yet: the app is not installed for this person. Installing it needs
    // Graph (production); the outbox reports it so the app admin can be told.
    if (!reference) return { kind: 'recipient-gone' };
    let activityId: string | undefined;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        const activity = toActivity(message);
        if (message.replaceActivityId) {
          await context.updateActivity({ ...activity, id: message.replaceActivityId });
          activityId = message.replaceActivityId;
        } else {
          activityId = (await context.sendActivity(activity))?.id;
        }
      });
      return { kind: 'sent', activityId };
    } catch (error) {
      const e = error as { statusCode?: number; response?: { headers?: { get?(name: string): string | undefined } } };
      const retryAfter = e.response?.headers?.get?.('retry-after') ?? null;
      return outcomeFromHttpError(e.statusCode, retryAfter);
    }
  }
}

function toActivity(message: OutgoingMessage): Partial<Activity> {
  if (!message.card) return MessageFactory.text(message.text);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  activity.text = message.text;
  return activity;
}
