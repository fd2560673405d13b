/**
 * How both queues treat a job that fails or goes quiet: how often it is tried, how long it waits between
 * tries, and how long a worker may hold it without a sign of life. One policy, so SQLite and PostgreSQL
 * deployments behave alike.
 */
import { ValidationError } from '../../domain/index.ts';
import type { JobFailure, RetryBackoff } from './types.ts';

/** Five tries span about 7 minutes with the default backoff: past a restart or a short outage, not a long one. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * How long a claim holds a job before another worker may take it over. The worker renews it every third of
 * this while the handler runs, so only a hung or vanished worker loses it; a minute bounds how long a job
 * waits after its worker died on another host (on this host a dead worker's jobs are recovered at once).
 */
export const DEFAULT_LEASE_MS = 60_000;

export const DEFAULT_BACKOFF: RetryBackoff = {
  /** The first retry waits about this long: enough for a restarting server or a dropped connection. */
  baseMs: 30_000,
  /** No wait grows past this: a feed that is down for days is still tried a few times a day. */
  maxMs: 6 * 60 * 60 * 1000,
};

/**
 * Retries are spread over the last quarter below their nominal delay, so the jobs of one outage (every
 * article of a site that went down) do not all come back in the same second.
 */
const RETRY_JITTER = 0.25;

/** A server's Retry-After is honoured up to a day; beyond that a broken or hostile header would shelve a job. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** What `newsdesk jobs` says of a job whose worker stopped renewing its lease (it hung, or died elsewhere). */
export const LAPSED_LEASE_NOTE = 'its lease ran out (the worker hung or stopped): running it again';
export const LAPSED_LAST_ATTEMPT_NOTE = 'its lease ran out during the last attempt (the worker hung or stopped)';

/** Stored errors are for a person reading `newsdesk jobs`: the start of a long message is what they need. */
export const MAX_ERROR_CHARS = 2000;

/**
 * The wait before the retry that follows failed attempt `attempt` (1-based): baseMs·2^(attempt−1), capped at
 * maxMs, less up to a quarter at random; a longer Retry-After from the server wins.
 */
export function retryDelayMs(
  attempt: number,
  failure: Pick<JobFailure, 'retryAfterMs'>,
  backoff: RetryBackoff = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  const nominal = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(exponent, 52));
  const jittered = Math.round(nominal * (1 - RETRY_JITTER * random()));
  const retryAfter = Math.min(Math.max(0, failure.retryAfterMs ?? 0), MAX_RETRY_AFTER_MS);
  return Math.max(jittered, retryAfter);
}

/** The shortest wait retryDelayMs can give for this attempt (for callers and tests that reason about bounds). */
export function minRetryDelayMs(attempt: number, backoff: RetryBackoff = DEFAULT_BACKOFF): number {
  return retryDelayMs(attempt, {}, backoff, () => 1);
}

export function storedError(message: string): string {
  return message.length <= MAX_ERROR_CHARS ? message : `${message.slice(0, MAX_ERROR_CHARS - 1)}…`;
}

export function checkMaxAttempts(maxAttempts: number | undefined): number {
  const value = maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(value) || value < 1) {
    throw new ValidationError(`maxAttempts must be a whole number of at least 1, not ${value}`);
  }
  return value;
}
