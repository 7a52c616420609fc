import type { Kysely } from 'kysely';
import type { Database } from '../stores/kysely/database.js';
import type { ReplayGuard } from './hub-credential-verifier.js';

/**
 * Token ids seen by the hub, kept in its own database until they expire: a replay is
 * refused across hub restarts and across several hub processes sharing one database,
 * because the primary key lets exactly one insert win.
 */
export class KyselyReplayGuard implements ReplayGuard {
  constructor(private readonly db: Kysely<Database>) {}

  async firstUse(key: string, expiresAt: Date, now: Date): Promise<boolean> {
    await this.db.deleteFrom('hub_token_uses').where('expires_at', '<', now.toISOString()).execute();
    const inserted = await this.db
      .insertInto('hub_token_uses')
      .values({ token_key: key, expires_at: expiresAt.toISOString() })
      .onConflict((oc) => oc.column('token_key').doNothing())
      .returning('token_key')
      .executeTakeFirst();
    return inserted !== undefined;
  }
}
