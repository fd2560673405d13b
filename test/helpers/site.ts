import { mkdtempSync, rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { importDemo } from '../../src/ingest/index.ts';
import { buildServer } from '../../src/server.ts';
import { openStore, type Store } from '../../src/store/index.ts';

export interface RunningSite {
  url: string;
  config: Config;
  store: Store;
  /** The site's view counting, to flush counted views and drop the kept ranking. */
  trending: FastifyInstance['trending'];
  close(): Promise<void>;
}

/** A real site on loopback: SQLite in a temp dir, the demo content imported, listening on a free port. */
export async function startDemoSite(env: Record<string, string> = {}): Promise<RunningSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-site-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...env });
  const store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
  await importDemo(store);
  const app = await buildServer({ config, store, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    config,
    store,
    trending: app.trending,
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
