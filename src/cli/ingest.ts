import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ContentChanges } from '../domain/index.ts';
import type { DrainReport, IngestContext } from '../ingest/index.ts';
import type { Store } from '../store/index.ts';
import { commandContext, openContentChanges, withStore } from './context.ts';
import { EXIT } from './exitCodes.ts';
import { progressBar } from './progress.ts';
import { closeOnSignals } from './signals.ts';

export function configureIngest(command: Command): void {
  command
    .description('poll every due feed once, then fetch and extract the new stories it finds; exits when done')
    .addHelpText(
      'after',
      '\nPrints what came in, what failed (and when it is retried) and the commonest errors; exits 69 when nothing' +
        '\ncould be fetched. Follow feeds with `newsdesk feed add`; run continuously with `newsdesk worker`.',
    )
    .action(async () => {
      const { config, log } = commandContext();
      const { ingestDueFeeds, nothingFetched, openIngest } = await import('../ingest/index.ts');
      await withStore(config, async (store) => {
        // Stories it stores reach a running site's page caches at once (through Redis or the change log).
        const changes = await openContentChanges(config, store, log);
        const { context, close } = await openIngest(config, store, log, changes);
        const bar = progressBar('ingest');
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        try {
          const { scheduledPublishingHandlers } = await import('../newsroom/index.ts');
          const newsroom = { store, changes, publishRules: config.publishRules, jobs: context.queue };
          const report = await ingestDueFeeds(context, {
            moreHandlers: scheduledPublishingHandlers(newsroom),
            concurrency: config.ingest.concurrency,
            onProgress: bar.update,
            signal: stop.signal,
          }).finally(bar.stop);
          console.log(await describeRun(report, context));
          if (nothingFetched(report)) process.exitCode = EXIT.unavailable;
        } finally {
          await close();
          await changes.close();
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
        // A worker's imports reach the web processes' page caches through Redis, else the change log.
        const changes = await openContentChanges(config, store, log);
        const ingest = await startInProcessIngest(config, store, log, changes);
        log.info({ concurrency: config.ingest.concurrency }, 'worker started');
        await new Promise<void>((resolve) => closeOnSignals(async () => resolve(), log, { exit: false }));
        await ingest.stop();
        await changes.close();
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
  const { openIngest, runIngestWorker } = await import('../ingest/index.ts');
  const { localContentChanges } = await import('../store/index.ts');
  const { requeueOverdue, scheduledPublishingHandlers } = await import('../newsroom/index.ts');
  const { context, close } = await openIngest(config, store, log, changes);
  // Whoever runs jobs also publishes scheduled articles when they are due (and requeues any whose job was lost).
  const newsroom = { store, changes: context.changes ?? localContentChanges(), publishRules: config.publishRules, jobs: context.queue };
  await requeueOverdue(newsroom);
  const controller = new AbortController();
  const moreHandlers = scheduledPublishingHandlers(newsroom);
  const running = runIngestWorker({ context, concurrency: config.ingest.concurrency, signal: controller.signal, moreHandlers }).catch(
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

/**
 * The run in a few lines: feeds, stories, failures with when they are tried again, what is still waiting, and
 * the commonest errors, so that "29 of 30 failed" can never read like success.
 */
async function describeRun(report: DrainReport, context: IngestContext): Promise<string> {
  const { feeds, stories } = report;
  if (report.jobsRun === 0) return `ingest: no feed is due${await nextPollNote(context)}; nothing to do`;
  const fetched = stories.created + stories.updated + stories.unchanged + stories.duplicate;
  const lines = [
    `ingest: polled ${plural(feeds.polled, 'feed')} (${feeds.ok} with news, ${feeds.unchanged} unchanged, ${feeds.failed} failed); ` +
      `fetched ${fetched} of ${plural(fetched + stories.failed, 'story', 'stories')} ` +
      `(${stories.created} new, ${stories.updated} updated, ${stories.unchanged + stories.duplicate} already stored)`,
  ];
  if (stories.heldBack > 0) {
    lines.push(`  ${stories.heldBack} kept off the site: short of the publish checks (\`newsdesk article list --state draft\`)`);
  }
  const [counts, [nextJob]] = await Promise.all([context.queue.counts(), context.queue.list({ state: 'pending', limit: 1 })]);
  if (report.retrying + report.parked + counts.pending > 0) {
    const retry = report.retrying > 0 ? `${report.retrying} failed and will be retried` : '0 to retry';
    const next = nextJob ? ` (next at ${clock(nextJob.runAt)})` : '';
    lines.push(`  ${retry}, ${report.parked} parked; ${plural(counts.pending, 'job')} still pending${next}`);
  }
  if (report.commonErrors.length > 0) {
    lines.push('  commonest errors:');
    for (const { message, count } of report.commonErrors) lines.push(`    ${String(count).padStart(4)}× ${message}`);
    lines.push('  details: `newsdesk jobs --state parked`, `newsdesk feed list`');
  }
  return lines.join('\n');
}

async function nextPollNote(context: IngestContext): Promise<string> {
  const next = (await context.store.feeds.list()).map((feed) => feed.nextPollAt).sort()[0];
  return next ? ` (the next poll is at ${clock(next)})` : ' (follow one with `newsdesk feed add URL`)';
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2026-12-08 14:31 UTC": times in the CLI are UTC, as stored. */
function clock(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
