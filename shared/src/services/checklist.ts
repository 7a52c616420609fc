import {
  checklistUpdateInputSchema,
  type ChecklistDto,
  type ChecklistHistoryDto,
  type ChecklistItemDto,
  type ThemeProgressDto,
} from '../api/checklist-api.js';
import { REQUIREMENT_IDS, THEMES, isRequirementId, type RequirementId } from '../domain/catalogue.js';
import { ConcurrencyError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { RequirementStatuses } from '../domain/rounds.js';
import type { ChecklistHistoryLog } from '../ports/checklist-history.js';
import { listAll, type OrganisationStore } from '../ports/organisation-store.js';
import { parseInput } from '../schemas/inputs.js';
import type { ChecklistDerivations, DerivedStatuses } from './checklist-derivations.js';
import { checklistChanges, checklistItemView, checklistUpdate, newChecklistFields, type ChecklistItem } from './checklist-items.js';

/** Who "changed" an item the app created: nobody assessed it yet. */
export const CHECKLIST_SYSTEM_EDITOR = 'app:weerbaar-twente';

export interface ChecklistServiceDeps {
  organisation: OrganisationStore;
  history: ChecklistHistoryLog;
  derivations: ChecklistDerivations;
}

/**
 * The working checklist of one municipality: its 20 items in the organisation store (a
 * SharePoint list in production), the derived requirements, changes with an eTag, and the
 * history. Who may read or edit is the caller's question (the policy's checklist.read and
 * checklist.edit on the instance, list permissions in SharePoint); this service keeps the
 * list consistent whoever calls it.
 */
export class ChecklistService {
  constructor(private readonly deps: ChecklistServiceDeps) {}

  async read(municipalityCode: string, canEdit: boolean): Promise<ChecklistDto> {
    const [items, derived] = await Promise.all([this.items(municipalityCode), this.derived(municipalityCode)]);
    const views = REQUIREMENT_IDS.map((id) => view(items.get(id), derived));
    return { municipalityCode, items: views, themes: themeProgress(views), canEdit };
  }

  /**
   * Changes one item when `ifMatch` is its current eTag. Every check runs before the write;
   * the history line is written after it, so a crash in between never records a change
   * that did not happen. A change that changes nothing writes nothing.
   */
  async update(municipalityCode: string, requirementId: string, ifMatch: string, body: unknown, editor: string): Promise<ChecklistItemDto> {
    const id = checkRequirementId(requirementId);
    const input = parseInput(checklistUpdateInputSchema, body);
    const current = (await this.items(municipalityCode)).get(id);
    if (!current) throw new NotFoundError('checklist item not found');
    if (current.etag !== ifMatch) throw stale();
    const fields = checklistUpdate(id, current.fields, input);
    const derived = await this.derived(municipalityCode);
    if (Object.keys(fields).length === 0) return view(current, derived);
    const updated = await this.deps.organisation.update('checklist', current.id, fields, ifMatch, editor);
    await this.deps.history.record({
      municipalityCode,
      requirementId: id,
      changedAt: updated.modifiedAt,
      changedBy: editor,
      changes: checklistChanges(current.fields, updated.fields),
    });
    return view(updated, derived);
  }

  async history(municipalityCode: string, requirementId: string): Promise<ChecklistHistoryDto> {
    const id = checkRequirementId(requirementId);
    const item = (await this.items(municipalityCode)).get(id);
    if (!item) throw new NotFoundError('checklist item not found');
    return { municipalityCode, requirementId: id, entries: await this.deps.history.entriesOf(item) };
  }

  /** The statuses that count now, for a self-scan submitted from the checklist. */
  async currentStatuses(municipalityCode: string): Promise<RequirementStatuses> {
    const checklist = await this.read(municipalityCode, false);
    return Object.fromEntries(checklist.items.map((item) => [item.requirementId, item.status])) as RequirementStatuses;
  }

  /**
   * The municipality's items by requirement, creating the missing ones as "onbekend". Two
   * readers may both create one (a list has no unique key): the lowest id then wins for
   * everyone, and the other stays unused, so every reader agrees on the same item.
   */
  private async items(municipalityCode: string): Promise<Map<RequirementId, ChecklistItem>> {
    const byRequirement = byLowestId(await listAll(this.deps.organisation, 'checklist', { filter: { MunicipalityCode: municipalityCode } }));
    const missing = REQUIREMENT_IDS.filter((id) => !byRequirement.has(id));
    if (missing.length === 0) return byRequirement;
    for (const id of missing) await this.deps.organisation.create('checklist', newChecklistFields(municipalityCode, id), CHECKLIST_SYSTEM_EDITOR);
    return byLowestId(await listAll(this.deps.organisation, 'checklist', { filter: { MunicipalityCode: municipalityCode } }));
  }

  /** A source that cannot answer leaves the requirement to its recorded status, rather than failing the whole list. */
  private async derived(municipalityCode: string): Promise<DerivedStatuses> {
    try {
      return await this.deps.derivations.derive(municipalityCode);
    } catch {
      return {};
    }
  }
}

function view(item: ChecklistItem | undefined, derived: DerivedStatuses): ChecklistItemDto {
  if (!item) throw new NotFoundError('checklist item not found');
  return checklistItemView(item, derived[item.fields.RequirementId as RequirementId] ?? null);
}

function byLowestId(items: readonly ChecklistItem[]): Map<RequirementId, ChecklistItem> {
  const result = new Map<RequirementId, ChecklistItem>();
  const numeric = (id: string) => (/^\d+$/.test(id) ? Number(id) : Number.MAX_SAFE_INTEGER);
  for (const item of [...items].sort((a, b) => numeric(a.id) - numeric(b.id) || a.id.localeCompare(b.id))) {
    const id = item.fields.RequirementId;
    if (isRequirementId(id) && !result.has(id)) result.set(id, item);
  }
  return result;
}

export function checkRequirementId(value: string): RequirementId {
  if (!isRequirementId(value)) {
    throw new ValidationError('Field "requirementId" is not a requirement of the basis-op-orde catalogue (1a … 5a).', 'requirementId');
  }
  return value;
}

export function themeProgress(items: readonly Pick<ChecklistItemDto, 'themeId' | 'status'>[]): ThemeProgressDto[] {
  return THEMES.map(({ id }) => {
    const ofTheme = items.filter((item) => item.themeId === id);
    const count = (status: string) => ofTheme.filter((item) => item.status === status).length;
    return {
      themeId: id,
      total: ofTheme.length,
      voldaan: count('voldaan'),
      deels: count('deels'),
      nietVoldaan: count('niet-voldaan'),
      onbekend: count('onbekend'),
    };
  });
}

function stale(): ConcurrencyError {
  return new ConcurrencyError('Het item is intussen door iemand anders gewijzigd (the item changed since it was read)');
}
