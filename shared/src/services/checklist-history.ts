import { CHECKLIST_FIELDS, type ChecklistChangeDto, type ChecklistHistoryEntryDto } from '../api/checklist-api.js';
import type { ChecklistHistoryEntry, ChecklistHistoryLog } from '../ports/checklist-history.js';
import { listAll, type ItemOf, type OrganisationStore } from '../ports/organisation-store.js';
import { EDITOR_FIELD_NAME } from '../lists/list-conventions.js';
import { checklistChanges, type ChecklistFields } from './checklist-items.js';

/** The history list, for stores without version history (the embedded SQLite store). */
export class ListChecklistHistory implements ChecklistHistoryLog {
  constructor(private readonly organisation: OrganisationStore) {}

  async record(entry: ChecklistHistoryEntry): Promise<void> {
    if (entry.changes.length === 0) return;
    await this.organisation.create(
      'checklistHistory',
      {
        Title: `${entry.requirementId}: ${entry.changes.map((change) => change.field).join(', ')}`.slice(0, 255),
        MunicipalityCode: entry.municipalityCode,
        RequirementId: entry.requirementId,
        ChangedAt: entry.changedAt,
        ChangedBy: entry.changedBy,
        Changes: JSON.stringify(entry.changes),
      },
      entry.changedBy,
    );
  }

  async entriesOf(item: ItemOf<'checklist'>): Promise<ChecklistHistoryEntryDto[]> {
    const lines = await listAll(this.organisation, 'checklistHistory', {
      filter: { MunicipalityCode: item.fields.MunicipalityCode, RequirementId: item.fields.RequirementId },
    });
    return lines
      .map((line) => ({ changedAt: line.fields.ChangedAt, changedBy: line.fields.ChangedBy, changes: changesOf(line.fields.Changes) }))
      // Lines come oldest id first; reversed before the stable sort, two saves in one millisecond stay newest first.
      .reverse()
      .sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  }
}

function changesOf(text: string): ChecklistChangeDto[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const fields: readonly string[] = CHECKLIST_FIELDS;
  return value.flatMap((entry: unknown) => {
    const change = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return typeof change.field === 'string' && fields.includes(change.field)
      ? [{ field: change.field as ChecklistChangeDto['field'], from: text(change.from), to: text(change.to) }]
      : [];
  });
}

/** One saved version of a checklist item, as SharePoint's version history gives it. */
export interface ChecklistVersion {
  /** ISO instant of the save. */
  modifiedAt: string;
  /** The person: the editor column when the service or a web part wrote it, else SharePoint's Editor. */
  modifiedBy: string;
  fields: Partial<ChecklistFields> & { [EDITOR_FIELD_NAME]?: string | null };
}

/**
 * The history from SharePoint's version history: each version compared with the one
 * before it. The first version is the item's creation ("onbekend"), not a change.
 */
export function historyFromVersions(versions: readonly ChecklistVersion[]): ChecklistHistoryEntryDto[] {
  const oldestFirst = [...versions].sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt));
  const entries: ChecklistHistoryEntryDto[] = [];
  for (let index = 1; index < oldestFirst.length; index += 1) {
    const [before, after] = [oldestFirst[index - 1], oldestFirst[index]];
    if (!before || !after) continue;
    const changes = checklistChanges(before.fields, after.fields);
    if (changes.length === 0) continue;
    const editor = after.fields[EDITOR_FIELD_NAME];
    entries.push({ changedAt: after.modifiedAt, changedBy: editor || after.modifiedBy, changes });
  }
  return entries.reverse();
}
