import { z } from 'zod';
import {
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  type DerivationSource,
  type RequirementId,
  type ThemeId,
} from '../domain/catalogue.js';
import { CHECKLIST_TEXT_LIMITS } from '../lists/checklist-lists.js';
import { boundedTextSchema, isoDateSchema } from '../schemas/inputs.js';

/**
 * The contract of the working checklist: the instance's API (`/api/checklist`) and the
 * web parts' clients (PnPjs on the list in SharePoint, fetch on the local API). Field names
 * are a contract: extend, never rename.
 */

export const CHECKLIST_LIMITS = {
  evidenceLinks: 20,
  evidenceTitle: 200,
  evidenceUrl: 2000,
  actions: 30,
  actionWhat: 500,
  actionWho: 255,
  overrideReason: { min: 10, max: CHECKLIST_TEXT_LIMITS.overrideReason },
} as const;

export interface EvidenceLink {
  title: string;
  url: string;
}

export interface ImprovementAction {
  what: string;
  /** Who carries it out (a name or UPN); empty when not yet assigned. */
  who: string;
  /** yyyy-mm-dd, or null without a due date. */
  due: string | null;
  done: boolean;
}

/**
 * Only http(s) links: a `javascript:` or `data:` link in evidence would run in the reader's
 * browser when clicked, and a `file:` link points at nobody else's disk.
 */
export function isWebLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const evidenceLinkSchema = z.object({
  title: boundedTextSchema({ min: 1, max: CHECKLIST_LIMITS.evidenceTitle }, false),
  url: z
    .string()
    .trim()
    .max(CHECKLIST_LIMITS.evidenceUrl)
    .refine(isWebLink, { error: 'must be an http(s) link, such as https://gemeente.sharepoint.com/…' }),
});

const improvementActionSchema = z.object({
  what: boundedTextSchema({ min: 1, max: CHECKLIST_LIMITS.actionWhat }, true),
  who: z.preprocess((value) => value ?? '', boundedTextSchema({ max: CHECKLIST_LIMITS.actionWho }, false)),
  due: z.preprocess((value) => (value === '' ? null : value), isoDateSchema.nullable().optional()).transform((value) => value ?? null),
  done: z.boolean().optional().default(false),
});

/** A nullable note: null or blank clears it. */
function note(max: number) {
  return z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), boundedTextSchema({ max }, true).nullable())
    .optional();
}

/** A change to one checklist item; only the fields sent change. */
export const checklistUpdateInputSchema = z
  .object({
    status: z.enum(ASSESSMENT_STATUSES).optional(),
    explanation: note(CHECKLIST_TEXT_LIMITS.explanation),
    evidence: z.array(evidenceLinkSchema).max(CHECKLIST_LIMITS.evidenceLinks).optional(),
    owner: z
      .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), boundedTextSchema({ max: CHECKLIST_TEXT_LIMITS.owner }, false).nullable())
      .optional(),
    actions: z.array(improvementActionSchema).max(CHECKLIST_LIMITS.actions).optional(),
    /** Derived requirements only: set the status by hand instead of the derived one. */
    derivedOverride: z.boolean().optional(),
    overrideReason: note(CHECKLIST_LIMITS.overrideReason.max),
  })
  .strict();
export type ChecklistUpdateInput = z.output<typeof checklistUpdateInputSchema>;
/** What a client sends (before defaults are applied). */
export type ChecklistUpdateRequest = z.input<typeof checklistUpdateInputSchema>;

export interface DerivedStatusDto {
  source: DerivationSource;
  status: AssessmentStatus;
  /** A short fact behind it, e.g. "6 van 8 afdelingen" (Dutch) / English in `detailEn`. */
  detailNl: string;
  detailEn: string;
}

export interface ChecklistItemDto {
  requirementId: RequirementId;
  themeId: ThemeId;
  municipalityCode: string;
  /** The status that counts: the derived one unless overridden, else the recorded one. */
  status: AssessmentStatus;
  /** The status as recorded by hand in the list. */
  recordedStatus: AssessmentStatus;
  explanation: string | null;
  evidence: EvidenceLink[];
  owner: string | null;
  actions: ImprovementAction[];
  /** Set for the derived requirements (1a, 1c, 2b). */
  derived: DerivedStatusDto | null;
  /** True when a person overrode the derived status; the reason is kept with it. */
  derivedOverride: boolean;
  overrideReason: string | null;
  etag: string;
  modifiedAt: string;
  modifiedBy: string;
}

export interface ThemeProgressDto {
  themeId: ThemeId;
  total: number;
  voldaan: number;
  deels: number;
  nietVoldaan: number;
  onbekend: number;
}

export interface ChecklistDto {
  municipalityCode: string;
  items: ChecklistItemDto[];
  themes: ThemeProgressDto[];
  /** Whether the caller may edit (the MT contact, the app admin). */
  canEdit: boolean;
}

export const CHECKLIST_FIELDS = [
  'status',
  'explanation',
  'evidence',
  'owner',
  'actions',
  'derivedOverride',
  'overrideReason',
] as const;
export type ChecklistField = (typeof CHECKLIST_FIELDS)[number];

export interface ChecklistChangeDto {
  field: ChecklistField;
  /** The value as text (JSON for evidence and actions); null when empty. */
  from: string | null;
  to: string | null;
}

export interface ChecklistHistoryEntryDto {
  changedAt: string;
  changedBy: string;
  changes: ChecklistChangeDto[];
}

export interface ChecklistHistoryDto {
  municipalityCode: string;
  requirementId: RequirementId;
  /** Newest first. */
  entries: ChecklistHistoryEntryDto[];
}

/** What the Basis op orde web part's components use; the composition root picks PnPjs or fetch. */
export interface ChecklistClient {
  read(): Promise<ChecklistDto>;
  update(requirementId: RequirementId, etag: string, change: ChecklistUpdateRequest): Promise<ChecklistItemDto>;
  history(requirementId: RequirementId): Promise<ChecklistHistoryDto>;
}
