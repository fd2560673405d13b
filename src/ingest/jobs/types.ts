import type { Logger } from 'pino';
import { ValidationError } from '../../domain/index.ts';

/**
 * A job's life: `pending` (waiting for its run time, or for a retry) → `running` (leased by one worker) →
 * `done`, or back to `pending` after a failure, or `parked` when it kept failing and waits for a person.
 */
export type JobState = 'pending' | 'running' | 'done' | 'parked';

export const JOB_STATES: readonly JobState[] = ['pending', 'running', 'done', 'parked'];

export interface JobSpec<P = unknown> {
  /** What to do: 'poll-feed', 'fetch-article', … — the worker picks the handler by it. */
  type: string;
  /** Idempotence key: while a job of the same type and key is pending, enqueue adds nothing. */
  key: string;
  /** JSON-serialisable input for the handler. */
  payload: P;
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** Attempts before the job is parked (default DEFAULT_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

/** A job claimed by one worker. `attempt` is 1-based and counts this run. */
export interface Job<P = unknown> {
  id: string;
  type: string;
  key: string;
  payload: P;
  attempt: number;
}

/** One line of `newsdesk jobs`. Times are UTC ISO-8601. */
export interface JobSummary {
  id: string;
  type: string;
  key: string;
  state: JobState;
  attempts: number;
  runAt: string;
  lastError: string | null;
  updatedAt: string;
}

/** Why a run failed, as the queue needs it to decide when (and whether) to try again. */
export interface JobFailure {
  message: string;
  /** The server asked us to wait this long (HTTP Retry-After); wins over the backoff when longer. */
  retryAfterMs?: number | null;
  /** Trying again cannot help (a refused URL, a malformed payload): park at once. */
  permanent?: boolean;
}

export interface JobQueue {
  /** Adds a job; false when a pending job of the same type and key already exists (nothing added). */
  enqueue<P>(spec: JobSpec<P>): Promise<boolean>;
  /** Leases the due job of one of `types` that has waited longest, or null when none is due. */
  claim(types: readonly string[], options?: { leaseMs?: number }): Promise<Job | null>;
  complete(job: Job): Promise<void>;
  /** Schedules a retry with exponential backoff, or parks the job (permanent failure, attempts used up). */
  fail(job: Job, failure: JobFailure): Promise<'retry' | 'parked'>;
  /** Back to pending now, this attempt not counted: for a worker that stops before the job is done. */
  release(job: Job): Promise<void>;
  /**
   * Keeps the lease of a job still being worked on (the worker's heartbeat). False when the lease was lost:
   * it lapsed and the job was claimed again or recovered, so another run owns it now.
   */
  extendLease(job: Job, leaseMs: number): Promise<boolean>;
  /** Types of the jobs due now: lets a worker find jobs it has no handler for, and park them. */
  dueTypes(): Promise<string[]>;
  list(filter?: { state?: JobState; type?: string; limit?: number }): Promise<JobSummary[]>;
  counts(): Promise<Record<JobState, number>>;
  /** Parked → pending with a fresh set of attempts (all parked jobs, or the one with this id); returns how many. */
  retryParked(id?: string): Promise<number>;
  /**
   * Deletes the jobs of `type` not running now (pending or parked) whose payload has `field` equal to `equals`,
   * e.g. a removed feed's polls and fetches; returns how many. A running job finishes its run.
   */
  cancelWhere(type: string, field: string, equals: number): Promise<number>;
  close(): Promise<void>;
}

/** The backoff between attempts: baseMs·2^(attempt−1), at most maxMs, less a random share (see retryDelay.ts). */
export interface RetryBackoff {
  baseMs: number;
  maxMs: number;
}

export interface JobQueueOptions {
  /** postgres://… selects pg-boss on PostgreSQL; null selects the jobs table in SQLite at `sqliteFile`. */
  databaseUrl: string | null;
  /** The store's SQLite file (the queue keeps its own tables in it); ':memory:' for a throwaway queue. */
  sqliteFile: string;
  /** PostgreSQL only: pg-boss keeps its tables in `${pgSchema}_jobs` (default schema: 'pgboss'). */
  pgSchema?: string;
  logger?: Logger;
  /** Override the retry backoff (tests use milliseconds instead of the production 30 s … 6 h). */
  retryBackoff?: RetryBackoff;
}

/** Throw to fail the job. A FetchError's `permanent` and `details.retryAfterMs` are honoured (see jobFailure.ts). */
export type JobHandler = (job: Job, signal: AbortSignal) => Promise<void>;

export interface WorkerOptions {
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  /** Jobs run at once (default 1). */
  concurrency?: number;
  /** Lease per claim, renewed by a heartbeat while the handler runs (default DEFAULT_LEASE_MS). */
  leaseMs?: number;
  /** Wait between claims when nothing is due (default 1 s). */
  pollIntervalMs?: number;
  /** After `signal` aborts, how long jobs in hand may take to finish before they are released (default 10 s). */
  graceMs?: number;
  logger?: Logger;
  /** Abort to stop: no new claims; jobs in hand finish within graceMs or are released. */
  signal: AbortSignal;
  /** Called whenever nothing is due and no job is in hand (e.g. to stop a run-until-empty `ingest`). */
  onIdle?: () => void;
  /** Called once a run's outcome is recorded: done, to be retried, or parked (not for released jobs). */
  onSettled?: (job: Job, outcome: JobOutcome) => void;
}

/** How one run of a job ended, as recorded in the queue. */
export type JobOutcome = { state: 'done' } | { state: 'retry' | 'parked'; error: string };

/** A payload field named in a JSON path: a plain identifier, so no path syntax rides in with it. */
export function checkPayloadField(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new ValidationError(`"${field}" is not a payload field name`);
  return field;
}
