import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { recordServedOrigin, type Config } from '../config.ts';
import { ConfigError } from '../domain/index.ts';
import type { Store } from '../store/index.ts';
import { commandContext, openConfiguredStore, openContentChanges } from './context.ts';
import { closeOnSignals } from './signals.ts';

export function configureServe(command: Command): void {
  command
    .description('serve the reader site (migrates the database and imports the demo on first start)')
    .option('--no-demo', 'do not import the demo content into an empty database')
    .action(async (options: { demo: boolean }) => {
      const { config, log } = commandContext({ logTo: 1, serving: true });
      // Found out before the database is opened or the demo imported (a minute's work on a first start).
      await assertPortFree(config);
      const store = await openConfiguredStore(config);
      const app = await startSite(config, store, log, options.demo).catch(async (error: unknown) => {
        await store.close();
        throw error;
      });
      // Nothing may be left running when the server cannot listen: closing the app stops ingest and the store.
      await listen(app, config).catch(async (error: unknown) => {
        await app.close();
        throw error;
      });
      closeOnSignals(() => app.close(), log);
      const origin = recordServedOrigin(config, app.server.address());
      log.info(`${config.siteName} is at ${origin}`);
      await announceFirstAdminLink({ ...config, siteUrl: config.siteUrlFrom === 'SITE_URL' ? config.siteUrl : origin }, store, log);
    });
}

/** Builds the app and, unless INGEST_IN_PROCESS=off, starts ingest beside it; closing the app closes it all. */
async function startSite(config: Config, store: Store, log: Logger, importDemoIfEmpty: boolean): Promise<FastifyInstance> {
  const [{ ENRICHMENT_VERSION }, { importDemo }, { buildServer }, { startInProcessIngest }] = await Promise.all([
    import('../enrich/enrichArticle.ts'),
    import('../ingest/index.ts'),
    import('../server.ts'),
    import('./ingest.ts'),
  ]);
  log.info({ database: store.dialect, dataDir: config.dataDir }, 'store ready');
  // Keyed hashes (feedback senders) and, later, sessions must agree across every process of a site: a
  // secret generated into one machine's DATA_DIR is not shared with processes on another.
  if (store.dialect === 'postgres' && config.secretSource === 'data-dir') {
    log.warn({ secretFile: `${config.dataDir}/secret` }, 'SECRET is unset: set the same SECRET on every machine that serves this site');
  }

  // "Empty" is judged by the database, not a marker file, so every web process of a scaled-out site agrees.
  if (importDemoIfEmpty && (await store.articles.countPublished()) === 0) {
    const started = Date.now();
    const report = await importDemo(store);
    log.info({ ...report.counts, ms: Date.now() - started }, 'demo content imported');
    if (!report.seedImported) log.warn('seed page not found beside the project; imported the Wikinews stories only');
  }

  // Articles enriched by older code lack what newer code adds (stories, related lists) until recomputed; a
  // recompute can take minutes on a big archive, so it is the operator's call, and said here.
  const stale = await store.enrichments.countStale(ENRICHMENT_VERSION);
  if (stale > 0) log.warn({ articles: stale }, 'articles enriched by older code: run `newsdesk reindex --enrich` to bring them up to date');

  // Stored articles are announced to every web process (through Redis, else the database's change log, so a CLI
  // command or a worker beside this server is heard too), whose page caches then drop what they hold.
  const changes = await openContentChanges(config, store, log);
  const app = await buildServer({ config, store, logger: log, changes });
  // One process is enough for a small site: the poller and ingest jobs run beside the web server.
  const ingest = config.ingest.inProcess ? await startInProcessIngest(config, store, log, changes) : null;
  app.addHook('onClose', async () => {
    await ingest?.stop();
    await changes.close();
    await store.close();
    log.info('store closed');
  });
  return app;
}

/**
 * On a site nobody has set up yet, the one-time link to create the first admin account, printed once (again
 * only when it expired unused). There is never a default password.
 */
async function announceFirstAdminLink(config: Config, store: Store, log: Logger): Promise<void> {
  const { firstAdminSetup, openPeopleContext } = await import('../newsroom/index.ts');
  const { localContentChanges } = await import('../store/index.ts');
  const context = openPeopleContext(config, store, localContentChanges(), log);
  try {
    const issued = await firstAdminSetup(context);
    if (issued) {
      log.info(
        { link: issued.link, expiresAt: issued.expiresAt.toISOString() },
        `newsroom: create the first admin account at ${issued.link} (the link works once, until ${issued.expiresAt.toISOString()})`,
      );
    }
  } finally {
    await context.close();
  }
}

async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    throw listenError(error, config);
  }
}

/** Tries the address with a bare socket, so a taken port is reported at once and plainly. */
async function assertPortFree(config: Config): Promise<void> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(listenError(error, config)));
    probe.listen({ port: config.port, host: config.host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Why the server cannot listen, in words that say what to do; exit code 78 (configuration). */
function listenError(error: unknown, config: Config): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = `port ${config.port}${config.host === '0.0.0.0' ? '' : ` on ${config.host}`}`;
  if (code === 'EADDRINUSE') {
    return new ConfigError(`${where} is already in use (another newsdesk, or another server): stop it, or choose a free port, e.g. PORT=${config.port + 1}`);
  }
  if (code === 'EACCES') {
    return new ConfigError(`${where} needs privileges this user lacks: choose a port above 1023, e.g. PORT=3000`);
  }
  if (code === 'EADDRNOTAVAIL') {
    return new ConfigError(`HOST=${config.host} is not an address of this machine: unset HOST to listen on every interface`);
  }
  return error;
}
