import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type DialogStateRepository, type StoredState } from '@weerbaar/shared';
import type { RepositoryContext } from './context.js';
import { toBuffer } from './database.js';
import { STORE_KEY_IDS } from './wrapped-key-table.js';

/**
 * Backs botbuilder's Storage. Semantics follow botbuilder's own storages: no eTag or '*'
 * writes unconditionally; an eTag for a key that has no stored state creates it; an eTag
 * that differs from the stored one is a conflict.
 */
export class KyselyDialogStateRepository implements DialogStateRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async read(keys: readonly string[]): Promise<Record<string, StoredState>> {
    if (keys.length === 0) return {};
    const rows = await this.ctx.db.selectFrom('dialog_state').selectAll().where('key', 'in', [...keys]).execute();
    const keyStore = this.ctx.keysFor(this.ctx.db);
    const result: Record<string, StoredState> = {};
    for (const row of rows) {
      const value: unknown = JSON.parse(await keyStore.open(STORE_KEY_IDS.dialog, row.sealed));
      result[row.key] = { value, etag: row.etag };
    }
    return result;
  }

  async write(key: string, value: unknown, expectedEtag: string | undefined): Promise<string> {
    const sealed = toBuffer(await this.ctx.keysFor(this.ctx.db).seal(STORE_KEY_IDS.dialog, JSON.stringify(value)));
    const etag = randomUUID();
    const updated_at = this.ctx.now().toISOString();
    if (expectedEtag === undefined || expectedEtag === '*') {
      await this.ctx.db
        .insertInto('dialog_state')
        .values({ key, etag, sealed, updated_at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ etag, sealed, updated_at }))
        .execute();
      return etag;
    }
    const updated = await this.ctx.db
      .updateTable('dialog_state')
      .set({ etag, sealed, updated_at })
      .where('key', '=', key)
      .where('etag', '=', expectedEtag)
      .returning('key')
      .executeTakeFirst();
    if (updated) return etag;
    const inserted = await this.ctx.db
      .insertInto('dialog_state')
      .values({ key, etag, sealed, updated_at })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return etag;
    throw new ConcurrencyError('De gespreksstatus is intussen gewijzigd (dialog state eTag conflict)');
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.ctx.db.deleteFrom('dialog_state').where('key', 'in', [...keys]).execute();
  }

  async deleteStale(keyPrefix: string, updatedBefore: string): Promise<number> {
    if (!/^[A-Za-z0-9:.-]+$/.test(keyPrefix)) throw new RangeError('a dialog state key prefix may hold letters, digits, ":", "." and "-" only');
    const result = await this.ctx.db
      .deleteFrom('dialog_state')
      .where('key', 'like', `${keyPrefix}%`)
      .where('updated_at', '<', updatedBefore)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
