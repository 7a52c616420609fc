import pg from 'pg';
import type { Pool } from 'pg';

/**
 * Connection pool settings. Every service process has its own pool, so the server sees
 * `instances x max` connections (plus the key database's pool): keep that below the
 * server's `max_connections` minus what admins and backups need.
 */
export interface PostgresPoolSettings {
  /** Connections per process (each concurrent request or job holds one while it queries). */
  max: number;
  /** Any one statement (lock waits included) is cancelled by the server after this long. */
  statementTimeoutMs: number;
  /** A transaction left idle this long is ended by the server, releasing its locks. */
  idleInTransactionTimeoutMs: number;
  /** Waiting for a free connection (or a new one) fails after this long. */
  connectionTimeoutMs: number;
  /** Idle connections are closed after this long, so quiet instances hold few connections. */
  idleTimeoutMs: number;
  /** Shown in pg_stat_activity, so a DBA can tell which process holds a connection. */
  applicationName: string;
}

export const defaultPoolSettings: Readonly<PostgresPoolSettings> = Object.freeze({
  max: 10,
  statementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 30_000,
  connectionTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  applicationName: 'weerbaar-twente',
});

export function poolSettings(overrides: Partial<PostgresPoolSettings> = {}): PostgresPoolSettings {
  const settings = { ...defaultPoolSettings, ...overrides };
  if (!Number.isInteger(settings.max) || settings.max < 1) {
    throw new RangeError(`A PostgreSQL pool needs at least 1 connection, got ${settings.max}`);
  }
  for (const key of ['statementTimeoutMs', 'idleInTransactionTimeoutMs', 'connectionTimeoutMs', 'idleTimeoutMs'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] <= 0) throw new RangeError(`${key} must be a positive number of milliseconds`);
  }
  return settings;
}

/**
 * A pool with server-side timeouts, so a stuck statement or a forgotten transaction
 * cannot hold locks (and with them the outbox or the scheduler) indefinitely. TLS comes
 * from the connection string (`sslmode=verify-full` for Azure Database for PostgreSQL).
 */
export function createPostgresPool(
  connectionString: string,
  settings: PostgresPoolSettings,
  onIdleError: (error: Error) => void,
): Pool {
  const pool = new pg.Pool({
    connectionString,
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    // Client-side backstop for a server that stopped answering altogether.
    query_timeout: settings.statementTimeoutMs + 5_000,
    application_name: settings.applicationName,
    keepAlive: true,
  });
  // An idle connection that breaks (failover, restart) emits here; without a listener the
  // process would crash. The pool drops the connection and the next query opens a new one.
  pool.on('error', onIdleError);
  return pool;
}

/** Host, port and database of a connection string, for messages (never the password). */
export function describeConnection(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `PostgreSQL ${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
  } catch {
    return 'PostgreSQL (connection string not a URL)';
  }
}
