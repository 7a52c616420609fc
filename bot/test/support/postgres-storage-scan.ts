import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestPostgres } from './postgres.js';

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
