import { randomBytes } from 'node:crypto';
import type { KeyStore } from '@weerbaar/shared';
import { KEY_BYTES, openBytes, sealBytes } from './aes-gcm.js';
import { keyringOf, PREVIOUS_MASTER_KEYS_VARIABLE, unwrapDataKey, wrapDataKey, type MasterKeyring } from './master-keyring.js';

/** Where wrapped data keys live; the store that owns the table provides it. */
export interface WrappedKeyTable {
  get(keyId: string): Promise<Uint8Array | undefined>;
  /**
   * Stores a wrapped key unless one exists for `keyId`, and returns the stored one, so
   * two processes creating the same key at once end up sealing with the same key.
   */
  put(keyId: string, wrapped: Uint8Array): Promise<Uint8Array>;
  delete(keyId: string): Promise<void>;
}

/** The data key is gone: the record it sealed was shredded (or never existed). */
export class DataKeyDestroyedError extends Error {
  constructor(readonly keyId: string) {
    super(`Data key "${keyId}" does not exist: it was destroyed (shredded) or never created, so this sealed value cannot be opened`);
    this.name = 'DataKeyDestroyedError';
  }
}

/**
 * Envelope encryption (the KeyStore port): each key id gets its own random 256-bit data
 * key, stored only wrapped by the master key (AES-256-GCM, AAD = key id). During a master-key
 * rotation the keyring's previous keys still unwrap what they wrapped; new keys are always
 * wrapped under the current one. Deleting the
 * wrapped key makes everything sealed with it unreadable, in backups too, as long as the
 * wrapped keys are not in the same backup (the SQLite adapter keeps them in a separate file).
 *
 * No cache of unwrapped keys: unwrapping is one small AES operation, and a cache would
 * keep a destroyed key alive in other processes that share the database.
 */
export class EnvelopeKeyStore implements KeyStore {
  private readonly keyring: MasterKeyring;

  constructor(
    masterKey: Uint8Array | MasterKeyring,
    private readonly table: WrappedKeyTable,
  ) {
    this.keyring = masterKey instanceof Uint8Array ? keyringOf(masterKey) : masterKey;
    for (const key of [this.keyring.current, ...this.keyring.previous]) {
      if (key.byteLength !== KEY_BYTES) throw new Error(`A master key must be ${KEY_BYTES} bytes, got ${key.byteLength}`);
    }
  }

  async seal(keyId: string, plaintext: string): Promise<Uint8Array> {
    const dataKey = await this.dataKeyFor(keyId, true);
    try {
      return sealBytes(dataKey, keyId, Buffer.from(plaintext, 'utf8'));
    } finally {
      dataKey.fill(0);
    }
  }

  async open(keyId: string, sealed: Uint8Array): Promise<string> {
    const dataKey = await this.dataKeyFor(keyId, false);
    try {
      return openBytes(dataKey, keyId, sealed).toString('utf8');
    } catch (error) {
      throw new Error(`Sealed value under "${keyId}" failed authentication (altered, or sealed under another key)`, {
        cause: error,
      });
    } finally {
      dataKey.fill(0);
    }
  }

  async destroy(keyId: string): Promise<void> {
    await this.table.delete(keyId);
  }

  async has(keyId: string): Promise<boolean> {
    return (await this.table.get(keyId)) !== undefined;
  }

  private async dataKeyFor(keyId: string, createIfMissing: boolean): Promise<Buffer> {
    let wrapped = await this.table.get(keyId);
    if (wrapped === undefined) {
      if (!createIfMissing) throw new DataKeyDestroyedError(keyId);
      const fresh = randomBytes(KEY_BYTES);
      wrapped = await this.table.put(keyId, wrapDataKey(this.keyring, keyId, fresh));
      fresh.fill(0);
    }
    const unwrapped = unwrapDataKey(this.keyring, keyId, wrapped);
    if (!unwrapped) {
      throw new Error(
        `Data key "${keyId}" cannot be unwrapped: no configured master key wrapped it (while rotating, keep the old key in ${PREVIOUS_MASTER_KEYS_VARIABLE})`,
      );
    }
    return unwrapped.key;
  }
}
