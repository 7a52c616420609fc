import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a self-describing layout, used both to wrap data keys with the master
 * key and to seal records with a data key:
 *
 *   version (1 byte) | iv (12 bytes) | auth tag (16 bytes) | ciphertext
 *
 * The version byte lets a later format (another cipher, a key rotation marker) coexist
 * with what is already stored. The additional authenticated data binds a ciphertext to
 * the name it was sealed under, so a sealed value copied to another key id fails to open.
 */
export const SEALED_FORMAT_VERSION = 1;
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export function sealBytes(key: Uint8Array, aad: string, plaintext: Uint8Array): Buffer {
  assertKeyLength(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([SEALED_FORMAT_VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws when the bytes were altered, sealed under another key, or under another `aad`. */
export function openBytes(key: Uint8Array, aad: string, sealed: Uint8Array): Buffer {
  assertKeyLength(key);
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < HEADER_BYTES) throw new Error('sealed value is too short to be valid');
  const version = bytes[0];
  if (version !== SEALED_FORMAT_VERSION) throw new Error(`unknown sealed format version ${String(version)}`);
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(1 + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]);
}

function assertKeyLength(key: Uint8Array): void {
  if (key.byteLength !== KEY_BYTES) throw new Error(`AES-256 needs a ${KEY_BYTES}-byte key, got ${key.byteLength}`);
}
