/**
 * The statements the PostgreSQL queue runs on pg-boss's own `job` table, for what pg-boss 10 has no call for:
 * leases that a heartbeat extends, release without counting the attempt, our backoff and Retry-After, a fresh
 * set of attempts for a parked job, and the listing behind `newsdesk jobs`.
 *
 * pg-boss's job columns, as this code relies on them (pg-boss 10, schema version 24):
 *   state        created | retry | active | completed | cancelled | failed (an enum in that order)
 *   retry_count  attempts made before the current one; fetch adds one when started_on is already set
 *   started_on   when the last attempt started; NULL until the first
 *   expire_in    how long after started_on an active job counts as abandoned (pg-boss's lease)
 *   output       our failure note { message, failedAt }, or pg-boss's { value: { message } } on expiry
 */
import type { JobState } from './types.ts';

/** Our states as pg-boss's: a retry waiting is pending; a cancelled job (by hand, in SQL) is parked like a failed one. */
export const PG_BOSS_STATES: Record<JobState, readonly string[]> = {
  pending: ['created', 'retry'],
  running: ['active'],
  done: ['completed'],
  parked: ['failed', 'cancelled'],
};

const OUR_STATE = `CASE WHEN state IN ('created', 'retry') THEN 'pending' WHEN state = 'active' THEN 'running'
  WHEN state = 'completed' THEN 'done' ELSE 'parked' END`;

/** The attempt an active job is on, and the attempt count shown for any job. */
const ATTEMPTS = 'CASE WHEN started_on IS NULL THEN 0 ELSE retry_count + 1 END';

const MS = "* interval '1 millisecond'";

export function pgBossSql(schema: string) {
  const job = `${schema}.job`;
  /** The job as this claim left it: active, on the same attempt. Anything else means another run owns it. */
  const held = 'name = $1 AND id = $2 AND state = \'active\' AND retry_count = $3';
  const summary = `
    SELECT id, name AS type, coalesce(singleton_key, '') AS key, ${OUR_STATE} AS state, ${ATTEMPTS} AS attempts,
           start_after AS run_at,
           coalesce(output->>'message', output->'value'->>'message') AS last_error,
           greatest(created_on, started_on, completed_on, (output->>'failedAt')::timestamptz) AS updated_at
    FROM ${job}
    WHERE state::text = ANY($1::text[]) AND ($2::text IS NULL OR name = $2)`;
  return {
    /** A retry waiting holds its key too (pg-boss's 'short' policy only deduplicates jobs never started). */
    retryWaiting: `SELECT 1 FROM ${job} WHERE name = $1 AND singleton_key = $2 AND state = 'retry' LIMIT 1`,
    /** The lease starts at the claim: expire_in counts from started_on. */
    startLease: `UPDATE ${job} SET expire_in = $3 ${MS} WHERE name = $1 AND id = $2 AND state = 'active'`,
    extendLease: `UPDATE ${job} SET expire_in = (now() - started_on) + $4 ${MS} WHERE ${held}`,
    lockHeld: `SELECT 1 FROM ${job} WHERE ${held} FOR UPDATE`,
    /** Lets pg-boss's fail() park the job now: it parks once retry_count reaches retry_limit. */
    noRetriesLeft: `UPDATE ${job} SET retry_limit = retry_count WHERE name = $1 AND id = $2`,
    /** pg-boss's fail() computed its own start_after; ours (backoff capped, Retry-After) replaces it. */
    retryAfter: `
      UPDATE ${job} SET start_after = now() + $3 ${MS},
                        keep_until = greatest(keep_until, now() + $3 ${MS} + $4 ${MS})
      WHERE name = $1 AND id = $2 AND state = 'retry'`,
    /**
     * Back to waiting with this attempt uncounted: retry_count goes back one, or, on a first attempt,
     * started_on is cleared so that the next fetch does not count one.
     */
    release: `
      UPDATE ${job} SET state = 'retry', start_after = least(start_after, now()),
                        started_on = CASE WHEN retry_count = 0 THEN NULL ELSE started_on END,
                        retry_count = greatest(retry_count - 1, 0)
      WHERE ${held}`,
    /** Parked jobs start over with the attempts they were enqueued with (kept in the payload envelope). */
    retryParked: `
      UPDATE ${job} SET state = 'retry', retry_count = 0, started_on = NULL, completed_on = NULL, start_after = now(),
                        retry_limit = greatest(coalesce((data->>'maxAttempts')::int, $2) - 1, 0),
                        keep_until = greatest(keep_until, now() + $3 ${MS})
      WHERE state IN ('failed', 'cancelled') AND ($1::uuid IS NULL OR id = $1::uuid)`,
    /**
     * Active jobs of these types whose lease lapsed: waiting again at once, as a new attempt (fetch counts it),
     * or parked when that was the last one. pg-boss's maintenance does the same every interval but also adds
     * its retry delay; this brings the SQLite queue's behaviour to an idle worker without that wait.
     */
    recoverLapsed: `
      UPDATE ${job} SET
        state = (CASE WHEN retry_count < retry_limit THEN 'retry' ELSE 'failed' END)::${schema}.job_state,
        start_after = CASE WHEN retry_count < retry_limit THEN now() ELSE start_after END,
        completed_on = CASE WHEN retry_count < retry_limit THEN NULL ELSE now() END,
        output = jsonb_build_object('message', CASE WHEN retry_count < retry_limit THEN $2 ELSE $3 END,
                                    'failedAt', now())
      WHERE name = ANY($1::text[]) AND state = 'active' AND started_on + expire_in < now()`,
    dueTypes: `SELECT DISTINCT name FROM ${job} WHERE state < 'active' AND start_after < now()`,
    listPending: `${summary} ORDER BY start_after, created_on, id LIMIT $3`,
    listRecent: `${summary} ORDER BY updated_at DESC, id DESC LIMIT $3`,
    /** Waiting or parked jobs of a type whose payload field has this value (a removed feed's jobs). */
    cancelWhere: `
      DELETE FROM ${job} WHERE name = $1 AND state IN ('created', 'retry', 'failed', 'cancelled')
        AND data->'payload'->>$2 = $3::text`,
    counts: `SELECT ${OUR_STATE} AS state, count(*)::int AS jobs FROM ${job} GROUP BY 1`,
  };
}
