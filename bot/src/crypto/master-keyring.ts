import { openBytes, sealBytes } from './aes-gcm.js';
import { decodeMasterKey, loadMasterKey, MASTER_KEY_VARIABLE, MasterKeyError, type LoadMasterKeyOptions } from './master-key.js';

/** Master keys that the service still accepts while the data keys are re-wrapped under a new one. */
export const PREVIOUS_MASTER_KEYS_VARIABLE = 'WEERBAAR_DATA_KEY_PREVIOUS';

/**
 * The master key that wraps new data keys, and the earlier ones it replaced. An earlier key
 * only unwraps: the rotation job re-wraps every data key under `current`, after which the
 * earlier key can be taken out of the configuration (docs/deployment.md section 12).
 */
export interface MasterKeyring {
  readonly current: Uint8Array;
  readonly previous: readonly Uint8Array[];
}

export function keyringOf(current: Uint8Array, previous: readonly Uint8Array[] = []): MasterKeyring {
  // A previous key equal to the current one adds nothing; dropping it keeps "rotation pending" honest.
  const distinct = previous.filter((key, index) => !sameKey(key, current) && previous.findIndex((other) => sameKey(other, key)) === index);
  return { current, previous: distinct };
}

/** Comma-separated base64 keys, newest first; empty or absent means none. */
export function decodePreviousMasterKeys(value: string | undefined): Uint8Array[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part, index) => {
    if (part.trim() === '') throw new MasterKeyError(`${PREVIOUS_MASTER_KEYS_VARIABLE} has an empty entry at position ${index + 1}`);
    return decodeMasterKey(part, `${PREVIOUS_MASTER_KEYS_VARIABLE} (entry ${index + 1})`);
  });
}

export interface LoadMasterKeyringOptions extends LoadMasterKeyOptions {
  env: Readonly<Record<string, string | undefined>>;
}

export function loadMasterKeyring(options: LoadMasterKeyringOptions): MasterKeyring {
  return keyringOf(loadMasterKey(options), decodePreviousMasterKeys(options.env[PREVIOUS_MASTER_KEYS_VARIABLE]));
}

/** Wraps a data key under the current master key; the key id is bound in as AAD. */
export function wrapDataKey(keyring: MasterKeyring, keyId: string, dataKey: Uint8Array): Buffer {
  return sealBytes(keyring.current, keyId, dataKey);
}

export interface UnwrappedDataKey {
  readonly key: Buffer;
  /** Whether the current master key wrapped it, or one of the previous ones (re-wrap pending). */
  readonly under: 'current' | 'previous';
}

/** The data key, or null when no configured master key wrapped these bytes. */
export function unwrapDataKey(keyring: MasterKeyring, keyId: string, wrapped: Uint8Array): UnwrappedDataKey | null {
  const attempt = (masterKey: Uint8Array): Buffer | null => {
    try {
      return openBytes(masterKey, keyId, wrapped);
    } catch {
      return null;
    }
  };
  const current = attempt(keyring.current);
  if (current) return { key: current, under: 'current' };
  for (const previous of keyring.previous) {
    const key = attempt(previous);
    if (key) return { key, under: 'previous' };
  }
  return null;
}

/** The keyring a service configuration names (local mode falls back to `keyFile`). */
export function masterKeyringFor(config: { mode: 'local' | 'production'; dataKey: string | null; previousDataKeys: string | null }, keyFile: string): MasterKeyring {
  return loadMasterKeyring({
    mode: config.mode,
    env: { [MASTER_KEY_VARIABLE]: config.dataKey ?? undefined, [PREVIOUS_MASTER_KEYS_VARIABLE]: config.previousDataKeys ?? undefined },
    keyFile,
  });
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
