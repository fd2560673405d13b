/**
 * The PostgreSQL queue's own connection pool. It is separate from the store's (pg-boss runs its maintenance
 * and long transactions on it); it shares the store's connection habits (default user, redacted URLs).
 */
import pg from 'pg';
import { redactPassword, withDefaultUser } from '../../store/postgres.ts';

export { redactPassword };

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
