import type { Command } from 'commander';
import { ENRICHMENT_VERSION } from '../enrich/enrichArticle.ts';
import { importDemo } from '../ingest/index.ts';
import { buildServer } from '../server.ts';
import { localContentChanges, redisContentChanges } from '../store/index.ts';
import { commandContext, openConfiguredStore } from './context.ts';
import { startInProcessIngest } from './ingest.ts';
import { closeOnSignals } from './signals.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the reader site (migrates the database and imports the demo on first start)')
    .option('--no-demo', 'do not import the demo content into an empty database')
    .action(async (options: { demo: boolean }) => {
      const { config, log } = commandContext({ logTo: 1 });
      const store = await openConfiguredStore(config);
      log.info({ database: store.dialect, dataDir: config.dataDir }, 'store ready');
      // Keyed hashes (feedback senders) and, later, sessions must agree across every process of a site: a
      // secret generated into one machine's DATA_DIR is not shared with processes on another.
      if (store.dialect === 'postgres' && config.secretSource === 'data-dir') {
        log.warn({ secretFile: `${config.dataDir}/secret` }, 'SECRET is unset: set the same SECRET on every machine that serves this site');
      }

      // "Empty" is judged by the database, not a marker file, so every web process of a scaled-out site agrees.
      if (options.demo && (await store.articles.countPublished()) === 0) {
        const started = Date.now();
        const report = await importDemo(store);
        log.info({ ...report.counts, ms: Date.now() - started }, 'demo content imported');
        if (!report.seedImported) log.warn('seed page not found beside the project; imported the Wikinews stories only');
      }

      // Articles enriched by older code lack what newer code adds (stories, related lists) until recomputed; a
      // recompute can take minutes on a big archive, so it is the operator's call, and said here.
      const stale = await store.enrichments.countStale(ENRICHMENT_VERSION);
      if (stale > 0) log.warn({ articles: stale }, 'articles enriched by older code: run `newsdesk reindex --enrich` to bring them up to date');

      // Stored articles are announced to every web process (through Redis when the site runs as several), whose
      // page caches then drop what they hold.
      const changes = config.redisUrl ? redisContentChanges(config.redisUrl, `${config.redisPrefix}:changes`) : localContentChanges();
      const app = await buildServer({ config, store, logger: log, changes });
      // One process is enough for a small site: the poller and ingest jobs run beside the web server.
      const ingest = config.ingest.inProcess ? await startInProcessIngest(config, store, log, changes) : null;
      app.addHook('onClose', async () => {
        await ingest?.stop();
        await changes.close();
        await store.close();
        log.info('store closed');
      });
      closeOnSignals(async () => {
        await app.close();
      }, log);
      await app.listen({ port: config.port, host: config.host });
      log.info(`${config.siteName} is at ${config.siteUrl}`);
    });
}
