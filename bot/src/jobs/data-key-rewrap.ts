import type { DataKeyMaintenance } from '../crypto/data-key-maintenance.js';
import { PREVIOUS_MASTER_KEYS_VARIABLE } from '../crypto/master-keyring.js';
import type { Logger } from '../logging.js';

export interface DataKeyRewrap {
  /** Settles when the pass has finished or stopped (for tests and for an orderly close). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * After a master-key rotation (previous keys configured), moves every data key under the
 * current master key in the background, once per start. Reading keeps working meanwhile:
 * the previous keys still unwrap. The log says when the previous key may be removed; it
 * carries counts only, never key ids.
 */
export function startDataKeyRewrap(dataKeys: DataKeyMaintenance, logger: Pick<Logger, 'info' | 'warn'>): DataKeyRewrap {
  if (!dataKeys.hasPreviousKeys) return { done: Promise.resolve(), stop: () => Promise.resolve() };
  let stopping = false;
  const done = dataKeys.rewrap({ shouldStop: () => stopping }).then(
    (outcome) => {
      if (stopping) return;
      if (outcome.unreadable === 0) {
        logger.info({ ...outcome }, `data keys re-wrapped under the current master key: ${PREVIOUS_MASTER_KEYS_VARIABLE} can be removed`);
      } else {
        logger.warn({ ...outcome }, `some data keys open with no configured master key: keep ${PREVIOUS_MASTER_KEYS_VARIABLE} and check the key database`);
      }
    },
    (error: unknown) => {
      // The next start tries again; the name only, a driver message may quote values.
      logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'data key re-wrap failed; it is retried at the next start');
    },
  );
  return {
    done,
    async stop() {
      stopping = true;
      await done;
    },
  };
}
