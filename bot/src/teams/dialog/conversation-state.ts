import type { Storage, TurnContext } from 'botbuilder';
import type { ConversationData } from './intake-state.js';

/** eTag of a state that does not exist yet: creating it twice at once is a conflict, not an overwrite. */
const NOT_YET_STORED = 'not-yet-stored';

export interface LoadedConversation {
  key: string;
  data: ConversationData;
  eTag: string;
}

/**
 * Reads and writes one conversation's state with optimistic concurrency. botbuilder's
 * BotState writes with eTag '*' (last writer wins); this does not: a turn that read an
 * older state cannot overwrite a newer one (the storage throws ConcurrencyError).
 */
export class ConversationStateStore {
  constructor(private readonly storage: Storage) {}

  keyOf(context: TurnContext): string {
    return `${context.activity.channelId}/conversations/${context.activity.conversation.id}`;
  }

  async load(context: TurnContext): Promise<LoadedConversation> {
    const key = this.keyOf(context);
    const items = await this.storage.read([key]);
    const item = items[key] as (ConversationData & { eTag?: string }) | undefined;
    if (!item) return { key, data: {}, eTag: NOT_YET_STORED };
    const { eTag, ...data } = item;
    return { key, data, eTag: eTag ?? NOT_YET_STORED };
  }

  /** Writes `data` (or deletes the state when it holds nothing any more). */
  async save(loaded: LoadedConversation, data: ConversationData): Promise<void> {
    if (data.intake === undefined) {
      if (loaded.eTag !== NOT_YET_STORED) await this.storage.delete([loaded.key]);
      return;
    }
    await this.storage.write({ [loaded.key]: { ...data, eTag: loaded.eTag } });
  }
}
