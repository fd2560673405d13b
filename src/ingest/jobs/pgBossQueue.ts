/**
 * The durable job queue on PostgreSQL, for many worker processes: pg-boss 10 rather than a queue of our own.
 * pg-boss owns its schema (`${pgSchema}_jobs`), one queue per job type with the 'short' policy (at most one
 * never-started job per key: enqueue's deduplication), send with singletonKey, fetch, complete and fail, and
 * its maintenance: a job whose worker stopped renewing its lease (`expire_in`) is failed into a retry, and old
 * jobs are archived.
 *
 * Where pg-boss has no call for our contract, pgBossSql.ts updates its job table directly and says why:
 * heartbeat, release, our backoff and Retry-After (fail() computes its own start_after; we replace it in the
 * same transaction), permanent failures (the retry limit is lowered so that fail() parks at once), and a
 * fresh set of attempts for a retried parked job. The payload travels in an envelope with maxAttempts.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from 'pino';
import { ConfigError, ValidationError } from '../../domain/index.ts';
import { inTransaction, openPgPool, redactPassword } from './pgConnection.ts';
import { PG_BOSS_STATES, pgBossSql } from './pgBossSql.ts';
import {
  DEFAULT_BACKOFF,
  DEFAULT_LEASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  LAPSED_LAST_ATTEMPT_NOTE,
  LAPSED_LEASE_NOTE,
  checkMaxAttempts,
  retryDelayMs,
  storedError,
} from './retryPolicy.ts';
import { checkPayloadField, JOB_STATES, type Job, type JobQueue, type JobState, type JobSummary, type RetryBackoff } from './types.ts';

/** pg-boss accepts schema names of word characters only, at most 50 long. */
const PG_BOSS_SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,49}$/;
const DEFAULT_PG_BOSS_SCHEMA = 'pgboss';
/** How often some worker runs pg-boss's maintenance (one per interval across all of them): lapsed leases, archive. */
const MAINTENANCE_INTERVAL_S = 60;
/** A job may wait this long to start before pg-boss archives it unrun; retries push it out (see retryAfter). */
const WAITING_JOB_RETENTION_DAYS = 30;
const WAITING_JOB_RETENTION_MS = WAITING_JOB_RETENTION_DAYS * 24 * 60 * 60 * 1000;
/** Done jobs stay in the job table (listed by `newsdesk jobs`) this long, then move to pg-boss's archive. */
const DONE_ARCHIVE_AFTER_S = 24 * 60 * 60;
/** Parked jobs wait for a person; a month later they are archived (and deleted a week after that). */
const PARKED_ARCHIVE_AFTER_S = 30 * 24 * 60 * 60;
const DEFAULT_LIST_LIMIT = 100;
/**
 * An idle worker looks for lapsed leases at most this often (or once per lease, if shorter): the look scans
 * the active jobs of its types, which pg-boss does not index.
 */
const LAPSED_LEASE_SWEEP_MS = 5000;
/**
 * pg-boss fetches by priority, then by creation time; our contract is "the job due first". A job's priority
 * is its run time, negated in seconds since 2020 (earlier → higher), which fits pg-boss's int priority for
 * decades. A retry keeps its first run time, so once due it goes before jobs enqueued after it.
 */
const PRIORITY_EPOCH_MS = Date.UTC(2020, 0, 1);
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PgBossJobQueueOptions {
  databaseUrl: string;
  pgSchema?: string;
  logger?: Logger;
  retryBackoff?: RetryBackoff;
}

/** What pg-boss stores as a job's data. */
interface Envelope {
  payload: unknown;
  maxAttempts: number;
}

interface SummaryRow {
  id: string;
  type: string;
  key: string;
  state: JobState;
  attempts: number;
  run_at: Date;
  last_error: string | null;
  updated_at: Date;
}

export async function openPgBossJobQueue(options: PgBossJobQueueOptions): Promise<JobQueue> {
  const schema = options.pgSchema === undefined ? DEFAULT_PG_BOSS_SCHEMA : `${options.pgSchema}_jobs`;
  if (!PG_BOSS_SCHEMA_PATTERN.test(schema)) {
    throw new ConfigError(`job queue schema "${schema}" must be at most 50 lower-case letters, digits and _`);
  }
  const log = options.logger;
  const backoff = options.retryBackoff ?? DEFAULT_BACKOFF;
  const pool = openPgPool(options.databaseUrl);
  pool.on('error', (error) => log?.warn({ err: error }, 'idle job queue connection failed'));
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema,
    // No cron: Newsdesk schedules its own polls. Maintenance stays on; close() stops its timer.
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_S,
    retentionDays: WAITING_JOB_RETENTION_DAYS,
    archiveCompletedAfterSeconds: DONE_ARCHIVE_AFTER_S,
    archiveFailedAfterSeconds: PARKED_ARCHIVE_AFTER_S,
  });
  boss.on('error', (error) => log?.warn({ err: error }, 'job queue maintenance failed'));
  try {
    await boss.start();
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new ConfigError(`Cannot use the job queue at ${redactPassword(options.databaseUrl)}: ${reason}`, {
      cause: error,
    });
  }

  const sql = pgBossSql(schema);
  const queues = new Set<string>();
  let rotation = 0;
  let lastSweepMs = 0;
  let closed = false;

  async function ensureQueue(type: string): Promise<void> {
    if (queues.has(type)) return;
    await boss.createQueue(type, { name: type, policy: 'short' });
    queues.add(type);
  }

  /** pg-boss calls made through `client` join our transaction. */
  const within = (client: pg.PoolClient) => ({
    db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
  });

  /**
   * pg-boss's fetch and the start of our lease in one transaction: a worker killed between the two would
   * otherwise leave the job active under the send-time expiry instead of its own lease.
   */
  async function fetchNext(types: readonly string[], leaseMs: number): Promise<Job | null> {
    // Start at a different type each time, so one busy type cannot starve the others.
    const first = rotation++;
    for (let i = 0; i < types.length; i++) {
      const type = types[(first + i) % types.length]!;
      const job = await inTransaction(pool, async (client) => {
        const [fetched] = await boss.fetch<Envelope>(type, { includeMetadata: true, ...within(client) });
        if (!fetched) return null;
        await client.query(sql.startLease, [type, fetched.id, leaseMs]);
        return {
          id: fetched.id,
          type,
          key: fetched.singletonKey ?? '',
          payload: fetched.data?.payload ?? null,
          attempt: fetched.retryCount + 1,
        };
      });
      if (job) return job;
    }
    return null;
  }

  return {
    async enqueue(spec) {
      const maxAttempts = checkMaxAttempts(spec.maxAttempts);
      if (typeof spec.type !== 'string' || spec.type === '') throw new ValidationError('a job needs a type');
      if (typeof spec.key !== 'string' || spec.key === '') throw new ValidationError('a job needs a key');
      const runAtMs = spec.runAt === undefined ? Date.now() : spec.runAt.getTime();
      if (!Number.isFinite(runAtMs)) throw new ValidationError('a job run time must be a valid date');
      await ensureQueue(spec.type);
      if ((await pool.query(sql.retryWaiting, [spec.type, spec.key])).rowCount) return false;
      const envelope: Envelope = { payload: spec.payload ?? null, maxAttempts };
      const id = await boss.send(spec.type, envelope, {
        singletonKey: spec.key,
        retryLimit: maxAttempts - 1,
        // pg-boss's own backoff applies only to the retries it makes itself, after a lapsed lease.
        retryDelay: Math.max(1, Math.ceil(backoff.baseMs / 1000)),
        retryBackoff: true,
        expireInSeconds: Math.ceil(DEFAULT_LEASE_MS / 1000),
        priority: runAtPriority(runAtMs),
        ...(spec.runAt === undefined ? {} : { startAfter: new Date(runAtMs) }),
      });
      return id !== null;
    },

    async claim(types, claimOptions) {
      const leaseMs = claimOptions?.leaseMs ?? DEFAULT_LEASE_MS;
      const claimed = await fetchNext(types, leaseMs);
      if (claimed || Date.now() - lastSweepMs < Math.min(LAPSED_LEASE_SWEEP_MS, leaseMs)) return claimed;
      lastSweepMs = Date.now();
      const recovered = await pool.query(sql.recoverLapsed, [types, LAPSED_LEASE_NOTE, LAPSED_LAST_ATTEMPT_NOTE]);
      if (!recovered.rowCount) return null;
      log?.warn({ recovered: recovered.rowCount }, 'jobs with lapsed leases recovered');
      return fetchNext(types, leaseMs);
    },

    async complete(job) {
      await boss.complete(job.type, job.id);
    },

    async fail(job, failure) {
      const message = storedError(failure.message);
      return inTransaction(pool, async (client) => {
        const held = await client.query(sql.lockHeld, [job.type, job.id, job.attempt - 1]);
        if (held.rowCount === 0) {
          log?.warn({ job: job.id, type: job.type, attempt: job.attempt }, 'job lease lost before failing it');
          return 'retry' as const; // another run owns it now, and will finish or fail it
        }
        if (failure.permanent) await client.query(sql.noRetriesLeft, [job.type, job.id]);
        await boss.fail(job.type, job.id, { message, failedAt: new Date().toISOString() }, within(client));
        const delayMs = retryDelayMs(job.attempt, failure, backoff);
        const retried = await client.query(sql.retryAfter, [job.type, job.id, delayMs, WAITING_JOB_RETENTION_MS]);
        return retried.rowCount ? ('retry' as const) : ('parked' as const);
      });
    },

    async release(job) {
      const released = await pool.query(sql.release, [job.type, job.id, job.attempt - 1]);
      if (!released.rowCount) log?.warn({ job: job.id, type: job.type }, 'job lease lost before releasing it');
    },

    async extendLease(job, leaseMs) {
      return ((await pool.query(sql.extendLease, [job.type, job.id, job.attempt - 1, leaseMs])).rowCount ?? 0) > 0;
    },

    async dueTypes() {
      return (await pool.query<{ name: string }>(sql.dueTypes)).rows.map((row) => row.name);
    },

    async list(filter = {}) {
      const states = filter.state === undefined ? JOB_STATES.flatMap((state) => PG_BOSS_STATES[state]) : PG_BOSS_STATES[filter.state];
      const statement = filter.state === 'pending' ? sql.listPending : sql.listRecent;
      const { rows } = await pool.query<SummaryRow>(statement, [states, filter.type ?? null, filter.limit ?? DEFAULT_LIST_LIMIT]);
      return rows.map(toSummary);
    },

    async counts() {
      const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
      const { rows } = await pool.query<{ state: JobState; jobs: number }>(sql.counts);
      for (const row of rows) counts[row.state] = row.jobs;
      return counts;
    },

    async retryParked(id) {
      if (id !== undefined && !UUID_PATTERN.test(id)) return 0;
      const retried = await pool.query(sql.retryParked, [id ?? null, DEFAULT_MAX_ATTEMPTS, WAITING_JOB_RETENTION_MS]);
      return retried.rowCount ?? 0;
    },

    async cancelWhere(type, field, equals) {
      const cancelled = await pool.query(sql.cancelWhere, [type, checkPayloadField(field), String(equals)]);
      return cancelled.rowCount ?? 0;
    },

    async close() {
      if (closed) return;
      closed = true;
      await boss.stop({ graceful: false, close: false });
      await pool.end();
    },
  } satisfies JobQueue;
}

function runAtPriority(runAtMs: number): number {
  const seconds = Math.floor((runAtMs - PRIORITY_EPOCH_MS) / 1000);
  return -Math.max(-(2 ** 31 - 1), Math.min(2 ** 31 - 1, seconds));
}

function toSummary(row: SummaryRow): JobSummary {
  return {
    id: row.id,
    type: row.type,
    key: row.key,
    state: row.state,
    attempts: row.attempts,
    runAt: row.run_at.toISOString(),
    lastError: row.last_error,
    updatedAt: row.updated_at.toISOString(),
  };
}
