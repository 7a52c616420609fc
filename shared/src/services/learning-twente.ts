import type { LearningBand } from '../api/learning-api.js';
import { LEARNING_THRESHOLDS, type StoredLearningBand, type TwenteLearningOutcomeDto } from '../api/hub-learning-api.js';
import { addCalendarDays, toLocalDate, type LocalDate } from '../domain/local-date.js';
import { bandForCount, TWENTE_MUNICIPALITY_COUNT } from '../domain/rounds.js';

/**
 * The Twente-wide figures of the learning module, pure. A band only counts while it is
 * current: an instance that stopped reporting (switched off, unreachable) drops out after
 * a few weeks instead of showing an old figure as today's. Age is measured by the hub's
 * own clock (when it received the report), so an instance's clock cannot keep a band alive.
 */
export const LEARNING_REPORT_STALE_DAYS = 45;

/** The lowest percentage inside each band. */
const BAND_FLOOR: Record<LearningBand, number> = {
  'minder-dan-25': 0,
  '25-tot-50': 25,
  '50-tot-75': 50,
  '75-of-meer': 75,
};

export function isLearningReportStale(report: Pick<StoredLearningBand, 'receivedAt'>, today: LocalDate, timeZone: string): boolean {
  const received = new Date(report.receivedAt);
  if (Number.isNaN(received.getTime())) return true;
  return toLocalDate(received, timeZone) < addCalendarDays(today, -LEARNING_REPORT_STALE_DAYS);
}

/** The bands that count today: recording on, a figure, and not stale. */
export function currentLearningBands(reports: readonly StoredLearningBand[], today: LocalDate, timeZone: string): LearningBand[] {
  return reports.flatMap((report) => (report.recording && report.band !== null && !isLearningReportStale(report, today, timeZone) ? [report.band] : []));
}

/**
 * Per threshold, how many municipalities reach it, as one of the rounds' count bands
 * (0-2, 3-6, 7-11, 12-14 of 14): a mayor who knows their own municipality's band cannot
 * deduce another's. A municipality without a current band reaches no threshold.
 */
export function twenteLearningOutcome(
  reports: readonly StoredLearningBand[],
  now: Date,
  timeZone: string,
  totalMunicipalities = TWENTE_MUNICIPALITY_COUNT,
): TwenteLearningOutcomeDto {
  const today = toLocalDate(now, timeZone);
  const bands = currentLearningBands(reports, today, timeZone);
  const count = (n: number) => {
    const band = bandForCount(Math.min(n, totalMunicipalities), totalMunicipalities);
    return { band: band.id, labelNl: band.labelNl, labelEn: band.labelEn };
  };
  return {
    today,
    reporting: count(bands.length),
    thresholds: LEARNING_THRESHOLDS.map((atLeastPercent) => ({
      atLeastPercent,
      ...count(bands.filter((band) => BAND_FLOOR[band] >= atLeastPercent).length),
    })),
  };
}
