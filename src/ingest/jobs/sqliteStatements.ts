/**
 * Every statement the SQLite queue runs, compiled once per connection. Parameters are named (@now, @owner …);
 * lists of types travel as one JSON array read with json_each, so one compiled statement serves any list.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** The columns a claim hands to the worker. */
export interface ClaimedRow {
  id: number;
  type: string;
  key: string;
  payload: string;
  attempts: number;
}

/** What a state change needs to know about the job it moves. */
export interface HeldRow {
  id: number;
  type: string;
  key: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
}

export interface SummaryRow {
  id: number;
  type: string;
  key: string;
  state: string;
  attempts: number;
  run_at: string;
  last_error: string | null;
  updated_at: string;
}

const SUMMARY_COLUMNS = 'id, type, key, state, attempts, run_at, last_error, updated_at';
const HELD_COLUMNS = 'id, type, key, attempts, max_attempts, run_at';
const CLAIMED_COLUMNS = 'id, type, key, payload, attempts';
const IN_TYPES = 'type IN (SELECT value FROM json_each(@types))';
const LET_GO = 'lease_until = NULL, locked_by = NULL';

export function prepareJobStatements(db: BetterSqlite3.Database) {
  const prepare = (sqlText: string) => db.prepare(sqlText);
  return {
    insert: prepare(`
      INSERT INTO jobs (type, key, payload, state, attempts, max_attempts, run_at, created_at, updated_at)
      VALUES (@type, @key, @payload, 'pending', 0, @maxAttempts, @runAt, @now, @now)
      ON CONFLICT DO NOTHING`),

    /** Jobs whose lease lapsed on their last allowed attempt: a hung or crashing job, parked, not rerun. */
    parkLapsedLastAttempts: prepare(`
      UPDATE jobs SET state = 'parked', last_error = @error, ${LET_GO}, updated_at = @now
      WHERE state = 'running' AND lease_until < @now AND attempts >= max_attempts`),
    claimLapsed: prepare(`
      UPDATE jobs SET attempts = attempts + 1, lease_until = @leaseUntil, locked_by = @owner, last_error = @error,
                      updated_at = @now
      WHERE id = (SELECT id FROM jobs WHERE state = 'running' AND lease_until < @now AND ${IN_TYPES}
                  ORDER BY lease_until LIMIT 1)
        AND state = 'running'
      RETURNING ${CLAIMED_COLUMNS}`),
    claimDue: prepare(`
      UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = @leaseUntil, locked_by = @owner,
                      updated_at = @now
      WHERE id = (SELECT id FROM jobs WHERE state = 'pending' AND run_at <= @now AND ${IN_TYPES}
                  ORDER BY run_at, id LIMIT 1)
        AND state = 'pending'
      RETURNING ${CLAIMED_COLUMNS}`),

    /** The job as this claim left it: gone or changed means the lease was lost to another run. */
    held: prepare(`
      SELECT ${HELD_COLUMNS} FROM jobs
      WHERE id = @id AND state = 'running' AND locked_by = @owner AND attempts = @attempt`),
    extendLease: prepare(`
      UPDATE jobs SET lease_until = @leaseUntil
      WHERE id = @id AND state = 'running' AND locked_by = @owner AND attempts = @attempt`),
    complete: prepare(`
      UPDATE jobs SET state = 'done', ${LET_GO}, updated_at = @now WHERE id = @id AND state = 'running'`),
    park: prepare(`
      UPDATE jobs SET state = 'parked', last_error = @error, ${LET_GO}, updated_at = @now WHERE id = @id`),
    toPending: prepare(`
      UPDATE jobs SET state = 'pending', attempts = @attempts, run_at = @runAt,
                      last_error = coalesce(@error, last_error), ${LET_GO}, updated_at = @now
      WHERE id = @id`),
    pendingTwin: prepare(`
      SELECT id FROM jobs WHERE type = @type AND key = @key AND state = 'pending' AND id <> @id`),
    /** A job going back to pending merges into the pending twin that holds its key (see returnToPending). */
    foldIntoTwin: prepare(`
      UPDATE jobs SET attempts = max(attempts, @attempts),
                      run_at = CASE WHEN @later THEN max(run_at, @runAt) ELSE min(run_at, @runAt) END,
                      last_error = coalesce(@error, last_error), updated_at = @now
      WHERE id = @twin`),
    remove: prepare('DELETE FROM jobs WHERE id = ?'),

    runningOwners: prepare(`SELECT DISTINCT locked_by AS owner FROM jobs WHERE state = 'running' AND locked_by IS NOT NULL`),
    heldBy: prepare(`SELECT ${HELD_COLUMNS} FROM jobs WHERE state = 'running' AND locked_by = ?`),
    parked: prepare(`SELECT ${HELD_COLUMNS} FROM jobs WHERE state = 'parked' AND (@id IS NULL OR id = @id)`),

    dueTypes: prepare(`SELECT DISTINCT type FROM jobs WHERE state = 'pending' AND run_at <= ?`),
    /** Pending jobs in the order they will run; the others newest first. */
    listPending: prepare(`
      SELECT ${SUMMARY_COLUMNS} FROM jobs WHERE state = 'pending' AND (@type IS NULL OR type = @type)
      ORDER BY run_at, id LIMIT @limit`),
    listRecent: prepare(`
      SELECT ${SUMMARY_COLUMNS} FROM jobs WHERE (@state IS NULL OR state = @state) AND (@type IS NULL OR type = @type)
      ORDER BY updated_at DESC, id DESC LIMIT @limit`),
    counts: prepare('SELECT state, count(*) AS jobs FROM jobs GROUP BY state'),
    cancelWhere: prepare(`
      DELETE FROM jobs WHERE type = @type AND state IN ('pending', 'parked')
        AND json_extract(payload, '$.' || @field) = @equals`),

    pruneDoneBefore: prepare(`DELETE FROM jobs WHERE state = 'done' AND updated_at < ?`),
    pruneDoneBeyond: prepare(`
      DELETE FROM jobs WHERE state = 'done'
        AND id IN (SELECT id FROM jobs WHERE state = 'done' ORDER BY updated_at DESC LIMIT -1 OFFSET ?)`),
  };
}

export type JobStatements = ReturnType<typeof prepareJobStatements>;
