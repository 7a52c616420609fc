import type {
  ChecklistChangeDto,
  ChecklistField,
  ChecklistItemDto,
  ChecklistUpdateInput,
  DerivedStatusDto,
  EvidenceLink,
  ImprovementAction,
} from '../api/checklist-api.js';
import { isWebLink } from '../api/checklist-api.js';
import {
  ASSESSMENT_STATUSES,
  requirementById,
  type AssessmentStatus,
  type Requirement,
  type RequirementId,
} from '../domain/catalogue.js';
import { ValidationError } from '../domain/errors.js';
import type { FieldsFor, ItemOf } from '../ports/organisation-store.js';

/**
 * The checklist item as the list stores it and as people see it, and the one rule set for
 * changing it. Pure functions, shared by the instance's service and the web part's PnPjs
 * adapter, so SharePoint and the embedded store apply exactly the same checks.
 */
export type ChecklistFields = FieldsFor<'checklist'>;
export type ChecklistItem = ItemOf<'checklist'>;

/** The item a municipality starts with: nothing assessed yet. */
export function newChecklistFields(municipalityCode: string, requirementId: RequirementId): ChecklistFields {
  const requirement = requirementById(requirementId);
  return {
    Title: `${requirementId} ${requirement.text.nl}`.slice(0, 255),
    MunicipalityCode: municipalityCode,
    RequirementId: requirementId,
    Status: 'onbekend',
    DerivedOverride: false,
  };
}

function parseJsonArray(text: string | null | undefined): unknown[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * Evidence as stored. Someone may have typed into the list in SharePoint directly, so a
 * link that is not http(s) is dropped here and never reaches a reader's browser.
 */
export function evidenceOf(text: string | null | undefined): EvidenceLink[] {
  return parseJsonArray(text).flatMap((entry) => {
    const link = record(entry);
    const title = link?.title;
    const url = link?.url;
    return typeof title === 'string' && typeof url === 'string' && isWebLink(url) ? [{ title, url }] : [];
  });
}

export function actionsOf(text: string | null | undefined): ImprovementAction[] {
  return parseJsonArray(text).flatMap((entry) => {
    const action = record(entry);
    if (!action || typeof action.what !== 'string') return [];
    return [
      {
        what: action.what,
        who: typeof action.who === 'string' ? action.who : '',
        due: typeof action.due === 'string' ? action.due : null,
        done: action.done === true,
      },
    ];
  });
}

export function statusOf(value: unknown): AssessmentStatus {
  return ASSESSMENT_STATUSES.find((status) => status === value) ?? 'onbekend';
}

/** What counts: a derived requirement takes its derived status unless a person overrode it. */
export function effectiveStatus(fields: ChecklistFields, derived: DerivedStatusDto | null): AssessmentStatus {
  return derived && fields.DerivedOverride !== true ? derived.status : statusOf(fields.Status);
}

export function checklistItemView(item: ChecklistItem, derived: DerivedStatusDto | null): ChecklistItemDto {
  const { fields } = item;
  const requirement = requirementById(fields.RequirementId as RequirementId);
  const overridden = requirement.derivedFrom !== null && fields.DerivedOverride === true;
  return {
    requirementId: requirement.id,
    themeId: requirement.themeId,
    municipalityCode: fields.MunicipalityCode,
    status: effectiveStatus(fields, requirement.derivedFrom ? derived : null),
    recordedStatus: statusOf(fields.Status),
    explanation: fields.Explanation ?? null,
    evidence: evidenceOf(fields.Evidence),
    owner: fields.Owner ?? null,
    actions: actionsOf(fields.Actions),
    derived: requirement.derivedFrom ? derived : null,
    derivedOverride: overridden,
    overrideReason: overridden ? (fields.OverrideReason ?? null) : null,
    etag: item.etag,
    modifiedAt: item.modifiedAt,
    modifiedBy: item.modifiedBy,
  };
}

/** Each field as one comparable text, the way the history shows it. */
export function checklistFieldTexts(fields: Partial<ChecklistFields>): Record<ChecklistField, string | null> {
  const evidence = evidenceOf(fields.Evidence);
  const actions = actionsOf(fields.Actions);
  return {
    status: fields.Status ?? null,
    explanation: fields.Explanation ?? null,
    evidence: evidence.length > 0 ? JSON.stringify(evidence) : null,
    owner: fields.Owner ?? null,
    actions: actions.length > 0 ? JSON.stringify(actions) : null,
    derivedOverride: fields.DerivedOverride === true ? 'true' : 'false',
    overrideReason: fields.OverrideReason ?? null,
  };
}

export function checklistChanges(before: Partial<ChecklistFields>, after: Partial<ChecklistFields>): ChecklistChangeDto[] {
  const [from, to] = [checklistFieldTexts(before), checklistFieldTexts(after)];
  return (Object.keys(from) as ChecklistField[]).flatMap((field) => (from[field] === to[field] ? [] : [{ field, from: from[field], to: to[field] }]));
}

function derivationRules(requirement: Requirement, current: ChecklistFields, input: ChecklistUpdateInput): Partial<ChecklistFields> {
  const fields: Partial<ChecklistFields> = {};
  if (requirement.derivedFrom === null) {
    if (input.derivedOverride === true) {
      throw new ValidationError(`Field "derivedOverride" applies only to a derived requirement (1a, 1c, 2b), not to ${requirement.id}.`, 'derivedOverride');
    }
    if (input.overrideReason) throw new ValidationError('Field "overrideReason" applies only to a derived requirement (1a, 1c, 2b).', 'overrideReason');
    return fields;
  }
  const overriding = input.derivedOverride ?? current.DerivedOverride === true;
  if (!overriding) {
    if (input.status !== undefined) {
      throw new ValidationError(
        `Field "status" of requirement ${requirement.id} is derived by the app; set "derivedOverride": true with an "overrideReason" to set it by hand.`,
        'status',
      );
    }
    if (input.overrideReason) throw new ValidationError('Field "overrideReason" goes with "derivedOverride": true.', 'overrideReason');
    // Ending an override: the reason stays in the history, not on the item.
    if (input.derivedOverride === false) Object.assign(fields, { DerivedOverride: false, OverrideReason: null });
    return fields;
  }
  const reason = input.overrideReason !== undefined ? input.overrideReason : (current.OverrideReason ?? null);
  if (!reason || reason.trim().length < 10) {
    throw new ValidationError('Field "overrideReason" is required (at least 10 characters) to override a derived status.', 'overrideReason');
  }
  return { DerivedOverride: true, OverrideReason: reason };
}

/**
 * The fields to write for a change, after every check. Throws a ValidationError naming
 * the field before anything is written; returns only what actually differs.
 */
export function checklistUpdate(requirementId: RequirementId, current: ChecklistFields, input: ChecklistUpdateInput): Partial<ChecklistFields> {
  const requirement = requirementById(requirementId);
  const fields: Partial<ChecklistFields> = derivationRules(requirement, current, input);
  if (input.status !== undefined) fields.Status = input.status;
  if (input.explanation !== undefined) fields.Explanation = input.explanation;
  if (input.owner !== undefined) fields.Owner = input.owner;
  if (input.evidence !== undefined) fields.Evidence = input.evidence.length > 0 ? JSON.stringify(input.evidence) : null;
  if (input.actions !== undefined) fields.Actions = input.actions.length > 0 ? JSON.stringify(input.actions) : null;
  const texts = checklistFieldTexts(current);
  const next = checklistFieldTexts({ ...current, ...fields });
  const changed: Partial<ChecklistFields> = {};
  for (const [name, value] of Object.entries(fields) as [keyof ChecklistFields, unknown][]) {
    const field = LIST_TO_DTO_FIELD[name];
    if (field && texts[field] !== next[field]) Object.assign(changed, { [name]: value });
  }
  return changed;
}

const LIST_TO_DTO_FIELD: Partial<Record<keyof ChecklistFields, ChecklistField>> = {
  Status: 'status',
  Explanation: 'explanation',
  Evidence: 'evidence',
  Owner: 'owner',
  Actions: 'actions',
  DerivedOverride: 'derivedOverride',
  OverrideReason: 'overrideReason',
};
