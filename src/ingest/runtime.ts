import type { Logger } from 'pino';
import { sqliteFileOf, type Config } from '../config.ts';
import type { ContentChanges } from '../domain/index.ts';
import type { Store } from '../store/index.ts';
import { createFetcher, type Fetcher } from './fetch/index.ts';
import { openJobQueue, type JobQueue } from './jobs/index.ts';
import type { IngestContext } from './polling/context.ts';

/** The User-Agent every outbound request carries: who we are and where to read about us. */
export function userAgentFor(config: Pick<Config, 'siteUrl'>): string {
  return `Newsdesk/0.1 (+${config.siteUrl})`;
}

export function fetcherFor(config: Pick<Config, 'siteUrl' | 'ingest'>): Fetcher {
  return createFetcher({
    userAgent: userAgentFor(config),
    // Empty in production; tests name their loopback server here (see Config.ingest.allowPrivateHosts).
    allowPrivateHosts: config.ingest.allowPrivateHosts,
  });
}

/** Fetcher and job queue for the configured store; `close` releases the queue (the store is the caller's). */
export async function openIngest(
  config: Config,
  store: Store,
  logger: Logger,
  changes?: ContentChanges,
): Promise<{ context: IngestContext; close: () => Promise<void> }> {
  const queue: JobQueue = await openJobQueue({
    databaseUrl: config.databaseUrl,
    sqliteFile: sqliteFileOf(config),
    logger,
  });
  const context: IngestContext = { store, fetcher: fetcherFor(config), queue, logger, publishRules: config.publishRules, ...(changes && { changes }) };
  return { context, close: () => queue.close() };
}
