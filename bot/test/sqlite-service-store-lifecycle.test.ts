import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncompatibleStoreError } from '@weerbaar/shared';
import { openSqliteOrganisationStore, openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

describe('SQLite service store: files, migrations and refusals (the shared behaviour: sqlite-service-store-contract.test.ts)', () => {
  let folder: string;
  let file: string;
  const masterKey = testMasterKey();

  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder, 'data', 'tenant-0164.db');
  });
  afterEach(() => removeFolder(folder));

  it('keeps the data keys in the key file, not in the data file', async () => {
    const store = await openSqliteServiceStore({ file, masterKey });
    expect(store.keyFile).toBe(path.join(folder, 'data', 'tenant-0164.keys.db'));
    await store.signals.create(makeSignal(), 'activity-1');
    await store.close();

    const tablesOf = (dbFile: string) => {
      const raw = new BetterSqlite3(dbFile);
      const names = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      raw.close();
      return names;
    };
    expect(tablesOf(file)).not.toContain('data_keys');
    expect(tablesOf(file)).toContain('signals');
    expect(tablesOf(path.join(folder, 'data', 'tenant-0164.keys.db'))).toContain('data_keys');
  });

  it('refuses a database written by a newer schema, naming the file and leaving it as it was', async () => {
    const store = await openSqliteServiceStore({ file, masterKey });
    await store.close();
    const raw = new BetterSqlite3(file);
    raw.prepare("INSERT INTO schema_migrations (track, version, name, applied_at) VALUES ('service', 99, '099_future', '2030-01-01T00:00:00.000Z')").run();
    raw.close();
    const before = readFileSync(file);

    const opening = openSqliteServiceStore({ file, masterKey });
    await expect(opening).rejects.toBeInstanceOf(IncompatibleStoreError);
    await expect(openSqliteServiceStore({ file, masterKey })).rejects.toThrow(file);
    await expect(openSqliteServiceStore({ file, masterKey })).rejects.toThrow(/newer/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it.each([
    { kind: 'random bytes', content: () => randomBytes(8192) },
    { kind: 'a SQLite header followed by garbage', content: () => Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(8176)]) },
  ])('refuses a corrupt file ($kind) and leaves it byte for byte as it was', async ({ content }) => {
    const corrupt = path.join(folder, 'corrupt.db');
    const bytes = content();
    writeFileSync(corrupt, bytes);

    await expect(openSqliteServiceStore({ file: corrupt, masterKey })).rejects.toBeInstanceOf(IncompatibleStoreError);
    await expect(openSqliteServiceStore({ file: corrupt, masterKey })).rejects.toThrow(corrupt);
    await expect(openSqliteOrganisationStore({ file: corrupt })).rejects.toBeInstanceOf(IncompatibleStoreError);
    expect(readFileSync(corrupt).equals(bytes)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.startsWith('corrupt'))).toEqual(['corrupt.db']);
  });

  it('refuses to start on signals whose key file is missing, instead of starting with unreadable signals', async () => {
    const store = await openSqliteServiceStore({ file, masterKey });
    await store.signals.create(makeSignal(), 'activity-1');
    await store.close();
    const moved = path.join(folder, 'elsewhere.keys.db');

    await expect(openSqliteServiceStore({ file, masterKey, keyFile: moved })).rejects.toThrow(/key file/);
    expect(existsSync(moved)).toBe(false);
  });

  it('refuses a SQLite database that belongs to another application', async () => {
    const foreign = path.join(folder, 'foreign.db');
    const raw = new BetterSqlite3(foreign);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    const before = readFileSync(foreign);

    await expect(openSqliteServiceStore({ file: foreign, masterKey })).rejects.toBeInstanceOf(IncompatibleStoreError);
    expect(readFileSync(foreign).equals(before)).toBe(true);
  });

  it('finishes an interrupted shred at start: a tombstoned signal keeps no key', async () => {
    const signal = makeSignal();
    const store = await openSqliteServiceStore({ file, masterKey });
    await store.signals.create(signal, 'activity-1');
    await store.close();
    // Simulate a crash after the data file committed the shred but before the key file did.
    const raw = new BetterSqlite3(file);
    raw.prepare("INSERT INTO signal_tombstones SELECT id, reference, municipality_code, category, received_at, acknowledged_at, closed_at, outcome, '2027-03-02T00:00:00.000Z' FROM signals").run();
    raw.prepare('DELETE FROM signals').run();
    raw.close();

    const reopened = await openSqliteServiceStore({ file, masterKey });
    const keys = new BetterSqlite3(reopened.keyFile);
    expect(keys.prepare('SELECT key_id FROM data_keys').pluck().all()).not.toContain(`signal:${signal.id}`);
    keys.close();
    await reopened.close();
  });

  it('refuses to open with a different master key, naming the rotation variable, and changes nothing', async () => {
    const signal = makeSignal();
    const store = await openSqliteServiceStore({ file, masterKey });
    await store.signals.create(signal, 'activity-1');
    await store.close();

    await expect(openSqliteServiceStore({ file, masterKey: testMasterKey() })).rejects.toThrow(
      /not the master key that wrapped them[\s\S]*WEERBAAR_DATA_KEY_PREVIOUS[\s\S]*Nothing was changed/,
    );
    const reopened = await openSqliteServiceStore({ file, masterKey });
    expect((await reopened.signals.get(signal.id))?.content.description).toBe(signal.content.description);
    await reopened.close();
  });
});
