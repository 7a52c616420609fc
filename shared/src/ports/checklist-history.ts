import type { ChecklistChangeDto, ChecklistHistoryEntryDto } from '../api/checklist-api.js';
import type { RequirementId } from '../domain/catalogue.js';
import type { ItemOf } from './organisation-store.js';

/**
 * Where the change history of the working checklist lives. In SharePoint it is the list's
 * own version history (every save is a version, with the editor column filled), so
 * `record` does nothing there; the embedded store keeps a history list and writes it after
 * the item update succeeded.
 */
export interface ChecklistHistoryEntry {
  municipalityCode: string;
  requirementId: RequirementId;
  changedAt: string;
  changedBy: string;
  changes: ChecklistChangeDto[];
}

export interface ChecklistHistoryLog {
  /** Called after the item was updated; never before, so no line describes a change that did not happen. */
  record(entry: ChecklistHistoryEntry): Promise<void>;
  /** Newest first. */
  entriesOf(item: ItemOf<'checklist'>): Promise<ChecklistHistoryEntryDto[]>;
}
