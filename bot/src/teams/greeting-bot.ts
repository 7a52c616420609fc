import { ActivityHandler, TurnContext, type Activity } from 'botbuilder';
import { languageOf, type Clock, type ConversationReferenceRepository } from '@weerbaar/shared';
import type { Logger } from '../logging.js';
import { botStrings } from './strings.js';

export interface GreetingBotDeps {
  tenantId: string;
  conversations: ConversationReferenceRepository;
  clock: Clock;
  logger: Logger;
}

/**
 * The first bot: greets, says what it is for, links the privacy notice, and keeps the
 * conversation reference (in the service store, never in memory) so later proactive
 * messages survive restarts. Activities from a tenant this instance does not serve get
 * a polite refusal; the event is logged without content.
 */
export class GreetingBot extends ActivityHandler {
  constructor(private readonly deps: GreetingBotDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      if (!(await this.acceptTenant(context))) return;
      const botId = context.activity.recipient?.id;
      const someoneNew = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (someoneNew || botAdded) await context.sendActivity(botStrings(languageOf(context.activity.locale)).welcome);
      await next();
    });
    this.onMessage(async (context, next) => {
      if (!(await this.acceptTenant(context))) return;
      const s = botStrings(languageOf(context.activity.locale));
      await context.sendActivity(s.welcome);
      await next();
    });
  }

  private async acceptTenant(context: TurnContext): Promise<boolean> {
    const tenantId = tenantOf(context.activity);
    if (tenantId !== this.deps.tenantId) {
      this.deps.logger.warn({ event: 'foreign-tenant', activityType: context.activity.type }, 'activity from a tenant this instance does not serve');
      await context.sendActivity(botStrings(languageOf(context.activity.locale)).foreignTenant);
      return false;
    }
    const objectId = context.activity.from?.aadObjectId;
    if (objectId) {
      const reference = TurnContext.getConversationReference(context.activity);
      await this.deps.conversations.save(
        tenantId,
        objectId,
        JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
        this.deps.clock.now().toISOString(),
      );
    }
    return true;
  }
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  if (typeof fromChannel === 'string') return fromChannel;
  return activity.conversation?.tenantId;
}
