import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startThrowawayCluster } from './postgres-cluster.js';

export { postgresStorageContaining, rawDatabaseFiles } from './postgres-storage-scan.js';

/**
 * A real PostgreSQL server for the tests. With DATABASE_URL set, that server (the role
 * must be allowed to create databases); otherwise a throwaway cluster from Debian's
 * `postgresql` binaries: initdb'd as the `postgres` user when running as root (initdb
 * refuses root), listening on 127.0.0.1 on a free port with its socket in the temp
 * folder, trust authentication, stopped and deleted by `stop()`. Tests get their own
 * databases (`createDatabase`) or empty one between tests (`resetDatabase`), so they never
 * see each other's rows.
 */
export interface TestPostgres {
  /** Where the server came from. */
  readonly source: 'DATABASE_URL' | 'throwaway cluster';
  /** Maintenance connection string (creates and drops the test databases). */
  readonly adminUrl: string;
  /** The throwaway cluster's data directory (raw files to scan); null for DATABASE_URL. */
  readonly dataDirectory: string | null;
  /** A new empty database; returns its connection string. */
  createDatabase(label: string): Promise<string>;
  /** A copy of a database nobody is connected to (what restoring a backup of it gives). */
  copyDatabase(sourceUrl: string, label: string): Promise<string>;
  /**
   * Empties every table except the migration history, as if the database had just been
   * migrated: much cheaper than a new database per test. Nobody may be connected.
   */
  resetDatabase(url: string): Promise<void>;
  /** Drops a database this run created (connections to it are ended). */
  dropDatabase(url: string): Promise<void>;
  /** Runs one statement as the maintenance role in the database of `url`. */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(url: string, text: string, params?: unknown[]): Promise<Row[]>;
  /** Drops the databases this run created and, for a throwaway cluster, stops and deletes it. */
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) return serverAt(external, 'DATABASE_URL', null, async () => {});
  const cluster = startThrowawayCluster();
  try {
    return await serverAt(cluster.adminUrl, 'throwaway cluster', cluster.dataDirectory, async () => cluster.stop());
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

async function serverAt(
  adminUrl: string,
  source: TestPostgres['source'],
  dataDirectory: string | null,
  shutdown: () => Promise<void>,
): Promise<TestPostgres> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // FILE_COPY (PostgreSQL 15+) copies the small template's files instead of writing all of
  // it to the WAL, so creating a database per test stays cheap and the WAL stays small.
  const [version] = (await admin.query<{ server_version_num: string }>('SHOW server_version_num')).rows;
  const strategy = Number(version?.server_version_num) >= 150000 ? ' STRATEGY FILE_COPY' : '';
  const created: string[] = [];
  const prefix = `wt_${process.pid}_${randomBytes(3).toString('hex')}`;
  const urlOf = (database: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  let serial = 0;
  const newName = (label: string) => `${prefix}_${(serial += 1)}_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 63);

  return {
    source,
    adminUrl,
    dataDirectory,
    async createDatabase(label) {
      const name = newName(label);
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${strategy}`);
      created.push(name);
      return urlOf(name);
    },
    async copyDatabase(sourceUrl, label) {
      const name = newName(label);
      const template = new URL(sourceUrl).pathname.slice(1);
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}${strategy}`);
      created.push(name);
      return urlOf(name);
    },
    async resetDatabase(url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const tables = await client.query<{ name: string; guarded: boolean }>(
          `SELECT format('%I.%I', t.schemaname, t.tablename) AS name,
                  EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('%I.%I', t.schemaname, t.tablename)::regclass AND NOT g.tgisinternal) AS guarded
             FROM pg_tables t
            WHERE t.schemaname NOT IN ('pg_catalog', 'information_schema') AND t.tablename <> 'schema_migrations'`,
        );
        if (tables.rows.length === 0) return;
        // The append-only triggers (audit, closed rounds) also refuse TRUNCATE: lift them briefly.
        const guarded = tables.rows.filter((table) => table.guarded).map((table) => table.name);
        await client.query(
          [
            'BEGIN',
            ...guarded.map((name) => `ALTER TABLE ${name} DISABLE TRIGGER USER`),
            `TRUNCATE ${tables.rows.map((table) => table.name).join(', ')}`,
            ...guarded.map((name) => `ALTER TABLE ${name} ENABLE TRIGGER USER`),
            'COMMIT',
          ].join(';\n'),
        );
      } finally {
        await client.end();
      }
    },
    async dropDatabase(url) {
      const name = new URL(url).pathname.slice(1);
      if (!created.includes(name)) throw new Error(`${name} was not created by this test run`);
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      created.splice(created.indexOf(name), 1);
    },
    async query(url, text, params = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      try {
        for (const name of created.splice(0).reverse()) {
          await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        }
      } finally {
        await admin.end();
        await shutdown();
      }
    },
  };
}

let shared: { server: Promise<TestPostgres>; users: number } | undefined;

/**
 * A data and a key database for one production-mode instance, on a server shared by the
 * test file (started with the first, stopped when the last is released). Production
 * refuses to start without DATABASE_URL, so test instances in production mode get these.
 */
export async function acquireTestDatabases(label: string): Promise<{
  env: { DATABASE_URL: string; KEY_DATABASE_URL: string };
  release(): Promise<void>;
}> {
  shared ??= { server: startTestPostgres(), users: 0 };
  const current = shared;
  current.users += 1;
  try {
    const server = await current.server;
    const dataUrl = await server.createDatabase(label);
    const keyUrl = await server.createDatabase(`${label}_keys`);
    let released = false;
    return {
      env: { DATABASE_URL: dataUrl, KEY_DATABASE_URL: keyUrl },
      async release() {
        if (released) return;
        released = true;
        await server.dropDatabase(dataUrl);
        await server.dropDatabase(keyUrl);
        await releaseShared(current);
      },
    };
  } catch (error) {
    await releaseShared(current);
    throw error;
  }
}

async function releaseShared(current: NonNullable<typeof shared>): Promise<void> {
  current.users -= 1;
  if (current.users > 0) return;
  if (shared === current) shared = undefined;
  await (await current.server.catch(() => undefined))?.stop();
}
