/**
 * For the queue's tests: the same suite runs on SQLite and on PostgreSQL (pg-boss), since what passes on one
 * must pass on the other. Each target is a fresh database (a temporary file; a schema of its own, dropped at
 * the end) with a backoff of milliseconds, so retries come due within a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { openJobQueue } from './openJobQueue.ts';
import { openPgPool } from './pgConnection.ts';
import type { Job, JobQueue, RetryBackoff } from './types.ts';

export const TEST_PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';
export const TEST_BACKOFF: RetryBackoff = { baseMs: 40, maxMs: 400 };

export interface QueueTarget {
  backend: 'sqlite' | 'postgres';
  open(): Promise<JobQueue>;
  cleanup(): Promise<void>;
}

export function queueTargets(): QueueTarget[] {
  return [sqliteTarget(), postgresTarget()];
}

function sqliteTarget(): QueueTarget {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-jobs-'));
  // A folder that does not exist yet: the queue must create it, as the store does.
  const sqliteFile = join(dir, 'data', 'newsdesk.db');
  return {
    backend: 'sqlite',
    open: () => openJobQueue({ databaseUrl: null, sqliteFile, retryBackoff: TEST_BACKOFF }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresTarget(): QueueTarget {
  const pgSchema = `newsdesk_test_${randomBytes(6).toString('hex')}`;
  return {
    backend: 'postgres',
    async open() {
      try {
        return await openJobQueue({ databaseUrl: TEST_PG_URL, sqliteFile: '', pgSchema, retryBackoff: TEST_BACKOFF });
      } catch (error) {
        throw new Error(
          `PostgreSQL tests need a server at ${TEST_PG_URL} (set TEST_DATABASE_URL, or start PostgreSQL): ${String(error)}`,
          { cause: error },
        );
      }
    },
    async cleanup() {
      const pool = openPgPool(TEST_PG_URL);
      try {
        await pool.query(`DROP SCHEMA IF EXISTS ${pgSchema}_jobs CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}

let serial = 0;
/** A job type of its own per test, so tests sharing one queue do not see each other's jobs. */
export function uniqueType(name: string): string {
  serial += 1;
  return `${name}-${serial}`;
}

/**
 * Claims until a job of `types` comes due (a retry's backoff passing). Not a timed assertion: the deadline
 * only turns a queue that never hands the job out into a failure instead of a hang.
 */
export async function claimWhenDue(queue: JobQueue, types: readonly string[], options: { leaseMs?: number } = {}): Promise<Job> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const job = await queue.claim(types, options);
    if (job) return job;
    if (Date.now() > deadline) throw new Error(`no job of ${types.join(', ')} came due`);
    await delay(10);
  }
}
