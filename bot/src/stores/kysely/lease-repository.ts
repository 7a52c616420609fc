import type { Kysely } from 'kysely';
import type { LeaseRepository } from '@weerbaar/shared';
import type { Database } from './database.js';

/** Single-statement upserts, so the database decides who wins, across processes and dialects. */
export class KyselyLeaseRepository implements LeaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async claimTick(job: string, tickAt: string, holder: string): Promise<boolean> {
    const inserted = await this.db
      .insertInto('scheduler_ticks')
      .values({ job, tick_at: tickAt, holder })
      .onConflict((oc) => oc.columns(['job', 'tick_at']).doNothing())
      .returning('job')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async acquire(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const taken = await this.db
      .insertInto('leases')
      .values({ name, holder, until })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), until: eb.ref('excluded.until') }))
          .where((eb) => eb.or([eb('leases.until', '<=', now), eb('leases.holder', '=', eb.ref('excluded.holder'))])),
      )
      .returning('name')
      .executeTakeFirst();
    return taken !== undefined;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
