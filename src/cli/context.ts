import { join } from 'node:path';
import { destination, pino, type Logger } from 'pino';
import { loadConfig, prepareDataDir, type Config } from '../config.ts';
import { openStore, type Store } from '../store/index.ts';

/** What every command needs: validated config (DATA_DIR ready) and a logger. */
export function commandContext(): { config: Config; log: Logger } {
  const config = prepareDataDir(loadConfig());
  // Logs go to stderr so that a command's own output (a URL, JSON) can be piped cleanly.
  const log = pino({ level: config.logLevel }, destination(2));
  return { config, log };
}

/** The store the config points at: PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR. */
export function openConfiguredStore(config: Config, options: { migrate?: boolean } = {}): Promise<Store> {
  return openStore({
    databaseUrl: config.databaseUrl,
    sqliteFile: join(config.dataDir, 'newsdesk.db'),
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
