import type { Logger } from 'pino';
import type { Store } from '../store/index.ts';

/**
 * `newsdesk reindex --search`: rebuilds the full-text index from the stored articles. The database keeps the
 * index current on every write (see store/migrations/0008_search.ts); this is for after a restore, a bulk edit
 * made around the store, or a crash that left the SQLite index and its articles disagreeing.
 */
export async function rebuildSearchIndex(store: Store, log: Pick<Logger, 'info'>): Promise<void> {
  const started = performance.now();
  const articles = await store.search.rebuild();
  const seconds = (performance.now() - started) / 1000;
  log.info({ articles, seconds }, 'search index rebuilt');
  console.log(`search index rebuilt: ${articles} published article${articles === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`);
}
