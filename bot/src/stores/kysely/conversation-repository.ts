import type { ConversationReferenceRepository } from '@weerbaar/shared';
import type { RepositoryContext } from './context.js';
import { toBuffer } from './database.js';
import { STORE_KEY_IDS } from './wrapped-key-table.js';

/** Conversation references name people and tenants, so they are sealed at rest too. */
export class KyselyConversationReferenceRepository implements ConversationReferenceRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async save(tenantId: string, objectId: string, reference: Record<string, unknown>, at: string): Promise<void> {
    const sealed = toBuffer(await this.ctx.keysFor(this.ctx.db).seal(STORE_KEY_IDS.conversations, JSON.stringify(reference)));
    await this.ctx.db
      .insertInto('conversation_refs')
      .values({ tenant_id: tenantId, object_id: objectId, sealed, updated_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'object_id']).doUpdateSet({ sealed, updated_at: at }))
      .execute();
  }

  async get(tenantId: string, objectId: string): Promise<Record<string, unknown> | undefined> {
    const row = await this.ctx.db
      .selectFrom('conversation_refs')
      .select('sealed')
      .where('tenant_id', '=', tenantId)
      .where('object_id', '=', objectId)
      .executeTakeFirst();
    if (!row) return undefined;
    return JSON.parse(await this.ctx.keysFor(this.ctx.db).open(STORE_KEY_IDS.conversations, row.sealed)) as Record<string, unknown>;
  }

  async delete(tenantId: string, objectId: string): Promise<void> {
    await this.ctx.db.deleteFrom('conversation_refs').where('tenant_id', '=', tenantId).where('object_id', '=', objectId).execute();
  }
}
