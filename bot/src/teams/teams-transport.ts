import type { CloudAdapter } from 'botbuilder';
import { MessageFactory, CardFactory, type Activity } from 'botbuilder';
import type { DeliveryOutcome, MessageTransport, OutgoingMessage, TeamsAppInstaller } from '@weerbaar/shared';
import type { ConversationReferences } from './conversation-references.js';
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
    private readonly references: ConversationReferences,
    /** Production: installs the app for a recipient without a chat. */
    private readonly installer: TeamsAppInstaller | null = null,
  ) {}

  async send(tenantId: string, recipientObjectId: string, _conversationId: string | null, message: OutgoingMessage): Promise<DeliveryOutcome> {
    const reference = await this.references.find(tenantId, recipientObjectId);
    if (!reference) return this.withoutConversation(tenantId, recipientObjectId);
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

  /**
   * No conversation yet: the app is not installed for this person. With an installer
   * (production) it is installed and the message retried once Teams has told the bot
   * about the new chat; without one, or when installing fails, the recipient counts as
   * gone, so the outbox passes the message on and the app admin is told.
   */
  private async withoutConversation(tenantId: string, recipientObjectId: string): Promise<DeliveryOutcome> {
    if (this.installer === null) return { kind: 'recipient-gone' };
    const installed = await this.installer.installFor(tenantId, recipientObjectId);
    return installed === 'failed' ? { kind: 'recipient-gone' } : { kind: 'failed', transient: true };
  }
}

function toActivity(message: OutgoingMessage): Partial<Activity> {
  if (!message.card) return MessageFactory.text(message.text);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  activity.text = message.text;
  return activity;
}
