import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { ingestDueFeeds, openIngest, runIngestWorker } from '../ingest/index.ts';
import type { ContentChanges } from '../domain/index.ts';
import { redisContentChanges, type Store } from '../store/index.ts';
import { commandContext, withStore } from './context.ts';
import { progressBar } from './progress.ts';
import { closeOnSignals } from './signals.ts';

export function configureIngest(command: Command): void {
  command
    .description('poll every due feed once, then fetch and extract the new stories it finds; exits when done')
    .addHelpText('after', '\nFollow feeds with `newsdesk feed add`; run continuously with `newsdesk worker`.')
    .action(async () => {
      const { config, log } = commandContext();
      await withStore(config, async (store) => {
        const { context, close } = await openIngest(config, store, log);
        const bar = progressBar('ingest');
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        try {
          const report = await ingestDueFeeds(context, {
            concurrency: config.ingest.concurrency,
            onProgress: bar.update,
            signal: stop.signal,
          }).finally(bar.stop);
          const counts = await context.queue.counts();
          console.log(`ingest: ${report.jobsRun} jobs run; ${counts.parked} parked (see \`newsdesk jobs\`)`);
        } finally {
          await close();
        }
      });
    });
}

export function configureWorker(command: Command): void {
  command
    .description('poll feeds on their schedules and run fetch/extract jobs until stopped (SIGINT/SIGTERM)')
    .addHelpText('after', '\nOn stop, jobs in hand finish (or are released to the queue) before the process exits.')
    .action(async () => {
      const { config, log } = commandContext({ logTo: 1 });
      await withStore(config, async (store) => {
        // A worker's imports reach the web processes' page caches through Redis, when there is one.
        const changes = config.redisUrl ? redisContentChanges(config.redisUrl, `${config.redisPrefix}:changes`) : undefined;
        const ingest = await startInProcessIngest(config, store, log, changes);
        log.info({ concurrency: config.ingest.concurrency }, 'worker started');
        await new Promise<void>((resolve) => closeOnSignals(async () => resolve(), log, { exit: false }));
        await ingest.stop();
        await changes?.close();
        log.info('worker stopped');
      });
    });
}

/** The poller and ingest jobs in this process, until `stop()`: used by `worker` and by `serve`. */
export async function startInProcessIngest(
  config: Config,
  store: Store,
  log: Logger,
  changes?: ContentChanges,
): Promise<{ stop: () => Promise<void> }> {
  const { context, close } = await openIngest(config, store, log, changes);
  const controller = new AbortController();
  const running = runIngestWorker({ context, concurrency: config.ingest.concurrency, signal: controller.signal }).catch(
    (error: unknown) => log.error({ err: error }, 'ingest worker stopped on an error'),
  );
  return {
    async stop() {
      controller.abort();
      await running;
      await close();
    },
  };
}
