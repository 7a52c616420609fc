import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEY_BYTES } from './aes-gcm.js';

/** The environment variable that carries the master key (base64 of 32 bytes), e.g. from Key Vault. */
export const MASTER_KEY_VARIABLE = 'WEERBAAR_DATA_KEY';

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

export interface LoadMasterKeyOptions {
  mode: 'local' | 'production';
  env?: Readonly<Record<string, string | undefined>>;
  /** Local mode only: where the generated key is kept when the variable is not set. */
  keyFile?: string;
}

/**
 * The master key wraps every data key. Production must supply it (Key Vault into the
 * environment); local mode may generate one into a file readable by the owner only, so
 * `npm start` works without setup while production never silently invents a key.
 */
export function loadMasterKey(options: LoadMasterKeyOptions): Buffer {
  const encoded = (options.env ?? process.env)[MASTER_KEY_VARIABLE];
  if (encoded !== undefined && encoded.trim() !== '') {
    return decodeMasterKey(encoded, `environment variable ${MASTER_KEY_VARIABLE}`);
  }
  if (options.mode !== 'local') {
    throw new MasterKeyError(`${MASTER_KEY_VARIABLE} is not set: production needs the master data key (base64 of 32 bytes)`);
  }
  if (!options.keyFile) {
    throw new MasterKeyError(`${MASTER_KEY_VARIABLE} is not set and no local key file was given`);
  }
  return readOrCreateKeyFile(options.keyFile);
}

/** Strict base64 of exactly 32 bytes; `source` names where the value came from in the error. */
export function decodeMasterKey(encoded: string, source: string): Buffer {
  const text = encoded.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new MasterKeyError(`${source} is not valid base64 (expected base64 of ${KEY_BYTES} random bytes)`);
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new MasterKeyError(`${source} decodes to ${key.length} bytes; the master key must be exactly ${KEY_BYTES} bytes`);
  }
  return key;
}

function readOrCreateKeyFile(keyFile: string): Buffer {
  mkdirSync(dirname(keyFile), { recursive: true });
  let fd: number | undefined;
  try {
    // 'wx' fails when the file exists, so two instances starting together never overwrite
    // each other's key: the loser reads the winner's file below.
    fd = openSync(keyFile, 'wx', 0o600);
  } catch (error) {
    if (!isFileExists(error)) throw error;
  }
  if (fd !== undefined) {
    try {
      writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
    } finally {
      closeSync(fd);
    }
  }
  return decodeMasterKey(readFileSync(keyFile, 'utf8'), `key file ${keyFile}`);
}

function isFileExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}
