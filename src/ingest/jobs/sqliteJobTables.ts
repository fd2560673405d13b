/**
 * The SQLite queue's own connection and tables. The queue lives in the store's database file but owns its
 * tables, as pg-boss owns its schema on PostgreSQL: it creates and migrates them itself, versioned in
 * `jobs_version`, so the store's migrations never need to know about jobs.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ConfigError } from '../../domain/index.ts';

/** How long a writer waits for another process's lock (the web process enqueuing, say) before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Each entry moves the tables one version on; append, never edit. Times are UTC ISO-8601 text, which sorts
 * and compares in time order because toISOString() always writes the same width.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS jobs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    type         TEXT    NOT NULL,
    key          TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'running', 'done', 'parked')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_at       TEXT    NOT NULL,
    lease_until  TEXT,
    locked_by    TEXT,
    last_error   TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
  );
  -- At most one pending job per type and key: enqueue's deduplication. Done and parked jobs do not count,
  -- so a feed can be polled again and again.
  CREATE UNIQUE INDEX IF NOT EXISTS jobs_pending_key ON jobs (type, key) WHERE state = 'pending';
  -- Claim: the pending job due first.
  CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, run_at);
  -- Claim: running jobs whose lease lapsed; dead-worker recovery.
  CREATE INDEX IF NOT EXISTS jobs_leases ON jobs (lease_until) WHERE state = 'running';
  -- newsdesk jobs, and pruning old done jobs.
  CREATE INDEX IF NOT EXISTS jobs_recent ON jobs (state, updated_at);
  `,
];

export function openJobDatabase(file: string): BetterSqlite3.Database {
  if (!isInMemory(file)) mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // The store's settings, so both connections agree: WAL lets the web process read while a worker writes;
    // NORMAL sync survives process crashes (the crash test's kill -9) and loses at most the last commits on
    // power loss.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    migrateJobTables(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Brings the tables to the latest version. BEGIN IMMEDIATE takes the write lock before reading the version,
 * so a web process and a worker starting together do not both apply the same step.
 */
function migrateJobTables(db: BetterSqlite3.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS jobs_version (version INTEGER NOT NULL)');
  const migrate = db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS version FROM jobs_version').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new ConfigError(
        `the jobs tables are at version ${current}, newer than this release knows (${MIGRATIONS.length}): upgrade newsdesk`,
      );
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version - 1]!);
    }
    if (current < MIGRATIONS.length) {
      db.prepare('DELETE FROM jobs_version').run();
      db.prepare('INSERT INTO jobs_version (version) VALUES (?)').run(MIGRATIONS.length);
    }
  });
  migrate.immediate();
}

function isInMemory(file: string): boolean {
  return file === ':memory:' || file.startsWith('file:');
}
