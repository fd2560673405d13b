/**
 * The PostgreSQL queue's own connection pool. It is separate from the store's (pg-boss runs its maintenance
 * and long transactions on it), so it repeats the store's two connection habits rather than reach into it.
 */
import { userInfo } from 'node:os';
import pg from 'pg';

/** A worker claims, heartbeats and completes a handful of jobs at once; more connections would sit idle. */
const PG_POOL_SIZE = 5;

export function openPgPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: withDefaultUser(url), max: PG_POOL_SIZE, application_name: 'newsdesk-jobs' });
}

/** Runs `work` in one transaction on one pooled connection; rolls back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError; // the connection is unusable: drop it instead of returning it to the pool
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Like libpq (psql), connect as the operating-system user when the URL names none. pg falls back to $USER
 * only, which is unset in containers and cron jobs.
 */
function withDefaultUser(url: string): string {
  if (process.env['PGUSER'] || process.env['USER']) return url;
  try {
    const parsed = new URL(url);
    if (parsed.username || !parsed.host) return url;
    parsed.username = encodeURIComponent(userInfo().username);
    return parsed.toString();
  } catch {
    return url;
  }
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
