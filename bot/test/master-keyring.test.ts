import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DataKeyMaintenance, RewrapOutcome } from '../src/crypto/data-key-maintenance.js';
import { EnvelopeKeyStore } from '../src/crypto/envelope-key-store.js';
import { MemoryKeyTable } from './helpers/memory-key-table.js';
import { decodePreviousMasterKeys, keyringOf, masterKeyringFor } from '../src/crypto/master-keyring.js';
import { loadConfig } from '../src/config/config.js';
import { startDataKeyRewrap } from '../src/jobs/data-key-rewrap.js';
import { createLogger } from '../src/logging.js';

describe('the master keyring (WEERBAAR_DATA_KEY_PREVIOUS)', () => {
  it('reads comma-separated previous keys, and none when the variable is empty or absent', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    expect(decodePreviousMasterKeys(`${a.toString('base64')}, ${b.toString('base64')}`)).toEqual([a, b]);
    expect(decodePreviousMasterKeys('')).toEqual([]);
    expect(decodePreviousMasterKeys(undefined)).toEqual([]);
  });

  it.each([
    { why: 'a short key', value: `${randomBytes(32).toString('base64')},${randomBytes(16).toString('base64')}`, names: /entry 2[\s\S]*exactly 32 bytes/ },
    { why: 'an empty entry', value: `${randomBytes(32).toString('base64')},,`, names: /empty entry at position 2/ },
    { why: 'no base64', value: 'oude sleutel', names: /entry 1[\s\S]*not valid base64/ },
  ])('refuses $why, naming the variable and the entry', ({ value, names }) => {
    expect(() => decodePreviousMasterKeys(value)).toThrow(/WEERBAAR_DATA_KEY_PREVIOUS/);
    expect(() => decodePreviousMasterKeys(value)).toThrow(names);
  });

  it('stops an instance from starting on a malformed previous key', () => {
    const config = loadConfig({ MODE: 'local', TENANT_ID: '6f1e2a90-0164-4c1b-9d8e-000000000164', MUNICIPALITY_CODES: '0164', WEERBAAR_DATA_KEY: randomBytes(32).toString('base64'), WEERBAAR_DATA_KEY_PREVIOUS: 'kapot' });
    expect(() => masterKeyringFor(config, '/nonexistent/master.key')).toThrow(/WEERBAAR_DATA_KEY_PREVIOUS/);
  });

  it('ignores a previous key equal to the current one, and repeats', () => {
    const [current, old] = [randomBytes(32), randomBytes(32)];
    expect(keyringOf(current, [Buffer.from(current), old, Buffer.from(old)]).previous).toEqual([old]);
  });

  it('opens data keys wrapped under a previous key, and wraps new ones under the current key only', async () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const table = new MemoryKeyTable();
    const sealedBefore = await new EnvelopeKeyStore(oldKey, table).seal('signal:1', 'vóór de wissel');
    const rotating = new EnvelopeKeyStore(keyringOf(newKey, [oldKey]), table);
    expect(await rotating.open('signal:1', sealedBefore)).toBe('vóór de wissel');
    const sealedAfter = await rotating.seal('signal:2', 'na de wissel');
    expect(await new EnvelopeKeyStore(newKey, table).open('signal:2', sealedAfter)).toBe('na de wissel');
    await expect(new EnvelopeKeyStore(oldKey, table).open('signal:2', sealedAfter)).rejects.toThrow(/WEERBAAR_DATA_KEY_PREVIOUS/);
  });
});

describe('the background re-wrap at start', () => {
  function maintenance(rewrap: () => Promise<RewrapOutcome>, hasPreviousKeys = true): DataKeyMaintenance {
    return { hasPreviousKeys, rewrap, verify: async () => undefined, pseudonymKey: async () => Buffer.alloc(32) };
  }
  /** The real logger, its JSON lines parsed. */
  function logger() {
    const raw: string[] = [];
    const log = createLogger({ level: 'info', instanceId: 'test', destination: { write: (line: string) => void raw.push(line) } });
    return {
      log,
      lines: () =>
        raw.map((line) => {
          const { level, msg, rewrapped, alreadyCurrent, unreadable, err } = JSON.parse(line) as Record<string, unknown>;
          const fields = Object.fromEntries(Object.entries({ rewrapped, alreadyCurrent, unreadable, err }).filter(([, value]) => value !== undefined));
          return { level: level === 30 || level === 'info' ? 'info' : 'warn', fields, msg };
        }),
    };
  }

  it('does nothing without previous keys', async () => {
    const log = logger();
    let ran = false;
    await startDataKeyRewrap(maintenance(async () => ((ran = true), { rewrapped: 0, alreadyCurrent: 0, unreadable: 0 }), false), log.log).done;
    expect(ran).toBe(false);
    expect(log.lines()).toEqual([]);
  });

  it('says with counts only when the previous key can go, and warns when some keys open with no key', async () => {
    const done = logger();
    await startDataKeyRewrap(maintenance(async () => ({ rewrapped: 7, alreadyCurrent: 3, unreadable: 0 })), done.log).done;
    expect(done.lines()).toEqual([{ level: 'info', fields: { rewrapped: 7, alreadyCurrent: 3, unreadable: 0 }, msg: expect.stringContaining('can be removed') }]);
    const partly = logger();
    await startDataKeyRewrap(maintenance(async () => ({ rewrapped: 7, alreadyCurrent: 3, unreadable: 2 })), partly.log).done;
    expect(partly.lines()[0]).toMatchObject({ level: 'warn', msg: expect.stringContaining('keep WEERBAAR_DATA_KEY_PREVIOUS') });
  });

  it('logs a failure by its name only (a driver message may quote values), and stops cleanly', async () => {
    const log = logger();
    const failure = Object.assign(new Error('duplicate key value (key_id)=(signal:42) … geheime waarde'), { name: 'DatabaseError' });
    const rewrap = startDataKeyRewrap(
      maintenance(async () => {
        throw failure;
      }),
      log.log,
    );
    await rewrap.stop();
    expect(log.lines()).toEqual([{ level: 'warn', fields: { err: 'DatabaseError' }, msg: expect.stringContaining('retried at the next start') }]);
  });
});
