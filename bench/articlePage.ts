/**
 * Article page throughput: our server (page cache off, then on) against a bare node:http server writing the
 * same bytes from memory, all measured in this run on this machine with the same load generator.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath } from '../src/domain/index.ts';
import { importDemo, SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { freePort, measure, startProcess, stopProcess, type LoadResult } from './load.ts';

const CLI = fileURLToPath(new URL('../bin/newsdesk.js', import.meta.url));
const BARE_SERVER = fileURLToPath(new URL('./bareServer.mjs', import.meta.url));

export interface ArticlePageOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export async function benchArticlePage(options: ArticlePageOptions): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  try {
    const store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
    await importDemo(store);
    const seed = await store.articles.findBySourceKey(`file:${realpathSync(SEED_PAGE_FILE)}`);
    await store.close();
    if (!seed) throw new Error('the seed article was not imported; is ../shared beside the project?');
    const path = articlePath(seed);

    const results: Array<[string, LoadResult]> = [];
    let pageBytes: Buffer | undefined;
    for (const pageCache of ['off', 'on']) {
      const port = await freePort();
      const server = await startProcess(
        process.execPath,
        [CLI, 'serve', '--no-demo'],
        { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PAGE_CACHE: pageCache },
        null, // with LOG_LEVEL=warn nothing is printed on start: probe until the page answers
      );
      try {
        const url = `http://127.0.0.1:${port}${path}`;
        await waitUntilServing(url);
        pageBytes ??= Buffer.from(await (await fetch(url)).arrayBuffer());
        results.push([`newsdesk, page cache ${pageCache}`, await measure(url, options)]);
      } finally {
        await stopProcess(server);
      }
    }

    const pageFile = join(dataDir, 'page.html');
    writeFileSync(pageFile, pageBytes!);
    const barePort = await freePort();
    const bare = await startProcess(process.execPath, [BARE_SERVER, pageFile, String(barePort)], {}, 'listening');
    try {
      results.unshift(['bare node:http, same bytes', await measure(`http://127.0.0.1:${barePort}/`, options)]);
    } finally {
      await stopProcess(bare);
    }

    const baseline = results[0]![1].requestsPerSecond;
    console.log(`\nArticle page ${path} (${pageBytes!.length} bytes), ${options.connections} connections, ${options.seconds} s after ${options.warmupSeconds} s warm-up`);
    console.log('server'.padEnd(30), 'req/s'.padStart(9), 'p99 ms'.padStart(8), 'vs bare'.padStart(8), 'errors'.padStart(7));
    for (const [name, r] of results) {
      const ratio = (r.requestsPerSecond / baseline).toFixed(2);
      console.log(name.padEnd(30), r.requestsPerSecond.toFixed(0).padStart(9), r.p99Ms.toFixed(1).padStart(8), `${ratio}×`.padStart(8), String(r.non2xx + r.errors).padStart(7));
    }
    console.log('aim: cache on ≥ 0.70× bare; cache off ≥ 0.25× bare');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitUntilServing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within 30 s`);
}
