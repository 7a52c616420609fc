import type { StoredLearningBand } from '../api/hub-learning-api.js';

/**
 * The last learning band each municipality's instance reported, kept by the district hub.
 * Reports are sent synchronously and recomputed on every run (a failed one is not
 * retried later with old figures), so the last one received is the current one.
 */
export interface LearningBandRepository {
  /** Replaces the municipality's report; returns what is kept now. */
  save(report: StoredLearningBand): Promise<StoredLearningBand>;
  list(): Promise<StoredLearningBand[]>;
}
