import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { dutchDateOf, type ConversationReferenceRepository } from '@weerbaar/shared';
import type { Pseudonymise } from '../crypto/pseudonym.js';

/**
 * Where the bot keeps the Teams conversation of each person it may have to message
 * later. The person's object id is stored only as a keyed pseudonym and the reference
 * itself is sealed, so the database holds nothing that names someone who reported
 * anonymously. The reference is rewritten only when it changes, and its time is kept
 * to the day, so it does not record when someone last talked to the bot.
 */
export class ConversationReferences {
  constructor(
    private readonly repository: ConversationReferenceRepository,
    private readonly pseudonym: Pseudonymise,
  ) {}

  async remember(tenantId: string, objectId: string, activity: Partial<Activity>, now: Date): Promise<void> {
    const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
    const plain = JSON.parse(JSON.stringify(reference)) as Record<string, unknown>;
    const key = this.pseudonym(`${tenantId}/${objectId}`);
    const stored = await this.repository.get(tenantId, key);
    if (stored !== undefined && JSON.stringify(stored) === JSON.stringify(plain)) return;
    await this.repository.save(tenantId, key, plain, `${dutchDateOf(now)}T00:00:00.000Z`);
  }

  /** The app was removed for this person: nothing to send to any more. */
  async forget(tenantId: string, objectId: string): Promise<void> {
    await this.repository.delete(tenantId, this.pseudonym(`${tenantId}/${objectId}`));
  }

  async find(tenantId: string, objectId: string): Promise<Partial<ConversationReference> | undefined> {
    const stored = await this.repository.get(tenantId, this.pseudonym(`${tenantId}/${objectId}`));
    return stored;
  }
}
