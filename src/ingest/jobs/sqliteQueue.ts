/**
 * The durable job queue on SQLite: one `jobs` table with leases, for one machine (a worker process, and maybe
 * a web process enqueuing, sharing the store's database file).
 *
 * A claim marks the job running and leased by this process ("host:pid:random") until a deadline the worker's
 * heartbeat keeps pushing out. A job whose lease lapsed is claimed again as a new attempt; a job whose holder
 * on this host has died (kill -9, a crash) goes back to pending as soon as any process here looks, without
 * waiting for the lease. Every state change is one short write transaction, so a crash between two of them
 * loses nothing: the job is simply still pending, or still running until recovered.
 */
import type { Logger } from 'pino';
import { ValidationError } from '../../domain/index.ts';
import { isDeadLocalOwner, newLockOwner, parseLockOwner } from './lockOwner.ts';
import {
  DEFAULT_BACKOFF,
  DEFAULT_LEASE_MS,
  LAPSED_LAST_ATTEMPT_NOTE,
  LAPSED_LEASE_NOTE,
  checkMaxAttempts,
  retryDelayMs,
  storedError,
} from './retryPolicy.ts';
import { openJobDatabase } from './sqliteJobTables.ts';
import { prepareJobStatements, type ClaimedRow, type HeldRow, type SummaryRow } from './sqliteStatements.ts';
import { checkPayloadField, JOB_STATES, type Job, type JobQueue, type JobState, type RetryBackoff } from './types.ts';

/** Done jobs stay listed this long for `newsdesk jobs`, and at most this many, so the table stays small. */
const DONE_JOBS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
const DONE_JOBS_KEPT = 10_000;
/** Pruning is a scan of done jobs: a few times an hour is plenty. */
const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
const DEFAULT_LIST_LIMIT = 100;

export interface SqliteJobQueueOptions {
  sqliteFile: string;
  logger?: Logger;
  retryBackoff?: RetryBackoff;
}

/** How a job goes back to pending: with which attempt count, due when, and with what note. */
interface PendingChange {
  attempts: number;
  runAt: string;
  error: string | null;
  /** A retry keeps the later of its backoff and its twin's time; a release or recovery the sooner one. */
  later: boolean;
}

export function openSqliteJobQueue(options: SqliteJobQueueOptions): JobQueue {
  const db = openJobDatabase(options.sqliteFile);
  const sql = prepareJobStatements(db);
  const owner = newLockOwner();
  const backoff = options.retryBackoff ?? DEFAULT_BACKOFF;
  const log = options.logger;
  let lastPruneMs = 0;
  let closed = false;

  /**
   * The pending-key index allows one pending job per type and key. A job coming back to pending may find a
   * twin enqueued while it ran (the poller scheduling the next poll of the same feed, say): the twin will do
   * the same work, so this job merges into it, handing on its attempt count, its error and — for a retry —
   * its backoff, and is removed. A feed that keeps failing is thus still parked after maxAttempts.
   */
  function returnToPending(row: HeldRow, change: PendingChange, now: string): void {
    const twin = sql.pendingTwin.get({ type: row.type, key: row.key, id: row.id }) as { id: number } | undefined;
    if (!twin) {
      sql.toPending.run({ id: row.id, attempts: change.attempts, runAt: change.runAt, error: change.error, now });
      return;
    }
    sql.foldIntoTwin.run({
      twin: twin.id,
      attempts: change.attempts,
      runAt: change.runAt,
      error: change.error,
      later: change.later ? 1 : 0,
      now,
    });
    sql.remove.run(row.id);
  }

  /** Jobs held by processes of this host that no longer exist go back to pending (or are parked) at once. */
  function recoverDeadOwners(): void {
    const owners = (sql.runningOwners.all() as { owner: string }[]).map((row) => row.owner);
    const dead = owners.filter((holder) => holder !== owner && isDeadLocalOwner(holder));
    if (dead.length === 0) return;
    let recovered = 0;
    db.transaction(() => {
      const now = iso(Date.now());
      for (const holder of dead) {
        const pid = parseLockOwner(holder)?.pid;
        for (const row of sql.heldBy.all(holder) as HeldRow[]) {
          const note = `the worker running it (pid ${pid}) died during attempt ${row.attempts}`;
          if (row.attempts >= row.max_attempts) {
            sql.park.run({ id: row.id, error: `${note}: no attempts left`, now });
          } else {
            returnToPending(row, { attempts: row.attempts, runAt: row.run_at, error: note, later: false }, now);
          }
          recovered += 1;
        }
      }
    }).immediate();
    if (recovered > 0) log?.warn({ recovered, workers: dead }, 'jobs of dead workers recovered');
  }

  function pruneDoneJobs(nowMs: number): void {
    if (nowMs - lastPruneMs < PRUNE_INTERVAL_MS) return;
    lastPruneMs = nowMs;
    sql.pruneDoneBefore.run(iso(nowMs - DONE_JOBS_KEPT_MS));
    sql.pruneDoneBeyond.run(DONE_JOBS_KEPT);
  }

  /** The row as this claim left it, or undefined (with a note in the log) when the lease was lost. */
  function heldRow(job: Job, action: string): HeldRow | undefined {
    const row = sql.held.get({ id: rowId(job.id), owner, attempt: job.attempt }) as HeldRow | undefined;
    if (!row) log?.warn({ job: job.id, type: job.type, attempt: job.attempt }, `job lease lost before ${action}`);
    return row;
  }

  const claimNext = db.transaction((now: string, leaseUntil: string, types: string): ClaimedRow | undefined => {
    sql.parkLapsedLastAttempts.run({ now, error: LAPSED_LAST_ATTEMPT_NOTE });
    const params = { now, leaseUntil, owner, types };
    return (sql.claimLapsed.get({ ...params, error: LAPSED_LEASE_NOTE }) ?? sql.claimDue.get(params)) as
      | ClaimedRow
      | undefined;
  });

  const failHeld = db.transaction((job: Job, message: string, permanent: boolean, retryAfterMs: number | null) => {
    const row = heldRow(job, 'failing it');
    if (!row) return 'retry' as const; // another run owns it now, and will finish or fail it
    const nowMs = Date.now();
    const now = iso(nowMs);
    if (permanent || row.attempts >= row.max_attempts) {
      sql.park.run({ id: row.id, error: message, now });
      return 'parked' as const;
    }
    const runAt = iso(nowMs + retryDelayMs(row.attempts, { retryAfterMs }, backoff));
    returnToPending(row, { attempts: row.attempts, runAt, error: message, later: true }, now);
    return 'retry' as const;
  });

  const releaseHeld = db.transaction((job: Job) => {
    const row = heldRow(job, 'releasing it');
    if (!row) return;
    returnToPending(row, { attempts: row.attempts - 1, runAt: row.run_at, error: null, later: false }, iso(Date.now()));
  });

  const retryParked = db.transaction((id: number | null): number => {
    const now = iso(Date.now());
    const rows = sql.parked.all({ id }) as HeldRow[];
    for (const row of rows) returnToPending(row, { attempts: 0, runAt: now, error: null, later: false }, now);
    return rows.length;
  });

  recoverDeadOwners();
  pruneDoneJobs(Date.now());

  return {
    async enqueue(spec) {
      const maxAttempts = checkMaxAttempts(spec.maxAttempts);
      const nowMs = Date.now();
      const result = sql.insert.run({
        type: checkName('type', spec.type),
        key: checkName('key', spec.key),
        payload: JSON.stringify(spec.payload ?? null),
        maxAttempts,
        runAt: iso(spec.runAt === undefined ? nowMs : checkDate(spec.runAt)),
        now: iso(nowMs),
      });
      return result.changes > 0;
    },

    async claim(types, claimOptions) {
      if (types.length === 0) return null;
      recoverDeadOwners();
      const nowMs = Date.now();
      const leaseMs = claimOptions?.leaseMs ?? DEFAULT_LEASE_MS;
      const row = claimNext.immediate(iso(nowMs), iso(nowMs + leaseMs), JSON.stringify(types));
      if (!row) return null;
      return { id: String(row.id), type: row.type, key: row.key, payload: JSON.parse(row.payload), attempt: row.attempts };
    },

    async complete(job) {
      sql.complete.run({ id: rowId(job.id), now: iso(Date.now()) });
      pruneDoneJobs(Date.now());
    },

    async fail(job, failure) {
      return failHeld.immediate(job, storedError(failure.message), failure.permanent === true, failure.retryAfterMs ?? null);
    },

    async release(job) {
      releaseHeld.immediate(job);
    },

    async extendLease(job, leaseMs) {
      const leaseUntil = iso(Date.now() + leaseMs);
      return sql.extendLease.run({ id: rowId(job.id), owner, attempt: job.attempt, leaseUntil }).changes > 0;
    },

    async dueTypes() {
      return (sql.dueTypes.all(iso(Date.now())) as { type: string }[]).map((row) => row.type);
    },

    async list(filter = {}) {
      const params = { type: filter.type ?? null, limit: filter.limit ?? DEFAULT_LIST_LIMIT };
      const rows = (
        filter.state === 'pending'
          ? sql.listPending.all(params)
          : sql.listRecent.all({ ...params, state: filter.state ?? null })
      ) as SummaryRow[];
      return rows.map((row) => ({
        id: String(row.id),
        type: row.type,
        key: row.key,
        state: row.state as JobState,
        attempts: row.attempts,
        runAt: row.run_at,
        lastError: row.last_error,
        updatedAt: row.updated_at,
      }));
    },

    async counts() {
      const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
      for (const row of sql.counts.all() as { state: JobState; jobs: number }[]) counts[row.state] = row.jobs;
      return counts;
    },

    async retryParked(id) {
      if (id === undefined) return retryParked.immediate(null);
      const parsed = Number(id);
      return Number.isSafeInteger(parsed) ? retryParked.immediate(parsed) : 0;
    },

    async cancelWhere(type, field, equals) {
      return sql.cancelWhere.run({ type, field: checkPayloadField(field), equals }).changes;
    },

    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function rowId(id: string): number {
  const parsed = Number(id);
  if (!Number.isSafeInteger(parsed)) throw new ValidationError(`"${id}" is not a job id of this queue`);
  return parsed;
}

function checkName(field: 'type' | 'key', value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ValidationError(`a job needs a ${field}`);
  return value;
}

function checkDate(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new ValidationError('a job run time must be a valid date');
  return ms;
}
