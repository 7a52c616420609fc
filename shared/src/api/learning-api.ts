/**
 * The contract between the learning API (bot/src/http/learning-routes.ts) and its clients
 * (the Bewustwording web part through AadHttpClient, the local workbench through fetch).
 * Field names are a contract: extend, never rename. Dates are yyyy-mm-dd in the
 * municipality's time zone.
 *
 * What a caller gets depends on who asks (policy `learning.read-department`): a
 * department's own head sees who in the department completed the module and when; the MT
 * contact sees percentages per department, hidden for departments under five people; the
 * Twente-wide view (`outcome.read`) shows one band per municipality and never a person.
 */

/** A completion share, coarse on purpose: the Twente-wide view names municipalities, never people. */
export const LEARNING_BANDS = ['minder-dan-25', '25-tot-50', '50-tot-75', '75-of-meer'] as const;
export type LearningBand = (typeof LEARNING_BANDS)[number];

export interface LearningTrendPointDto {
  /** yyyy-mm; the share of the current members who completed in the 12 months up to that month's end (or today). */
  month: string;
  /** null when the department is hidden (fewer than the minimum group size). */
  percentage: number | null;
}

export interface LearningPersonCompletionDto {
  displayName: string;
  upn: string;
  /** The last completion in the window; null when not completed in the last 12 months. */
  completedOn: string | null;
}

export interface LearningDepartmentCompletionDto {
  departmentId: string;
  name: string;
  municipalityCode: string;
  /** True when figures are hidden: fewer members than `minimumGroupSize` (MT view only). */
  suppressed: boolean;
  members: number | null;
  completed: number | null;
  /** 0-100, rounded; null when suppressed or the department has no members. */
  percentage: number | null;
  trend: LearningTrendPointDto[];
  /** Only for the department's own head (or deputy): per person, whether and when. */
  people?: LearningPersonCompletionDto[];
}

export interface LearningMunicipalityCompletionDto {
  municipalityCode: string;
  name: string;
  /** False until the app admin switched recording on (after the works council consented). */
  recording: boolean;
  departments: LearningDepartmentCompletionDto[];
}

export interface LearningCompletionDto {
  /** Today in the municipality's time zone, as the service sees it (the dev clock locally). */
  today: string;
  windowMonths: number;
  minimumGroupSize: number;
  municipalities: LearningMunicipalityCompletionDto[];
}

export interface LearningBandDto {
  municipalityCode: string;
  name: string;
  recording: boolean;
  /** null when recording is off or the municipality has too few people to show. */
  band: LearningBand | null;
}

export interface LearningBandsDto {
  today: string;
  windowMonths: number;
  municipalities: LearningBandDto[];
}

export interface LearningRecordingSettingDto {
  municipalityCode: string;
  enabled: boolean;
  /** Where the works council's consent is recorded; null while off and never set. */
  basis: string | null;
  changedOn: string | null;
  changedBy: string | null;
}

/** What the web part needs; implemented over AadHttpClient (SharePoint, Teams) and fetch (workbench). */
export interface LearningClient {
  completion(): Promise<LearningCompletionDto>;
  bands(): Promise<LearningBandsDto>;
}
