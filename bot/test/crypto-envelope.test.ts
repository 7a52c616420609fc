import { randomBytes } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataKeyDestroyedError, EnvelopeKeyStore } from '../src/crypto/envelope-key-store.js';
import { MemoryKeyTable } from './helpers/memory-key-table.js';
import { loadMasterKey, MASTER_KEY_VARIABLE } from '../src/crypto/master-key.js';
import { makeTempFolder, removeFolder } from './helpers/store-fixtures.js';

describe('master key', () => {
  let folder: string;
  beforeEach(() => {
    folder = makeTempFolder('weerbaar-key-');
  });
  afterEach(() => removeFolder(folder));

  it('takes a valid base64 key from WEERBAAR_DATA_KEY, also in production', () => {
    const key = randomBytes(32);
    const loaded = loadMasterKey({ mode: 'production', env: { [MASTER_KEY_VARIABLE]: key.toString('base64') } });
    expect(loaded.equals(key)).toBe(true);
  });

  it.each([
    { why: 'not base64', value: 'dit is geen sleutel!' },
    { why: '16 bytes instead of 32', value: randomBytes(16).toString('base64') },
    { why: '33 bytes', value: randomBytes(33).toString('base64') },
  ])('refuses a malformed key ($why) with an error naming the variable', ({ value }) => {
    expect(() => loadMasterKey({ mode: 'local', env: { [MASTER_KEY_VARIABLE]: value } })).toThrow(MASTER_KEY_VARIABLE);
  });

  it('refuses to start production without the variable, even when a key file exists', () => {
    const keyFile = path.join(folder, 'master.key');
    loadMasterKey({ mode: 'local', env: {}, keyFile });
    expect(() => loadMasterKey({ mode: 'production', env: {}, keyFile })).toThrow(MASTER_KEY_VARIABLE);
  });

  it('creates a local key file readable by the owner only, and reuses it on the next start', () => {
    const keyFile = path.join(folder, 'tenant-0164', 'master.key');
    const first = loadMasterKey({ mode: 'local', env: {}, keyFile });
    expect(first).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ mode: 'local', env: {}, keyFile }).equals(first)).toBe(true);
  });

  it('names the key file when its content is damaged', () => {
    const keyFile = path.join(folder, 'master.key');
    writeFileSync(keyFile, 'kapot', { mode: 0o600 });
    expect(() => loadMasterKey({ mode: 'local', env: {}, keyFile })).toThrow(keyFile);
  });
});

describe('envelope key store', () => {
  it('opens what it sealed, and the sealed bytes do not contain the plaintext', async () => {
    const keys = new EnvelopeKeyStore(randomBytes(32), new MemoryKeyTable());
    const sealed = await keys.seal('signal:1', 'contant betaald met grote biljetten');
    expect(sealed[0]).toBe(1);
    expect(Buffer.from(sealed).includes(Buffer.from('contant'))).toBe(false);
    expect(await keys.open('signal:1', sealed)).toBe('contant betaald met grote biljetten');
  });

  it('gives every key id its own data key, stored only wrapped', async () => {
    const table = new MemoryKeyTable();
    const keys = new EnvelopeKeyStore(randomBytes(32), table);
    const sealed = await keys.seal('signal:1', 'geheim');
    await keys.seal('signal:2', 'geheim');
    expect(table.rows.size).toBe(2);
    // A value sealed under one key id does not open under another (AAD and key differ).
    await expect(keys.open('signal:2', sealed)).rejects.toThrow();
  });

  it('refuses tampered bytes', async () => {
    const keys = new EnvelopeKeyStore(randomBytes(32), new MemoryKeyTable());
    const sealed = Buffer.from(await keys.seal('signal:1', 'geheim'));
    const last = sealed.length - 1;
    sealed.writeUInt8(sealed.readUInt8(last) ^ 0xff, last);
    await expect(keys.open('signal:1', sealed)).rejects.toThrow(/authentication/);
  });

  it('cannot open anything after the key is destroyed (shredded)', async () => {
    const keys = new EnvelopeKeyStore(randomBytes(32), new MemoryKeyTable());
    const sealed = await keys.seal('signal:1', 'geheim');
    await keys.destroy('signal:1');
    expect(await keys.has('signal:1')).toBe(false);
    await expect(keys.open('signal:1', sealed)).rejects.toBeInstanceOf(DataKeyDestroyedError);
  });

  it('cannot unwrap data keys with another master key', async () => {
    const table = new MemoryKeyTable();
    const sealed = await new EnvelopeKeyStore(randomBytes(32), table).seal('signal:1', 'geheim');
    await expect(new EnvelopeKeyStore(randomBytes(32), table).open('signal:1', sealed)).rejects.toThrow(/master key/);
  });
});
