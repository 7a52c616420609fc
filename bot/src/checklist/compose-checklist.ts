import { Router, type RequestHandler } from 'express';
import {
  ChecklistService,
  ListChecklistHistory,
  StandardChecklistDerivations,
  discussedWithinYear,
  requirement1aStatus,
  toLocalDate,
  type AgendaService,
  type ChecklistHistoryLog,
  type Clock,
  type OrganisationStore,
  type RequirementStatuses,
} from '@weerbaar/shared';
import { checklistRoutes } from '../http/checklist-routes.js';

export interface ChecklistParts {
  organisation: OrganisationStore;
  clock: Clock;
  /** The agenda service of the instance: requirement 1a comes from its registrations. */
  agenda: Pick<AgendaService, 'snapshot'>;
  /** Time zone of the municipality's calendar (Europe/Amsterdam). */
  timeZoneOf(municipalityCode: string): string;
  /** Whether the municipality's internal reporting channel (bot and /melden) is served. */
  signalChannelLive(municipalityCode: string): boolean;
  servedMunicipalities: readonly string[];
  /**
   * Where the change history goes. Default: the history list in the same organisation store
   * (the embedded SQLite store has no version history); a SharePoint-backed store passes
   * its version history instead.
   */
  history?: ChecklistHistoryLog;
}

/**
 * Wires the working checklist of an instance (issue 6): the service over the organisation
 * store, its derived requirements (1a from the agenda, 1c from the role assignments, 2b
 * from the live signal channel), the API, and the statuses a self-scan takes by default.
 */
export function composeChecklist(parts: ChecklistParts) {
  const derivations = new StandardChecklistDerivations({
    organisation: parts.organisation,
    async requirement1a(code) {
      const now = parts.clock.now();
      const timeZone = parts.timeZoneOf(code);
      const active = (await parts.agenda.snapshot(code)).facts.departments.filter((d) => d.active);
      const today = toLocalDate(now, timeZone);
      return {
        status: requirement1aStatus(active, now, timeZone),
        activeDepartments: active.length,
        discussedWithinYear: active.filter((d) => discussedWithinYear(d.lastDiscussedOn, today)).length,
      };
    },
    signalChannelLive: async (code) => parts.signalChannelLive(code),
  });
  const service = new ChecklistService({
    organisation: parts.organisation,
    history: parts.history ?? new ListChecklistHistory(parts.organisation),
    derivations,
  });
  return {
    service,
    /** What the secretary's self-scan submits when she sends no statuses of her own. */
    currentStatuses: (code: string): Promise<RequirementStatuses> => service.currentStatuses(code),
    /** `/api/checklist` behind `auth`. */
    routes: (auth: RequestHandler): Router => {
      const router = Router();
      router.use('/api/checklist', auth, checklistRoutes({ checklist: service, servedMunicipalities: parts.servedMunicipalities }));
      return router;
    },
  };
}
