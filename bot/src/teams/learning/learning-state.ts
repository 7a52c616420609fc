import type { Storage, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { LearningSession } from '@weerbaar/shared';

/** eTag of a state that does not exist yet: creating it twice at once is a conflict, not an overwrite. */
const NOT_YET_STORED = 'not-yet-stored';

const sessionSchema = z.object({
  moduleVersion: z.string(),
  scenarioIds: z.array(z.string()),
  position: z.number().int().min(0),
  startedAt: z.string(),
  pausedAt: z.string().nullable(),
});

export interface LoadedLearningState {
  key: string;
  session: LearningSession | undefined;
  eTag: string;
}

/**
 * The learning session of one conversation, beside (not inside) the intake's state, so
 * neither flow can clear the other's. It goes through the bot's Storage over the
 * service store's dialog state: sealed at rest, pseudonymised key, optimistic eTag (a
 * second press racing the first fails instead of overwriting). Abandoned sessions are
 * deleted with the other dialog state after 14 days (bot/src/jobs/intake-draft-expiry.ts).
 */
export class LearningStateStore {
  constructor(private readonly storage: Storage) {}

  keyOf(context: TurnContext): string {
    return `${context.activity.channelId}/conversations/${context.activity.conversation.id}/learning`;
  }

  async load(context: TurnContext): Promise<LoadedLearningState> {
    const key = this.keyOf(context);
    const items = await this.storage.read([key]);
    const item = items[key] as { learning?: unknown; eTag?: string } | undefined;
    if (!item) return { key, session: undefined, eTag: NOT_YET_STORED };
    const parsed = sessionSchema.safeParse(item.learning);
    return { key, session: parsed.success ? parsed.data : undefined, eTag: item.eTag ?? NOT_YET_STORED };
  }

  /** Writes the session, or deletes the state when there is none to keep. */
  async save(loaded: LoadedLearningState, session: LearningSession | undefined): Promise<void> {
    if (session === undefined) {
      if (loaded.eTag !== NOT_YET_STORED) await this.storage.delete([loaded.key]);
      return;
    }
    await this.storage.write({ [loaded.key]: { learning: session, eTag: loaded.eTag } });
  }
}
