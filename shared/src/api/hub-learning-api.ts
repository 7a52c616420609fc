import { z } from 'zod';
import type { OutcomeBandId } from '../domain/rounds.js';
import { LEARNING_BANDS, type LearningBand } from './learning-api.js';

/**
 * The learning module at the district hub (bot/src/hub/hub-learning.ts). Each instance
 * reports, per municipality it serves, one completion band and nothing else: no counts,
 * no departments, no people. The hub shows the district coordinator and the specialist
 * the band per municipality, and everyone with the Twente-wide view only how many
 * municipalities reach each threshold, in the same coarse count bands as the rounds.
 * Field names are a contract: extend, never rename.
 */

/** What an instance sends: `PUT /api/hub/learning/municipalities/{code}/band`. */
export const learningBandReportSchema = z.strictObject({
  /** False while the works council has not consented: then no band exists. */
  recording: z.boolean(),
  /** null while recording is off or the municipality is too small to show a figure. */
  band: z.enum(LEARNING_BANDS).nullable(),
  /** The day the band was computed (yyyy-mm-dd, the municipality's time zone). */
  asOf: z.iso.date(),
});
export type LearningBandReport = z.output<typeof learningBandReportSchema>;

/** One municipality's last report as the hub keeps it. */
export interface StoredLearningBand extends LearningBandReport {
  municipalityCode: string;
  /** ISO instant the hub received it. */
  receivedAt: string;
}

/** For the district coordinator and the specialist: the band per municipality, never people. */
export interface HubLearningBandDto {
  municipalityCode: string;
  name: string;
  /** null when the instance never reported. */
  recording: boolean | null;
  band: LearningBand | null;
  asOf: string | null;
  /** True when the last report is older than `staleAfterDays`: the band no longer counts. */
  stale: boolean;
}

export interface HubLearningBandsDto {
  today: string;
  staleAfterDays: number;
  municipalities: HubLearningBandDto[];
}

/** The completion thresholds of the Twente-wide view: "at least this share of the staff". */
export const LEARNING_THRESHOLDS = [25, 50, 75] as const;
export type LearningThreshold = (typeof LEARNING_THRESHOLDS)[number];

export interface TwenteLearningCountDto {
  band: OutcomeBandId;
  labelNl: string;
  labelEn: string;
}

/** For the Twente-wide view: no municipality, no count, only bands of how many municipalities. */
export interface TwenteLearningOutcomeDto {
  today: string;
  /** How many municipalities report a current figure at all. */
  reporting: TwenteLearningCountDto;
  thresholds: (TwenteLearningCountDto & { atLeastPercent: LearningThreshold })[];
}
