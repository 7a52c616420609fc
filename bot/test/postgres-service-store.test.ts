import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncompatibleStoreError } from '@weerbaar/shared';
import { DataKeyDestroyedError } from '../src/crypto/envelope-key-store.js';
import { serviceMigrations } from '../src/stores/kysely/migrations/service-migrations.js';
import { openPostgresServiceStore, type PostgresServiceStore } from '../src/stores/postgres/index.js';
import { makeSignal, testMasterKey } from './helpers/store-fixtures.js';
import { rawDatabaseFiles, startTestPostgres, type TestPostgres } from './support/postgres.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const masterKey = testMasterKey();
const open = (dataUrl: string, keyUrl: string | null, overrides: Partial<Parameters<typeof openPostgresServiceStore>[0]> = {}) =>
  openPostgresServiceStore({ connectionString: dataUrl, ...(keyUrl ? { keyDatabase: keyUrl } : {}), masterKey, poolSettings: { max: 3 }, ...overrides } as Parameters<
    typeof openPostgresServiceStore
  >[0]);

async function wrappedKey(keyUrl: string, schema: string, keyId: string): Promise<Buffer | undefined> {
  const rows = await server.query<{ wrapped: Buffer }>(keyUrl, `SELECT wrapped FROM ${schema}.data_keys WHERE key_id = $1`, [keyId]);
  return rows[0]?.wrapped;
}

async function tablesOf(url: string): Promise<string[]> {
  const rows = await server.query<{ name: string }>(
    url,
    "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
  );
  return rows.map((row) => row.name).sort();
}

describe('PostgreSQL service store: keys apart from the data, and shredding', () => {
  it('a backup of the data database taken before a shred cannot reveal the shredded signal', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    const shredded = makeSignal({ status: 'closed', closedAt: '2026-03-10T12:00:00.000Z' });
    const kept = makeSignal();
    const first = await open(dataUrl, keyUrl);
    expect(first.keyLocation).toBe('database');
    await first.signals.create(shredded, 'activity-shred');
    await first.signals.create(kept, 'activity-keep');
    await first.close();
    expect(await tablesOf(dataUrl)).not.toContain('public.data_keys');
    expect(await wrappedKey(keyUrl, 'public', `signal:${shredded.id}`)).toBeInstanceOf(Buffer);

    // The nightly backup of the data database, before the retention job runs.
    const backupUrl = await server.copyDatabase(dataUrl, 'data_backup');

    const live = await open(dataUrl, keyUrl);
    const wrapped = await wrappedKey(keyUrl, 'public', `signal:${shredded.id}`);
    await live.signals.shred(shredded.id, '2027-03-10T00:00:00.000Z');
    expect(await wrappedKey(keyUrl, 'public', `signal:${shredded.id}`)).toBeUndefined();
    await live.close();
    if (server.dataDirectory) {
      // Vacuumed after the shred: the wrapped key's bytes are gone from the table files too
      // (the write-ahead log keeps them until it is recycled; see docs/deployment-storage.md).
      const tableFiles = (await rawDatabaseFiles(server, [keyUrl])).filter((file) => file.name.startsWith('base/'));
      expect(tableFiles.filter((file) => file.bytes.includes(wrapped!)).map((file) => file.name)).toEqual([]);
    }

    // Restoring that backup next to the live key database: the row is back, its key is not.
    const restored = await open(backupUrl, keyUrl);
    await expect(restored.signals.get(shredded.id)).rejects.toBeInstanceOf(DataKeyDestroyedError);
    expect(await restored.signals.get(kept.id)).toEqual(kept);
    await restored.close();
  });

  it('destroys again the keys that a restore of an older key database brought back', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    const signal = makeSignal();
    const first = await open(dataUrl, keyUrl);
    await first.signals.create(signal, 'activity-1');
    await first.close();
    const keyBackupUrl = await server.copyDatabase(keyUrl, 'keys_backup');

    const live = await open(dataUrl, keyUrl);
    await live.signals.shred(signal.id, '2027-03-02T00:00:00.000Z');
    await live.close();
    expect(await wrappedKey(keyBackupUrl, 'public', `signal:${signal.id}`)).toBeInstanceOf(Buffer);

    // The key database is restored from the older backup; the service starts on it.
    const afterRestore = await open(dataUrl, keyBackupUrl);
    expect(await wrappedKey(keyBackupUrl, 'public', `signal:${signal.id}`)).toBeUndefined();
    expect(await afterRestore.signals.tombstones(['0164'])).toHaveLength(1);
    await afterRestore.close();
  });

  it('without KEY_DATABASE_URL keeps the keys in the weerbaar_keys schema and shreds them with the row', async () => {
    const dataUrl = await server.createDatabase('data');
    const signal = makeSignal();
    const store = await open(dataUrl, null);
    expect(store.keyLocation).toBe('schema');
    await store.signals.create(signal, 'activity-1');
    expect(await tablesOf(dataUrl)).toEqual(expect.arrayContaining(['weerbaar_keys.data_keys', 'public.signals']));
    expect(await tablesOf(dataUrl)).not.toContain('public.data_keys');
    expect(await wrappedKey(dataUrl, 'weerbaar_keys', `signal:${signal.id}`)).toBeInstanceOf(Buffer);

    await store.signals.shred(signal.id, '2027-03-02T00:00:00.000Z');
    expect(await wrappedKey(dataUrl, 'weerbaar_keys', `signal:${signal.id}`)).toBeUndefined();

    // Key and row commit together: of two processes taking in one activity, one writes both.
    const other = await open(dataUrl, null);
    const [first, second] = [makeSignal(), makeSignal()];
    const results = await Promise.all([store.signals.create(first, 'activity-race'), other.signals.create(second, 'activity-race')]);
    const winner = results.find((r) => r.created)!.signal;
    expect(results.map((r) => r.signal)).toEqual([winner, winner]);
    const loser = winner.id === first.id ? second : first;
    expect(await wrappedKey(dataUrl, 'weerbaar_keys', `signal:${loser.id}`)).toBeUndefined();
    await other.close();
    await store.close();
  });
});

describe('PostgreSQL service store: refusals', () => {
  it('refuses a KEY_DATABASE_URL that points at the data database', async () => {
    const dataUrl = await server.createDatabase('data');
    await expect(open(dataUrl, dataUrl)).rejects.toThrow(/KEY_DATABASE_URL points at the data database/);
    expect(await tablesOf(dataUrl)).not.toContain('public.data_keys');
  });

  it('refuses a DATABASE_URL that points at the key database, changing nothing', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    await (await open(dataUrl, keyUrl)).close();
    const before = await tablesOf(keyUrl);
    await expect(open(keyUrl, dataUrl)).rejects.toBeInstanceOf(IncompatibleStoreError);
    expect(await tablesOf(keyUrl)).toEqual(before);
  });

  it('refuses to start on signals whose key database is empty, instead of starting with unreadable signals', async () => {
    const [dataUrl, keyUrl, emptyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys'), await server.createDatabase('empty')];
    const store = await open(dataUrl, keyUrl);
    await store.signals.create(makeSignal(), 'activity-1');
    await store.close();

    await expect(open(dataUrl, emptyUrl)).rejects.toThrow(/has no keys/);
    expect(await tablesOf(emptyUrl)).toEqual([]);
  });

  it('refuses a database written by a newer schema, naming it and leaving it as it was', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    await (await open(dataUrl, keyUrl)).close();
    await server.query(dataUrl, "INSERT INTO schema_migrations (track, version, name, applied_at) VALUES ('service', 99, '099_future', '2030-01-01T00:00:00.000Z')");
    const before = await server.query(dataUrl, 'SELECT * FROM schema_migrations ORDER BY track, version');

    const opening = open(dataUrl, keyUrl);
    await expect(opening).rejects.toBeInstanceOf(IncompatibleStoreError);
    await expect(open(dataUrl, keyUrl)).rejects.toThrow(/newer/);
    expect(await server.query(dataUrl, 'SELECT * FROM schema_migrations ORDER BY track, version')).toEqual(before);
  });

  it('refuses to open with a different master key, naming the rotation variable', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    const signal = makeSignal();
    const store = await open(dataUrl, keyUrl);
    await store.signals.create(signal, 'activity-1');
    await store.close();
    await expect(open(dataUrl, keyUrl, { masterKey: testMasterKey() })).rejects.toThrow(/not the master key that wrapped them[\s\S]*WEERBAAR_DATA_KEY_PREVIOUS/);
    const reopened = await open(dataUrl, keyUrl);
    expect((await reopened.signals.get(signal.id))?.content.description).toBe(signal.content.description);
    await reopened.close();
  });
});

describe('PostgreSQL service store: several processes and the pool', () => {
  it('lets several instances start at once on an empty database: each migration runs once', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    const stores = await Promise.all([open(dataUrl, keyUrl), open(dataUrl, keyUrl), open(dataUrl, keyUrl)]);
    const applied = await server.query<{ version: number }>(dataUrl, "SELECT version FROM schema_migrations WHERE track = 'service' ORDER BY version");
    expect(applied.map((row) => row.version)).toEqual(serviceMigrations.migrations.map((m) => m.version));
    await stores[0]!.signals.create(makeSignal(), 'activity-1');
    expect((await stores[2]!.signals.list({ municipalityCodes: ['0164'] })).items).toHaveLength(1);
    for (const store of stores) await store.close();
  });

  it('ends a statement that waits too long on a lock instead of hanging (statement timeout)', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    const store = await open(dataUrl, keyUrl, { poolSettings: { max: 2, statementTimeoutMs: 500 } });
    await store.leases.acquire('retention', 'proc-a', '2026-03-02T09:00:00.000Z', '2026-03-02T09:05:00.000Z');
    const blocker = new pg.Client({ connectionString: dataUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query("SELECT * FROM leases WHERE name = 'retention' FOR UPDATE");
      // The lock is held until the finally block: only the server's statement timeout can end this.
      await expect(store.leases.acquire('retention', 'proc-b', '2026-03-02T09:10:00.000Z', '2026-03-02T09:15:00.000Z')).rejects.toThrow(/statement timeout/);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect(await store.leases.acquire('retention', 'proc-b', '2026-03-02T09:10:00.000Z', '2026-03-02T09:15:00.000Z')).toBe(true);
    await store.close();
  });

  it('uses a pool the caller passes and leaves closing it to the caller', async () => {
    const [dataUrl, keyUrl] = [await server.createDatabase('data'), await server.createDatabase('keys')];
    const pool = new pg.Pool({ connectionString: dataUrl, max: 2 });
    const store: PostgresServiceStore = await openPostgresServiceStore({ pool, keyDatabase: keyUrl, masterKey });
    expect(await store.idempotency.claim('activity-1', '2026-03-02T09:00:00.000Z')).toBe(true);
    await store.close();
    expect((await pool.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    await pool.end();
  });
});
