import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import { destination, pino, type Logger } from 'pino';
import { loadConfig, prepareDataDir, sqliteFileOf, withServedOrigin, type Config } from '../config.ts';
import type { ContentChanges } from '../domain/index.ts';
import type { Store } from '../store/index.ts';

/**
 * What every command needs: validated config (DATA_DIR ready) and a logger. Command logs go to stderr so that a
 * command's own output (a URL, JSON) can be piped cleanly; `serve` logs to stdout, as servers do. Commands other
 * than `serve` link to the site a `serve` on the same DATA_DIR answers on when neither SITE_URL nor PORT is set.
 */
export function commandContext(options: { logTo?: 1 | 2; serving?: boolean } = {}): { config: Config; log: Logger } {
  const prepared = prepareDataDir(loadConfig());
  const config = options.serving ? prepared : withServedOrigin(prepared);
  const log = createLogger(config, options.logTo ?? 2);
  if (config.ingest.allowPrivateHosts.length > 0) {
    log.warn({ hosts: config.ingest.allowPrivateHosts }, 'FETCH_ALLOW_PRIVATE_HOSTS lets the fetcher reach these private addresses: for local development and tests only');
  }
  return { config, log };
}

/**
 * JSON lines for machines (log collectors, pipes, CI); on a terminal the same records, readable. The pretty
 * stream writes synchronously, so nothing is lost when a command exits right after logging.
 */
export function createLogger({ logLevel: level, logFormat }: Pick<Config, 'logLevel' | 'logFormat'>, fd: 1 | 2): Logger {
  if (logFormat === 'auto' && isatty(fd)) {
    // Required only here: a piped or logged run never loads the pretty-printer.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    return pino({ level }, pretty({ destination: fd, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
  }
  return pino({ level }, destination(fd));
}

/** The store the config points at: PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR. */
export async function openConfiguredStore(config: Config, options: { migrate?: boolean } = {}): Promise<Store> {
  // Loaded here, not at the top: commands that open no store (--help, extract, summarize) skip the database code.
  const { openStore } = await import('../store/index.ts');
  return openStore({
    databaseUrl: config.databaseUrl,
    sqliteFile: sqliteFileOf(config),
    migrate: options.migrate,
  });
}

/** Opens the store, runs `work`, and always closes the store, so a failed command never leaves it open. */
export async function withStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Where this process announces content changes and hears other processes': Redis when configured (any number of
 * machines), else the database's change log, which web processes on the same database poll.
 */
export async function openContentChanges(config: Config, store: Store, log: Logger): Promise<ContentChanges> {
  const { loggedContentChanges, redisContentChanges } = await import('../store/index.ts');
  if (config.redisUrl) return redisContentChanges(config.redisUrl, `${config.redisPrefix}:changes`);
  return loggedContentChanges(store.changes, { onError: (error) => log.warn({ err: error }, 'could not read the change log') });
}
