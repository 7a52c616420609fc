import type { Kysely } from 'kysely';
import type { KeyStore } from '@weerbaar/shared';
import type { RewrappableKeyTable, WrappedKeyRow } from '../../crypto/data-key-maintenance.js';
import { EnvelopeKeyStore } from '../../crypto/envelope-key-store.js';
import type { MasterKeyring } from '../../crypto/master-keyring.js';
import { toBuffer, type Database } from './database.js';

/** Wrapped data keys in `data_keys`, optionally in another schema (SQLite: the attached keys file). */
export class KyselyWrappedKeyTable implements RewrappableKeyTable {
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    schema: string | undefined,
    private readonly now: () => Date,
  ) {
    this.db = schema ? db.withSchema(schema) : db;
  }

  async get(keyId: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('data_keys').select('wrapped').where('key_id', '=', keyId).executeTakeFirst();
    return row?.wrapped;
  }

  async put(keyId: string, wrapped: Uint8Array): Promise<Uint8Array> {
    await this.db
      .insertInto('data_keys')
      .values({ key_id: keyId, wrapped: toBuffer(wrapped), created_at: this.now().toISOString() })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
    const stored = await this.get(keyId);
    if (!stored) throw new Error(`Data key "${keyId}" vanished while it was being created`);
    return stored;
  }

  async delete(keyId: string): Promise<void> {
    await this.db.deleteFrom('data_keys').where('key_id', '=', keyId).execute();
  }

  async page(after: string | null, limit: number): Promise<WrappedKeyRow[]> {
    let query = this.db.selectFrom('data_keys').select(['key_id', 'wrapped']).orderBy('key_id').limit(limit);
    if (after !== null) query = query.where('key_id', '>', after);
    const rows = await query.execute();
    return rows.map((row) => ({ keyId: row.key_id, wrapped: row.wrapped }));
  }

  async replace(keyId: string, expected: Uint8Array, next: Uint8Array): Promise<boolean> {
    // Compare-and-set: a key destroyed meanwhile stays destroyed, and a concurrent re-wrap wins once.
    const result = await this.db
      .updateTable('data_keys')
      .set({ wrapped: toBuffer(next) })
      .where('key_id', '=', keyId)
      .where('wrapped', '=', toBuffer(expected))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

/**
 * Gives a KeyStore that works inside the caller's transaction when `executor` is one, so
 * creating a signal's key and destroying it commit together with the signal's row.
 */
export type KeyStoreFor = (executor: Kysely<Database>) => KeyStore;

export function envelopeKeyStoreFor(keyring: MasterKeyring, schema: string | undefined, now: () => Date): KeyStoreFor {
  return (executor) => new EnvelopeKeyStore(keyring, new KyselyWrappedKeyTable(executor, schema, now));
}

/** Store-level keys for records that are not signals (one key each, never destroyed). */
export const STORE_KEY_IDS = {
  dialog: 'store:dialog',
  conversations: 'store:conversations',
  outbox: 'store:outbox',
} as const;

export function signalKeyId(signalId: string): string {
  return `signal:${signalId}`;
}
