import { createHmac } from 'node:crypto';
import type { WrappedKeyTable } from './envelope-key-store.js';
import { MASTER_KEY_VARIABLE, MasterKeyError } from './master-key.js';
import { PREVIOUS_MASTER_KEYS_VARIABLE, unwrapDataKey, wrapDataKey, type MasterKeyring } from './master-keyring.js';

export interface WrappedKeyRow {
  readonly keyId: string;
  readonly wrapped: Uint8Array;
}

/** A wrapped-key table that can be walked and updated in place, for re-wrapping. */
export interface RewrappableKeyTable extends WrappedKeyTable {
  /** Rows in key id order, after `after` (exclusive). */
  page(after: string | null, limit: number): Promise<WrappedKeyRow[]>;
  /** Sets `next` only while the row still holds `expected`; false when it changed or is gone. */
  replace(keyId: string, expected: Uint8Array, next: Uint8Array): Promise<boolean>;
}

export interface RewrapOutcome {
  /** Data keys moved from a previous master key to the current one. */
  readonly rewrapped: number;
  readonly alreadyCurrent: number;
  /** Wrapped by no configured master key: nothing was changed for these. */
  readonly unreadable: number;
}

/** What a store does with its wrapped keys as a whole, beyond sealing and opening records. */
export interface DataKeyMaintenance {
  /** Whether earlier master keys are configured, so a re-wrap may have work to do. */
  readonly hasPreviousKeys: boolean;
  /** Refuses (MasterKeyError) when stored keys do not open with the configured master keys. */
  verify(): Promise<void>;
  /**
   * The HMAC key for pseudonyms of `purpose` (dialog state, conversation references). It is
   * kept wrapped like a data key, so it survives a master-key rotation unchanged: a pseudonym
   * computed before the rotation is found after it.
   */
  pseudonymKey(purpose: string): Promise<Buffer>;
  /** Re-wraps every data key still under a previous master key; safe to run in several processes. */
  rewrap(options?: { batchSize?: number; shouldStop?: () => boolean }): Promise<RewrapOutcome>;
}

const PSEUDONYM_KEY_PREFIX = 'pseudonym:';
const VERIFY_SAMPLE = 25;

export function dataKeyMaintenance(keyring: MasterKeyring, table: RewrappableKeyTable): DataKeyMaintenance {
  return {
    hasPreviousKeys: keyring.previous.length > 0,

    async verify() {
      const sample = await table.page(null, VERIFY_SAMPLE);
      const closed = sample.filter((row) => !opens(keyring, row));
      if (closed.length === 0) return;
      const accepted = keyring.previous.length > 0 ? `${MASTER_KEY_VARIABLE} nor ${PREVIOUS_MASTER_KEYS_VARIABLE}` : MASTER_KEY_VARIABLE;
      throw new MasterKeyError(
        `${closed.length} of ${sample.length} stored data keys sampled open with neither ${accepted}: this is not the master key that wrapped them. ` +
          `When rotating the master key, keep the old key in ${PREVIOUS_MASTER_KEYS_VARIABLE} until the re-wrap has finished. Nothing was changed.`,
      );
    },

    async pseudonymKey(purpose) {
      const keyId = `${PSEUDONYM_KEY_PREFIX}${purpose}`;
      let wrapped = await table.get(keyId);
      if (wrapped === undefined) {
        // First start with this version: keep the key earlier versions derived from the master
        // key in use, so pseudonyms already stored keep matching.
        const inUse = (await masterKeyInUse(keyring, table)) ?? keyring.current;
        const derived = legacyPseudonymKey(inUse, purpose);
        wrapped = await table.put(keyId, wrapDataKey(keyring, keyId, derived));
        derived.fill(0);
      }
      const unwrapped = unwrapDataKey(keyring, keyId, wrapped);
      if (!unwrapped) throw new MasterKeyError(`The pseudonym key "${keyId}" does not open with the configured master keys`);
      return unwrapped.key;
    },

    async rewrap(options = {}) {
      const batchSize = options.batchSize ?? 500;
      let rewrapped = 0;
      let alreadyCurrent = 0;
      let unreadable = 0;
      let after: string | null = null;
      for (;;) {
        if (options.shouldStop?.()) break;
        const rows = await table.page(after, batchSize);
        if (rows.length === 0) break;
        for (const row of rows) {
          const unwrapped = unwrapDataKey(keyring, row.keyId, row.wrapped);
          if (!unwrapped) unreadable += 1;
          else if (unwrapped.under === 'current') alreadyCurrent += 1;
          // Lost the compare-and-set: destroyed meanwhile, or another process re-wrapped it first.
          else if (await table.replace(row.keyId, row.wrapped, wrapDataKey(keyring, row.keyId, unwrapped.key))) rewrapped += 1;
          unwrapped?.key.fill(0);
        }
        after = rows[rows.length - 1]!.keyId;
      }
      return { rewrapped, alreadyCurrent, unreadable };
    },
  };
}

/** How versions before the keyring derived a pseudonym key from the master key. */
export function legacyPseudonymKey(masterKey: Uint8Array, purpose: string): Buffer {
  return createHmac('sha256', masterKey).update(`weerbaar-twente/pseudonym/${purpose}`).digest();
}

function opens(keyring: MasterKeyring, row: WrappedKeyRow): boolean {
  const unwrapped = unwrapDataKey(keyring, row.keyId, row.wrapped);
  unwrapped?.key.fill(0);
  return unwrapped !== null;
}

/** The master key that wrapped the stored data keys (the first one that opens), if any are stored. */
async function masterKeyInUse(keyring: MasterKeyring, table: RewrappableKeyTable): Promise<Uint8Array | null> {
  const sample = (await table.page(null, VERIFY_SAMPLE)).filter((row) => !row.keyId.startsWith(PSEUDONYM_KEY_PREFIX));
  for (const row of sample) {
    for (const masterKey of [keyring.current, ...keyring.previous]) {
      const single = unwrapDataKey({ current: masterKey, previous: [] }, row.keyId, row.wrapped);
      if (single) {
        single.key.fill(0);
        return masterKey;
      }
    }
  }
  return null;
}
