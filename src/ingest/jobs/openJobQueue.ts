import { openPgBossJobQueue } from './pgBossQueue.ts';
import { openSqliteJobQueue } from './sqliteQueue.ts';
import type { JobQueue, JobQueueOptions } from './types.ts';

/**
 * The job queue the deployment's database calls for: pg-boss on PostgreSQL when `databaseUrl` is set (many
 * workers), otherwise the jobs table in the store's SQLite file (one machine). Both keep their own tables.
 */
export async function openJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const { logger, retryBackoff } = options;
  if (options.databaseUrl !== null) {
    return openPgBossJobQueue({ databaseUrl: options.databaseUrl, pgSchema: options.pgSchema, logger, retryBackoff });
  }
  return openSqliteJobQueue({ sqliteFile: options.sqliteFile, logger, retryBackoff });
}
