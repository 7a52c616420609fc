import type { Kysely } from 'kysely';
import type { ReceiptCodeRepository, StoredReceiptCode } from '@weerbaar/shared';
import { toBuffer, type Database } from './database.js';

export class KyselyReceiptCodeRepository implements ReceiptCodeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(code: StoredReceiptCode): Promise<boolean> {
    const inserted = await this.db
      .insertInto('receipt_codes')
      .values({
        lookup: code.lookup,
        signal_id: code.signalId,
        salt: toBuffer(code.salt),
        hash: toBuffer(code.hash),
        created_at: code.createdAt,
      })
      .onConflict((oc) => oc.column('lookup').doNothing())
      .returning('lookup')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async find(lookup: string): Promise<StoredReceiptCode | undefined> {
    const row = await this.db.selectFrom('receipt_codes').selectAll().where('lookup', '=', lookup).executeTakeFirst();
    if (!row) return undefined;
    return { lookup: row.lookup, signalId: row.signal_id, salt: row.salt, hash: row.hash, createdAt: row.created_at };
  }

  async deleteForSignal(signalId: string): Promise<void> {
    await this.db.deleteFrom('receipt_codes').where('signal_id', '=', signalId).execute();
  }
}
