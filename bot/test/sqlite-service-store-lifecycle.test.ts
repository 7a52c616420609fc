import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncompatibleStoreError } from '@weerbaar/shared';
import { openSqliteOrganisationStore, openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { makeSignal, makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';

describe('SQLite service store: migrations, restart and refusals', () => {
  let folder: string;
  let file: string;
  const masterKey = testMasterKey();

  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder, 'data', 'tenant-0164.db');
  });
  afterEach(() => removeFolder(folder));

  it('creates the schema in an empty folder and keeps everything across a restart', async () => {
    const signal = makeSignal();
    const first = await openSqliteServiceStore({ file, masterKey });
    expect(first.keyFile).toBe(path.join(folder, 'data', 'tenant-0164.keys.db'));
    await first.signals.create(signal, 'activity-1');
    await first.audit.record({
      id: 'audit-1', at: '2026-03-02T09:00:01.000Z', actor: 'reporter', action: 'signal.create',
      recordType: 'signal', recordId: signal.id, municipalityCode: '0164',
    });
    const queued = await first.outbox.enqueue({
      idempotencyKey: `signal:${signal.id}:notify:mt`, tenantId: 't-hengelo', municipalityCode: '0164',
      recipientObjectId: 'mt-contact', conversationId: null, notBefore: '2026-03-02T09:00:00.000Z',
      payload: { text: 'Nieuw signaal ontvangen', kind: 'signal-received' },
    });
    const etag = await first.dialogState.write('conv-1/user-1', { step: 'category', draft: { category: 'drugs' } }, undefined);
    await first.conversations.save('t-hengelo', 'user-1', { conversation: { id: 'conv-1' } }, '2026-03-02T09:00:00.000Z');
    expect(await first.leases.acquire('retention', 'proc-1', '2026-03-02T09:00:00.000Z', '2026-03-02T09:05:00.000Z')).toBe(true);
    await first.close();

    const second = await openSqliteServiceStore({ file, masterKey });
    expect(await second.signals.get(signal.id)).toEqual(signal);
    expect((await second.audit.list({ municipalityCodes: ['0164'] })).map((e) => e.id)).toEqual(['audit-1']);
    expect((await second.outbox.get(queued.message.id))?.payload.text).toBe('Nieuw signaal ontvangen');
    expect(await second.dialogState.read(['conv-1/user-1'])).toEqual({
      'conv-1/user-1': { value: { step: 'category', draft: { category: 'drugs' } }, etag },
    });
    expect(await second.conversations.get('t-hengelo', 'user-1')).toEqual({ conversation: { id: 'conv-1' } });
    expect(await second.leases.acquire('retention', 'proc-2', '2026-03-02T09:01:00.000Z', '2026-03-02T09:06:00.000Z')).toBe(false);
    await second.close();
  });

  it('keeps the data keys in the key file, not in the data file', async () => {
    const store = await openSqliteServiceStore({ file, masterKey });
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

  it('refuses to open data keys with a different master key', async () => {
    const signal = makeSignal();
    const store = await openSqliteServiceStore({ file, masterKey });
    await store.signals.create(signal, 'activity-1');
    await store.close();

    const wrongKey = await openSqliteServiceStore({ file, masterKey: testMasterKey() });
    await expect(wrongKey.signals.get(signal.id)).rejects.toThrow(/master key/);
    await wrongKey.close();
  });
});
