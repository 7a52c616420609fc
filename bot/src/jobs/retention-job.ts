import type { Logger } from 'pino';
import { dutchDateOf, TIMELINE_SYSTEM_ACTOR, type AuditLog, type IdGenerator, type SignalRepository } from '@weerbaar/shared';
import type { ScheduledJob } from './scheduler.js';

/**
 * The daily retention run: every signal whose retention date has passed is shredded
 * (signals.shred): its row with content and reporter identity, its timeline (notes,
 * messages, enrichment, hand-over details) and its data key go, in one transaction, so
 * copies made earlier (backups) can no longer be read. What stays is the tombstone
 * (reference, municipality, category, dates, outcome) for the insights, the disclosure
 * register (no content) and the audit trail. The run is audited as 'system'.
 */
export const RETENTION_JOB_NAME = 'signal-retention';
/** 02:30 Dutch time: outside working hours, after midnight so "today" is the new day. */
export const RETENTION_JOB_PATTERN = '30 2 * * *';
const BATCH = 100;

export interface RetentionJobDeps {
  signals: Pick<SignalRepository, 'expired' | 'shred'>;
  audit: Pick<AuditLog, 'record'>;
  ids: IdGenerator;
  logger: Pick<Logger, 'info' | 'error'>;
}

export interface RetentionRunSummary {
  shredded: number;
  failed: number;
}

/** Shreds every signal whose retention date lies before `at`'s Dutch calendar day. */
export async function runRetention(deps: RetentionJobDeps, at: Date): Promise<RetentionRunSummary> {
  const today = dutchDateOf(at);
  const deletedAt = at.toISOString();
  const failed = new Set<string>();
  let shredded = 0;
  for (;;) {
    // A signal that failed stays expired; ask past it rather than retrying it in a loop.
    const due = (await deps.signals.expired(today, BATCH + failed.size)).filter((id) => !failed.has(id));
    if (due.length === 0) break;
    for (const id of due) {
      try {
        const tombstone = await deps.signals.shred(id, deletedAt);
        await deps.audit.record({
          id: deps.ids.newId(),
          at: deletedAt,
          actor: TIMELINE_SYSTEM_ACTOR,
          action: 'signal.retention-deleted',
          recordType: 'signal',
          recordId: id,
          municipalityCode: tombstone.municipalityCode,
        });
        shredded += 1;
      } catch (error) {
        failed.add(id);
        deps.logger.error({ signalId: id, err: error instanceof Error ? error.name : 'unknown' }, 'retention: shred failed');
      }
    }
  }
  if (shredded > 0 || failed.size > 0) deps.logger.info({ shredded, failed: failed.size }, 'retention run');
  return { shredded, failed: failed.size };
}

export function retentionJob(deps: RetentionJobDeps): ScheduledJob {
  return {
    name: RETENTION_JOB_NAME,
    pattern: RETENTION_JOB_PATTERN,
    // The planned instant, not the wall clock: a catch-up after downtime deletes what was due then and since.
    run: async (tickAt) => void (await runRetention(deps, tickAt)),
  };
}
