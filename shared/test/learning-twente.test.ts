import { describe, expect, it } from 'vitest';
import type { StoredLearningBand } from '../src/api/hub-learning-api.js';
import type { LearningBand } from '../src/api/learning-api.js';
import { LEARNING_REPORT_STALE_DAYS, currentLearningBands, isLearningReportStale, twenteLearningOutcome } from '../src/services/learning-twente.js';

const NOW = new Date('2027-03-10T10:00:00.000Z');
const TZ = 'Europe/Amsterdam';
const CODES = ['0141', '0147', '1774', '0153', '0158', '0163', '0164', '1735', '0168', '0173', '1742', '0183', '1700', '0189'];

function reports(bands: readonly (LearningBand | null | 'off')[], receivedAt = '2027-03-10T05:40:00.000Z'): StoredLearningBand[] {
  return bands.map((band, i) => ({
    municipalityCode: CODES[i]!,
    recording: band !== 'off',
    band: band === 'off' ? null : band,
    asOf: '2027-03-10',
    receivedAt,
  }));
}

const thresholdBands = (outcome: ReturnType<typeof twenteLearningOutcome>) => Object.fromEntries(outcome.thresholds.map((t) => [t.atLeastPercent, t.band]));

describe('the Twente-wide learning figures', () => {
  it('counts, per threshold, the municipalities that reach it, in the coarse count bands of the rounds', () => {
    // 8 at 75% or more, 3 at 50-75, 2 at 25-50, 1 below 25.
    const bands: LearningBand[] = [
      ...Array<LearningBand>(8).fill('75-of-meer'),
      ...Array<LearningBand>(3).fill('50-tot-75'),
      ...Array<LearningBand>(2).fill('25-tot-50'),
      'minder-dan-25',
    ];
    const outcome = twenteLearningOutcome(reports(bands), NOW, TZ);
    expect(outcome.today).toBe('2027-03-10');
    expect(outcome.reporting.band).toBe('alle-of-bijna-alle');
    // >=25%: 13 of 14; >=50%: 11; >=75%: 8.
    expect(thresholdBands(outcome)).toEqual({ 25: 'alle-of-bijna-alle', 50: 'ongeveer-de-helft-tot-de-meeste', 75: 'ongeveer-de-helft-tot-de-meeste' });
    expect(outcome.thresholds.find((t) => t.atLeastPercent === 50)?.labelNl).toBe('ongeveer de helft tot de meeste gemeenten');
  });

  it('counts a municipality with recording off, too few people or no report as reaching no threshold', () => {
    const outcome = twenteLearningOutcome(reports(['75-of-meer', '75-of-meer', '75-of-meer', 'off', null]), NOW, TZ);
    expect(outcome.reporting.band).toBe('minder-dan-de-helft');
    expect(thresholdBands(outcome)).toEqual({ 25: 'minder-dan-de-helft', 50: 'minder-dan-de-helft', 75: 'minder-dan-de-helft' });
  });

  it('drops a band the hub received more than the stale period ago, measured by the hub clock', () => {
    const old = new Date(NOW.getTime() - (LEARNING_REPORT_STALE_DAYS + 1) * 86_400_000).toISOString();
    const recent = new Date(NOW.getTime() - (LEARNING_REPORT_STALE_DAYS - 1) * 86_400_000).toISOString();
    expect(isLearningReportStale({ receivedAt: old }, '2027-03-10', TZ)).toBe(true);
    expect(isLearningReportStale({ receivedAt: recent }, '2027-03-10', TZ)).toBe(false);
    expect(currentLearningBands([...reports(['75-of-meer'], old), ...reports([null, '50-tot-75'], recent).slice(1)], '2027-03-10', TZ)).toEqual(['50-tot-75']);
  });

  it('names no municipality and gives no count: only band ids and labels leave the hub', () => {
    const outcome = twenteLearningOutcome(reports(['75-of-meer', '50-tot-75', '25-tot-50']), NOW, TZ);
    const text = JSON.stringify(outcome);
    for (const code of CODES) expect(text).not.toContain(code);
    expect(Object.keys(outcome).sort()).toEqual(['reporting', 'thresholds', 'today']);
    for (const threshold of outcome.thresholds) expect(Object.keys(threshold).sort()).toEqual(['atLeastPercent', 'band', 'labelEn', 'labelNl']);
  });
});
