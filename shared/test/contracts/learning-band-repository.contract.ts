import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredLearningBand } from '../../src/api/hub-learning-api.js';
import type { LearningBandRepository } from '../../src/ports/learning-band-repository.js';

export interface LearningBandRepositoryFixture {
  open(): Promise<{ learningBands: LearningBandRepository; close(): Promise<void> }>;
  cleanup(): Promise<void>;
}

const report = (overrides: Partial<StoredLearningBand> = {}): StoredLearningBand => ({
  municipalityCode: '0164',
  recording: true,
  band: '25-tot-50',
  asOf: '2027-03-01',
  receivedAt: '2027-03-01T05:40:00.000Z',
  ...overrides,
});

/** The hub's learning bands, for every service-store adapter: one row per municipality, the last report wins, kept across a restart. */
export function describeLearningBandRepositoryContract(name: string, makeFixture: () => Promise<LearningBandRepositoryFixture>): void {
  describe(`LearningBandRepository contract: ${name}`, () => {
    let fixture: LearningBandRepositoryFixture;
    let store: { learningBands: LearningBandRepository; close(): Promise<void> };

    beforeEach(async () => {
      fixture = await makeFixture();
      store = await fixture.open();
    });
    afterEach(async () => {
      await store.close();
      await fixture.cleanup();
    });

    it('keeps one report per municipality: a later report replaces the earlier one', async () => {
      await store.learningBands.save(report());
      await store.learningBands.save(report({ municipalityCode: '0147', recording: false, band: null }));
      const kept = await store.learningBands.save(report({ band: '50-tot-75', asOf: '2027-03-02', receivedAt: '2027-03-02T05:40:00.000Z' }));
      expect(kept).toEqual(report({ band: '50-tot-75', asOf: '2027-03-02', receivedAt: '2027-03-02T05:40:00.000Z' }));
      expect(await store.learningBands.list()).toEqual([
        report({ municipalityCode: '0147', recording: false, band: null }),
        report({ band: '50-tot-75', asOf: '2027-03-02', receivedAt: '2027-03-02T05:40:00.000Z' }),
      ]);
    });

    it('takes the same report twice (a retried delivery) without a second row', async () => {
      await store.learningBands.save(report());
      await store.learningBands.save(report());
      expect(await store.learningBands.list()).toEqual([report()]);
    });

    it('still has the reports after the store is opened again', async () => {
      await store.learningBands.save(report({ band: '75-of-meer' }));
      await store.close();
      store = await fixture.open();
      expect(await store.learningBands.list()).toEqual([report({ band: '75-of-meer' })]);
    });
  });
}
