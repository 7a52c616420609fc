import { randomUUID } from 'node:crypto';
import { ActivityHandler, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { languageOf, type Clock, type IdempotencyRepository, type Language } from '@weerbaar/shared';
import type { Pseudonymise } from '../crypto/pseudonym.js';
import type { Logger } from '../logging.js';
import type { ConversationReferences } from './conversation-references.js';
import { parseCommand } from './dialog/commands.js';
import type { ConversationStateStore } from './dialog/conversation-state.js';
import type { IntakeFlow, Reply, Speaker } from './dialog/intake-flow.js';
import type { IntakeState } from './dialog/intake-state.js';
import { replyToHandler, statusReply, type StatusCommandDeps } from './dialog/status-command.js';
import { fileReferencesOf } from './attachments/download-files.js';
import { botTokenFor, type BotTokenSource } from './attachments/bot-token.js';
import type { FileHostPolicy } from './attachments/file-hosts.js';
import { filesWithCard, takeFiles } from './attachments/take-files.js';
import { foreignTenant, helpText, privacyLink } from './text/help-text.js';
import { stopped, welcome } from './text/intake-text.js';

export interface SignalBotDeps {
  tenantId: string;
  references: ConversationReferences;
  idempotency: IdempotencyRepository;
  state: ConversationStateStore;
  flow: IntakeFlow;
  status: StatusCommandDeps;
  clock: Clock;
  logger: Logger;
  privacyUrl: string;
  /** Pseudonymises the conversation part of activity keys (Teams conversation ids name chats). */
  conversationKey: Pseudonymise;
  /** Where files and images may be fetched from; the Microsoft 365 hosts when absent. */
  fileHosts?: FileHostPolicy;
}

type TurnResult = { intake: IntakeState | undefined; replies: Reply[] };

/**
 * The signal bot. Every turn: refuse a tenant this instance does not serve (politely,
 * logged without content), drop a redelivered activity, keep the conversation reference
 * for proactive messages, then run the intake. State is saved before replies are sent,
 * so a crash never leaves the reporter looking at a question the bot has forgotten.
 */
export class SignalBot extends ActivityHandler {
  constructor(private readonly deps: SignalBotDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      if (added.some((member) => member.id === botId) || added.some((member) => member.id !== botId)) {
        await context.sendActivity(welcome(languageOf(context.activity.locale), this.deps.privacyUrl));
      }
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const objectId = context.activity.from?.aadObjectId;
      if (objectId && (context.activity.membersRemoved ?? []).some((member) => member.id === botId)) {
        await this.deps.references.forget(this.deps.tenantId, objectId);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (!(await this.acceptTenant(context))) return;
    if (!(await this.firstDelivery(context))) return;
    const { tenantId } = this.deps;
    const objectId = context.activity.from?.aadObjectId;
    const removed = (context.activity.membersRemoved ?? []).length > 0;
    if (objectId && !removed) await this.deps.references.remember(tenantId, objectId, context.activity, this.deps.clock.now());
    await super.run(context);
  }

  private async acceptTenant(context: TurnContext): Promise<boolean> {
    if (tenantOf(context.activity) === this.deps.tenantId) return true;
    const type = context.activity.type;
    this.deps.logger.warn({ event: 'foreign-tenant', activityType: type }, 'activity from a tenant this instance does not serve');
    if (type === 'message' || type === 'conversationUpdate') {
      await context.sendActivity(foreignTenant(languageOf(context.activity.locale)));
    }
    return false;
  }

  /** A redelivered activity (same id in the same conversation) is answered once only. */
  private async firstDelivery(context: TurnContext): Promise<boolean> {
    const { id, channelId, conversation } = context.activity;
    if (!id || !conversation?.id) return true;
    const key = `activity:${this.deps.conversationKey(`${channelId}/${conversation.id}`)}:${id}`;
    const first = await this.deps.idempotency.claim(key, this.deps.clock.now().toISOString());
    if (!first) this.deps.logger.info({ event: 'duplicate-activity', activityType: context.activity.type }, 'redelivered activity ignored');
    return first;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const language = languageOf(activity.locale);
    const speaker: Speaker = { objectId: activity.from?.aadObjectId, displayName: activity.from?.name, language };
    const loaded = await this.deps.state.load(context);
    const result = await this.turn(speaker, loaded.data.intake, activity, botTokenFor(context));
    await this.deps.state.save(loaded, result.intake === undefined ? {} : { intake: result.intake });
    for (const reply of result.replies) await context.sendActivity(reply);
  }

  private async turn(speaker: Speaker, intake: IntakeState | undefined, activity: Activity, botToken: BotTokenSource): Promise<TurnResult> {
    const { language } = speaker;
    const { flow } = this.deps;
    const files = fileReferencesOf(activity, botToken, this.deps.fileHosts);
    if (isCardSubmit(activity.value)) {
      if (files.length === 0) return fromFlow(await flow.submitCard(speaker, intake, activity.value));
      const held = intake && intake.submissionId === activity.value['submissionId'] ? (intake.attachments?.length ?? 0) : 0;
      const withCard = await filesWithCard(language, activity.value, held, files);
      const result = await flow.submitCard(speaker, intake, activity.value, withCard.accepted);
      return { intake: result.state, replies: [...withCard.notes, ...result.replies] };
    }

    const text = (activity.text ?? '').trim();
    if (files.length > 0 && !intake) {
      // Files open an intake to be held in; a typed message with them may be the description.
      const command = text === '' ? undefined : parseCommand(text);
      const started = this.started(language, command?.kind === 'none' ? text : undefined);
      const fileNotes = started.intake ? await takeFiles(language, started.intake, files) : [];
      return { intake: started.intake, replies: [...started.replies, ...fileNotes] };
    }
    const notes: Reply[] = files.length > 0 && intake ? await takeFiles(language, intake, files) : [];
    if (text === '') return { intake, replies: notes.length > 0 ? notes : intake ? flow.resume(language, intake) : flow.start(language, undefined).replies };

    const command = parseCommand(text);
    const withNotes = (result: TurnResult): TurnResult => ({ intake: result.intake, replies: [...notes, ...result.replies] });
    switch (command.kind) {
      case 'help':
        return withNotes({ intake, replies: [MessageFactory.text(helpText(language)), ...(intake ? flow.resume(language, intake) : [])] });
      case 'privacy':
        return withNotes({ intake, replies: [MessageFactory.text(privacyLink(language, this.deps.privacyUrl))] });
      case 'status':
        return withNotes({ intake, replies: [MessageFactory.text(await statusReply(this.deps.status, command.code, language))] });
      case 'reply': {
        const nonce = `${this.deps.conversationKey(`${activity.channelId}/${activity.conversation?.id ?? ''}`)}:${activity.id ?? randomUUID()}`;
        const answer = await replyToHandler(this.deps.status, command, language, this.deps.clock.now(), nonce);
        return withNotes({ intake, replies: [MessageFactory.text(answer)] });
      }
      case 'stop':
        return withNotes({ intake: undefined, replies: [MessageFactory.text(stopped(language, intake !== undefined))] });
      case 'form':
        return withNotes(intake ? { intake, replies: flow.showForm(language, intake) } : this.started(language, undefined));
      case 'report':
        return withNotes(intake ? { intake, replies: flow.resume(language, intake) } : this.started(language, undefined));
      case 'none':
        return withNotes(intake ? fromFlow(await flow.answer(speaker, intake, text)) : this.started(language, text));
    }
  }

  private started(language: Language, text: string | undefined): TurnResult {
    const { state, replies } = this.deps.flow.start(language, text);
    this.deps.logger.info({ event: 'intake-started' }, 'intake started');
    return { intake: state, replies };
  }
}

function fromFlow(result: { state: IntakeState | undefined; replies: Reply[] }): TurnResult {
  return { intake: result.state, replies: result.replies };
}

function isCardSubmit(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['action'] === 'signal.submit';
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  if (typeof fromChannel === 'string') return fromChannel;
  return activity.conversation?.tenantId;
}
