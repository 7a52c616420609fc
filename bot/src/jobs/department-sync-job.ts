import type { Logger } from 'pino';
import type { Clock, OrganisationStore } from '@weerbaar/shared';
import { syncDepartmentsFromGraph, type DepartmentSource } from '../directory/sync-departments.js';
import type { ScheduledJob } from './scheduler.js';

/**
 * Production only: once a night the departments of each served municipality are compared with
 * Microsoft Graph (users' department and manager) and the missing ones are added, so a new
 * department gets its yearly agenda cycle without the app admin having to notice it first.
 * Existing departments stay as the app admin keeps them.
 */
export const DEPARTMENT_SYNC_JOB_NAME = 'department-sync';
/** 05:45 Dutch time, before the first agenda run of the day. */
export const DEPARTMENT_SYNC_JOB_PATTERN = '45 5 * * *';

export function departmentSyncJob(deps: {
  directory: DepartmentSource;
  organisation: OrganisationStore;
  clock: Clock;
  municipalityCodes: readonly string[];
  logger: Pick<Logger, 'info' | 'error'>;
}): ScheduledJob {
  return {
    name: DEPARTMENT_SYNC_JOB_NAME,
    pattern: DEPARTMENT_SYNC_JOB_PATTERN,
    async run() {
      for (const code of deps.municipalityCodes) {
        try {
          const result = await syncDepartmentsFromGraph({ ...deps, editor: 'graph-sync' }, code);
          // Counts only: department names can say more than they should in a log.
          deps.logger.info({ municipality: code, proposed: result.proposed.length, created: result.created.length }, 'departments synchronised from Graph');
        } catch (error) {
          deps.logger.error({ municipality: code, err: error }, 'department sync from Graph failed');
        }
      }
    },
  };
}
