import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataKeyDestroyedError } from '../src/crypto/envelope-key-store.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { filesContaining, makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

describe('SQLite service store: shredding against backups of the data file', () => {
  let folder: string;
  let file: string;
  const masterKey = testMasterKey();

  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder, 'tenant-0164.db');
  });
  afterEach(() => removeFolder(folder));

  it('shreds a signal: gone from the store, a tombstone remains, and a backup copy made earlier can no longer be read', async () => {
    const shredded = makeSignal({ closedAt: '2026-03-10T12:00:00.000Z', status: 'closed', outcome: 'doorgezet-naar-politie' });
    const kept = makeSignal();
    const first = await openSqliteServiceStore({ file, masterKey });
    await first.signals.create(shredded, 'activity-shred');
    await first.signals.create(kept, 'activity-keep');
    await first.close();

    // A backup of the data file, taken before the retention job shreds the signal.
    const backup = path.join(folder, 'backup.db');
    copyFileSync(file, backup);
    const wrappedKey = wrappedKeyOf(first.keyFile, `signal:${shredded.id}`);

    const live = await openSqliteServiceStore({ file, masterKey });
    const tombstone = await live.signals.shred(shredded.id, '2027-03-10T00:00:00.000Z');
    expect(tombstone).toEqual({
      id: shredded.id,
      reference: shredded.reference,
      municipalityCode: '0164',
      category: shredded.category,
      receivedAt: shredded.receivedAt,
      acknowledgedAt: null,
      closedAt: '2026-03-10T12:00:00.000Z',
      outcome: 'doorgezet-naar-politie',
      deletedAt: '2027-03-10T00:00:00.000Z',
    });
    expect(await live.signals.get(shredded.id)).toBeUndefined();
    expect(await live.signals.tombstones(['0164'])).toEqual([tombstone]);
    expect(await live.signals.get(kept.id)).toEqual(kept);
    // secure_delete plus the checkpoint after shredding: the wrapped key's bytes are gone from disk.
    expect(filesContaining(folder, wrappedKey)).toEqual([]);
    await live.close();
    expect(filesContaining(folder, wrappedKey)).toEqual([]);

    // Restore the backup next to the live key file: the shredded signal's row is in it,
    // but its key is not, so it cannot be read; the other signal still can.
    copyFileSync(backup, path.join(folder, 'restored.db'));
    const restored = await openSqliteServiceStore({ file: path.join(folder, 'restored.db'), keyFile: first.keyFile, masterKey });
    await expect(restored.signals.get(shredded.id)).rejects.toBeInstanceOf(DataKeyDestroyedError);
    expect(await restored.signals.get(kept.id)).toEqual(kept);
    await restored.close();
  });
});

function wrappedKeyOf(keyFile: string, keyId: string): Buffer {
  const raw = new BetterSqlite3(keyFile);
  const wrapped = raw.prepare('SELECT wrapped FROM data_keys WHERE key_id = ?').pluck().get(keyId);
  raw.close();
  if (!Buffer.isBuffer(wrapped)) throw new Error(`no wrapped key ${keyId}`);
  expect(readFileSync(keyFile).includes(wrapped)).toBe(true);
  return wrapped;
}
