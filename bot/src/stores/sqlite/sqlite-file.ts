import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { IncompatibleStoreError } from '@weerbaar/shared';

export type SqliteConnection = BetterSqlite3.Database;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const BUSY_TIMEOUT_MS = 5000;

/**
 * What is at `file` before we touch it. Anything that is neither absent, empty, nor a
 * SQLite database is refused here, before SQLite opens it, so a wrong or damaged file
 * is left byte for byte as it was.
 */
export function inspectSqliteFile(file: string): 'absent' | 'empty' | 'sqlite' {
  if (!existsSync(file)) return 'absent';
  const size = statSync(file).size;
  if (size === 0) return 'empty';
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !header.equals(SQLITE_HEADER)) {
    throw new IncompatibleStoreError(
      `${file} is not a SQLite database (corrupt, or another kind of file); it was left untouched. Restore it from a backup or move it away.`,
    );
  }
  return 'sqlite';
}

/**
 * Opens (creating if absent) a database file with the pragmas every store relies on:
 * WAL (readers never block the writer), secure_delete (deleted rows are overwritten,
 * which shredding needs), foreign keys, and a busy timeout for processes sharing a file.
 */
export function openSqliteFile(file: string): SqliteConnection {
  inspectSqliteFile(file);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    probe(sqlite, 'main', file);
    refuseForeignDatabase(sqlite, 'main', file);
    // Set before ATTACH: attached databases inherit secure_delete from main.
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('foreign_keys = ON');
    // Switching to WAL rewrites the header, so only after the checks above passed.
    sqlite.pragma('journal_mode = WAL');
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Attaches another database file under `schema`, with the same checks and journal mode. */
export function attachSqliteFile(sqlite: SqliteConnection, file: string, schema: string): void {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  inspectSqliteFile(file);
  mkdirSync(dirname(file), { recursive: true });
  sqlite.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
  probe(sqlite, schema, file);
  refuseForeignDatabase(sqlite, schema, file);
  sqlite.pragma(`${schema}.secure_delete = ON`);
  sqlite.pragma(`${schema}.journal_mode = WAL`);
}

export function hasTable(sqlite: SqliteConnection, schema: string, table: string): boolean {
  const row = sqlite.prepare(`SELECT 1 AS found FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  return row !== undefined;
}

/** Reading the schema fails on a damaged file; turn that into a clear refusal. */
function probe(sqlite: SqliteConnection, schema: string, file: string): void {
  try {
    sqlite.prepare(`SELECT count(*) AS tables FROM ${schema}.sqlite_master`).get();
  } catch (error) {
    if (isSqliteCorruption(error)) {
      throw new IncompatibleStoreError(`${file} is not a usable SQLite database (corrupt); it was left untouched`);
    }
    throw error;
  }
}

/** A SQLite file with tables but without our migration history belongs to something else. */
function refuseForeignDatabase(sqlite: SqliteConnection, schema: string, file: string): void {
  const tables = sqlite
    .prepare(`SELECT count(*) AS n FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .get() as { n: number };
  if (tables.n > 0 && !hasTable(sqlite, schema, 'schema_migrations')) {
    throw new IncompatibleStoreError(`${file} is a SQLite database of another application (no Weerbaar Twente schema history); it was left untouched`);
  }
}

function isSqliteCorruption(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT')
  );
}
