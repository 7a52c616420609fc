import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * A real PostgreSQL server for the tests. With DATABASE_URL set, that server (the role
 * must be allowed to create databases); otherwise a throwaway cluster from Debian's
 * `postgresql` binaries: initdb'd as the `postgres` user when running as root (initdb
 * refuses root), listening on 127.0.0.1 on a free port with its socket in the temp
 * folder, trust authentication, stopped and deleted by `stop()`. Each test gets its own
 * databases (`createDatabase`), so tests never see each other's rows.
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

const FOLDER_PREFIX = 'weerbaar-pg-';
/** As root the cluster runs as `postgres`, which must reach the folder: /tmp is open to all. */
const clusterParent = (): string => (process.getuid?.() === 0 ? '/tmp' : os.tmpdir());
const OWNER_FILE = 'owner.pid';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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

interface ThrowawayCluster {
  adminUrl: string;
  dataDirectory: string;
  stop(): void;
}

function startThrowawayCluster(): ThrowawayCluster {
  const bin = findOrInstallServer();
  const asRoot = process.getuid?.() === 0;
  const runAsOwner = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const commandArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    return execFileSync(command, commandArgs, { stdio: 'pipe', encoding: 'utf8', timeout: 60_000 });
  };
  removeAbandonedClusters(runAsOwner);

  const folder = mkdtempSync(path.join(clusterParent(), FOLDER_PREFIX));
  writeFileSync(path.join(folder, OWNER_FILE), String(process.pid));
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    chownSync(folder, uid!, gid!);
  }
  const dataDirectory = path.join(folder, 'data');
  let port = 0;
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        runAsOwner('pg_ctl', ['stop', '-D', dataDirectory, '-m', 'immediate', '-w']);
      } catch {
        // Already gone; the folder is removed all the same.
      }
    }
    rmSync(folder, { recursive: true, force: true });
    process.removeListener('exit', stop);
  };
  // A test file that crashes before its afterAll still takes its cluster with it.
  process.on('exit', stop);
  try {
    runAsOwner('initdb', ['-D', dataDirectory, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions']);
    // The free port may be taken by someone else before the server binds it: try another.
    for (let attempt = 1; ; attempt += 1) {
      port = freePortSync();
      const serverOptions = [
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder}`,
        // A throwaway cluster need not survive a power cut: skip the flushes.
        '-c fsync=off -c full_page_writes=off -c max_connections=200',
        // Few WAL segments to keep (the canary tests read the recent ones).
        '-c min_wal_size=32MB -c max_wal_size=64MB',
      ].join(' ');
      started = true; // from here on, stop() must try to stop it
      try {
        runAsOwner('pg_ctl', ['start', '-D', dataDirectory, '-w', '-t', '30', '-l', path.join(folder, 'server.log'), '-o', serverOptions]);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  } catch (error) {
    const log = existsSync(path.join(folder, 'server.log')) ? readFileSync(path.join(folder, 'server.log'), 'utf8') : '';
    stop();
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${describe(error)}\n${log}`);
  }
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDirectory, stop };
}

function findOrInstallServer(): string {
  const found = postgresBinDir();
  if (found) return found;
  if (process.getuid?.() === 0) {
    spawnSync(process.execPath, [path.join(repoRoot, 'scripts/ensure-install.mjs'), '--postgres-only'], { stdio: 'inherit' });
    const installed = postgresBinDir();
    if (installed) return installed;
  }
  throw new Error(
    'PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin). Install Debian\'s postgresql package ' +
      '(sudo apt-get install -y postgresql) or set DATABASE_URL to a server where the tests may create databases.',
  );
}

/** Same lookup as scripts/ensure-install.mjs: Debian's binaries, newest major first. */
function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(base, major, 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(path.join(bin, tool)))) return bin;
  }
  return null;
}

/** Clusters left by test processes that were killed: stop them and free their folders. */
function removeAbandonedClusters(runAsOwner: (tool: string, args: string[]) => string): void {
  for (const name of readdirSync(clusterParent()).filter((entry) => entry.startsWith(FOLDER_PREFIX))) {
    const folder = path.join(clusterParent(), name);
    const ownerFile = path.join(folder, OWNER_FILE);
    let owner: number;
    try {
      owner = Number(readFileSync(ownerFile, 'utf8'));
    } catch {
      continue;
    }
    if (processIsAlive(owner)) continue;
    try {
      runAsOwner('pg_ctl', ['stop', '-D', path.join(folder, 'data'), '-m', 'immediate', '-w']);
    } catch {
      // Not running.
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A port that was free a moment ago (pg_ctl needs a number before it starts). */
function freePortSync(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'stderr' in error && typeof error.stderr === 'string' && error.stderr) return error.stderr;
  return error instanceof Error ? error.message : String(error);
}

/** Files of the given databases plus the write-ahead log, after a checkpoint (throwaway cluster only). */
export async function rawDatabaseFiles(server: TestPostgres, urls: readonly string[], walSinceMs = 0): Promise<{ name: string; bytes: Buffer }[]> {
  if (!server.dataDirectory) return [];
  await server.query(server.adminUrl, 'CHECKPOINT');
  const folders = [path.join(server.dataDirectory, 'pg_wal')];
  for (const url of urls) {
    const [row] = await server.query<{ oid: number }>(server.adminUrl, 'SELECT oid FROM pg_database WHERE datname = $1', [new URL(url).pathname.slice(1)]);
    folders.push(path.join(server.dataDirectory, 'base', String(row!.oid)));
  }
  const wal = folders[0];
  return folders.flatMap((folder) =>
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      // WAL segments nobody wrote to since `walSinceMs` cannot hold what was written since.
      .filter((entry) => folder !== wal || statSync(path.join(folder, entry.name)).mtimeMs >= walSinceMs - 1_000)
      .map((entry) => ({ name: path.join(path.relative(server.dataDirectory!, folder), entry.name), bytes: readFileSync(path.join(folder, entry.name)) })),
  );
}

/**
 * For each needle, where it occurs in the stored data: every text and bytea value of every
 * table in the given databases (read back through SQL), and for a throwaway cluster also
 * the raw files of those databases and the write-ahead log segments written since
 * `sinceMs`. Places are named like `db:schema.table.column` or `file base/16384/16420`.
 */
export async function postgresStorageContaining(
  server: TestPostgres,
  urls: readonly string[],
  needles: readonly string[],
  sinceMs = 0,
): Promise<string[][]> {
  const patterns = needles.map((needle) => Buffer.from(needle, 'utf8'));
  const hits = needles.map(() => new Set<string>());
  const record = (place: string, value: unknown) => {
    const bytes = Buffer.isBuffer(value) ? value : typeof value === 'string' ? Buffer.from(value, 'utf8') : null;
    if (bytes) patterns.forEach((pattern, index) => bytes.includes(pattern) && hits[index]!.add(place));
  };
  for (const url of urls) {
    const database = new URL(url).pathname.slice(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      for (const table of tables.rows) {
        const rows = await client.query(`SELECT * FROM ${pg.escapeIdentifier(table.schema)}.${pg.escapeIdentifier(table.name)}`);
        for (const row of rows.rows as Record<string, unknown>[]) {
          for (const [column, value] of Object.entries(row)) record(`${database}:${table.schema}.${table.name}.${column}`, value);
        }
      }
    } finally {
      await client.end();
    }
  }
  for (const file of await rawDatabaseFiles(server, urls, sinceMs)) record(`file ${file.name}`, file.bytes);
  return hits.map((places) => [...places].sort());
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
