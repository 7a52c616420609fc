import { z } from 'zod';
import {
  ASSESSMENT_STATUSES,
  REQUIREMENT_IDS,
  ROUND_TYPES,
  isRequirementId,
  type AssessmentStatus,
  type RequirementId,
  type RoundType,
} from '../domain/catalogue.js';
import type { RequirementStatuses, RoundComparison, RoundStatus, TwenteRequirementOutcome } from '../domain/rounds.js';

/**
 * The contract of the measurement rounds: the hub's API (district users, and municipality
 * instances with their own credential) and each instance's rounds API (its secretary).
 * Field names are a contract: extend, never rename. The input schemas are shared so the
 * instance refuses bad input before anything leaves it, and the hub checks it again.
 */

export const ROUND_TITLE_MAX_LENGTH = 120;

const isoDate = z.string().trim().pipe(z.iso.date());

const assessmentStatuses: readonly string[] = ASSESSMENT_STATUSES;

/**
 * All 20 requirement ids of the catalogue, each with one of the four statuses; an unknown
 * id or a status outside the list is named in the error, so nothing half-valid is stored.
 */
export const requirementStatusesSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, context) => {
    for (const key of Object.keys(value)) {
      if (!isRequirementId(key)) {
        context.addIssue({ code: 'custom', path: [key], message: 'is not a requirement of the basis-op-orde catalogue (1a … 5a).' });
      }
    }
    for (const id of REQUIREMENT_IDS) {
      const status = value[id];
      if (status === undefined) {
        context.addIssue({ code: 'custom', path: [id], message: 'is required: every one of the 20 requirements needs a status.' });
      } else if (typeof status !== 'string' || !assessmentStatuses.includes(status)) {
        context.addIssue({ code: 'custom', path: [id], message: `must be one of: ${ASSESSMENT_STATUSES.join(', ')}.` });
      }
    }
  })
  .transform((value) => {
    const statuses: Partial<Record<RequirementId, AssessmentStatus>> = {};
    for (const id of REQUIREMENT_IDS) statuses[id] = value[id] as AssessmentStatus;
    return statuses as RequirementStatuses;
  });

export const roundOpenInputSchema = z
  .object({
    type: z.enum(ROUND_TYPES),
    title: z.string().trim().min(3).max(ROUND_TITLE_MAX_LENGTH),
    periodStart: isoDate,
    periodEnd: isoDate,
  })
  .superRefine((round, context) => {
    if (round.periodEnd < round.periodStart) {
      context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must not be before "periodStart".' });
    }
  });
export type RoundOpenInput = z.output<typeof roundOpenInputSchema>;

/** The secretary's self-scan, sent to her own instance; `municipalityCode` only when it serves several. */
export const selfScanSubmissionInputSchema = z.object({
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, { error: 'must be a four-digit CBS code.' })
    .optional(),
  statuses: requirementStatusesSchema,
});

/** What an instance sends to the hub: the statuses and who submitted them at the instance. */
export const hubSubmissionInputSchema = z.object({
  municipalityCode: z.string().regex(/^\d{4}$/, { error: 'must be a four-digit CBS code.' }),
  submittedBy: z.string().trim().min(3).max(256),
  statuses: requirementStatusesSchema,
});
export type HubSubmissionInput = z.output<typeof hubSubmissionInputSchema>;

/** The assessor's final measurement of one municipality. */
export const finalMeasurementInputSchema = z.object({ statuses: requirementStatusesSchema });

export interface RoundDto {
  id: string;
  type: RoundType;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: RoundStatus;
  openedAt: string;
  closedAt: string | null;
}

export interface SubmissionDto {
  municipalityCode: string;
  statuses: RequirementStatuses;
  submittedBy: string;
  submittedAt: string;
  /** True once the round closed: these statuses can never change again. */
  frozen: boolean;
}

/** One round, every municipality: for the district coordinator, the specialist and (recording) the assessor. */
export interface RoundResultsDto {
  round: RoundDto;
  municipalities: { code: string; name: string; submission: SubmissionDto | null }[];
}

/** One municipality, every round: what its instance fetches for its secretary. */
export interface MunicipalityResultsDto {
  municipalityCode: string;
  rounds: { round: RoundDto; submission: SubmissionDto | null }[];
}

export interface RoundComparisonDto {
  municipalityCode: string;
  /** The change is read from round `a` to round `b`. */
  a: RoundDto;
  b: RoundDto;
  requirements: { requirementId: RequirementId; a: AssessmentStatus; b: AssessmentStatus; change: RoundComparison }[];
}

/** The Twente-wide outcome of a closed round: bands only, no counts, no municipality. */
export interface TwenteOutcomeDto {
  round: RoundDto;
  requirements: TwenteRequirementOutcome[];
  basisOpOrde: boolean;
}
