import type { DialogStateRepository } from '@weerbaar/shared';
import type { Logger } from '../logging.js';
import { BOT_STATE_KEY_PREFIX } from '../teams/service-store-storage.js';
import type { ScheduledJob } from './scheduler.js';

/** An intake nobody touched for this long is abandoned: what was typed is deleted. */
export const INTAKE_DRAFT_DAYS = 14;

/**
 * Deletes abandoned intake drafts (the bot's dialog state, sealed) once a night, so what
 * a reporter typed but never sent does not stay on disk. The privacy notice promises it.
 */
export function intakeDraftExpiryJob(deps: { dialogState: Pick<DialogStateRepository, 'deleteStale'>; logger: Logger }): ScheduledJob {
  return {
    name: 'intake-draft-expiry',
    pattern: '30 3 * * *',
    run: async (tickAt) => {
      const before = new Date(tickAt.getTime() - INTAKE_DRAFT_DAYS * 24 * 3_600_000).toISOString();
      const deleted = await deps.dialogState.deleteStale(BOT_STATE_KEY_PREFIX, before);
      if (deleted > 0) deps.logger.info({ job: 'intake-draft-expiry', deleted }, 'abandoned intake drafts deleted');
    },
  };
}
