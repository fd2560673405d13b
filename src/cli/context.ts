import { isatty } from 'node:tty';
import { destination, pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { loadConfig, prepareDataDir, sqliteFileOf, type Config } from '../config.ts';
import { openStore, type Store } from '../store/index.ts';

/**
 * What every command needs: validated config (DATA_DIR ready) and a logger. Command logs go to stderr so that a
 * command's own output (a URL, JSON) can be piped cleanly; `serve` logs to stdout, as servers do.
 */
export function commandContext(options: { logTo?: 1 | 2 } = {}): { config: Config; log: Logger } {
  const config = prepareDataDir(loadConfig());
  return { config, log: createLogger(config, options.logTo ?? 2) };
}

/**
 * JSON lines for machines (log collectors, pipes, CI); on a terminal the same records, readable. The pretty
 * stream writes synchronously, so nothing is lost when a command exits right after logging.
 */
export function createLogger({ logLevel: level, logFormat }: Pick<Config, 'logLevel' | 'logFormat'>, fd: 1 | 2): Logger {
  if (logFormat === 'auto' && isatty(fd)) {
    return pino({ level }, pretty({ destination: fd, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
  }
  return pino({ level }, destination(fd));
}

/** The store the config points at: PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR. */
export function openConfiguredStore(config: Config, options: { migrate?: boolean } = {}): Promise<Store> {
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
