/**
 * Page throughput (article, home, section front, search): our server (page cache off, then on) against a bare
 * node:http server writing the same bytes from memory, all measured in this run on this machine with the same
 * load generator.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath } from '../src/domain/index.ts';
import { importDemo, SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import type { ChildProcess } from 'node:child_process';
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
    // The article page the issue names first, then the two fronts readers land on, then a search (ranked
    // results with marked passages, over the demo's few hundred articles: bench/search.ts measures 100k).
    const pages: Array<[string, string]> = [
      ['Article page', articlePath(seed)],
      ['Home page', '/'],
      ['Section front', '/security'],
      ['Search results', '/search?q=troops+withdrawal'],
    ];
    for (const [title, path] of pages) await benchPage(dataDir, title, path, options);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One page: newsdesk with the page cache off and on, between two runs of a bare server sending its bytes. */
async function benchPage(dataDir: string, title: string, path: string, options: ArticlePageOptions): Promise<void> {
  const serve = (pageCache: 'on' | 'off') => startNewsdesk(dataDir, pageCache);
  const results: Array<[string, LoadResult]> = [];

  // The bare server is measured before and after ours and the baseline is the mean: on a shared machine
  // throughput drifts during a run, and bracketing keeps the ratio honest.
  const uncached = await serve('off');
  const url = (port: number) => `http://127.0.0.1:${port}${path}`;
  const pageBytes = Buffer.from(await (await fetch(url(uncached.port))).arrayBuffer());
  const pageFile = join(dataDir, 'page.html');
  writeFileSync(pageFile, pageBytes);
  const barePort = await freePort();
  const bare = await startProcess(process.execPath, [BARE_SERVER, pageFile, String(barePort)], {}, 'listening');
  try {
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    results.push(['bare node:http (before)', await measure(bareUrl, options)]);
    try {
      results.push(['newsdesk, page cache off', await measure(url(uncached.port), options)]);
    } finally {
      await stopProcess(uncached.process);
    }
    const cached = await serve('on');
    try {
      results.push(['newsdesk, page cache on', await measure(url(cached.port), options)]);
    } finally {
      await stopProcess(cached.process);
    }
    results.push(['bare node:http (after)', await measure(bareUrl, options)]);
  } finally {
    await stopProcess(bare);
  }

  const bareRuns = results.filter(([name]) => name.startsWith('bare'));
  const baseline = bareRuns.reduce((sum, [, r]) => sum + r.requestsPerSecond, 0) / bareRuns.length;
  console.log(`\n${title} ${path} (${pageBytes.length} bytes), ${options.connections} connections, ${options.seconds} s after ${options.warmupSeconds} s warm-up`);
  console.log(`baseline: bare node:http serving the same bytes from memory, mean of ${bareRuns.length} runs = ${baseline.toFixed(0)} req/s`);
  console.log('server'.padEnd(30), 'req/s'.padStart(9), 'p99 ms'.padStart(8), 'vs bare'.padStart(8), 'errors'.padStart(7));
  for (const [name, r] of results) {
    const ratio = (r.requestsPerSecond / baseline).toFixed(2);
    console.log(name.padEnd(30), r.requestsPerSecond.toFixed(0).padStart(9), r.p99Ms.toFixed(1).padStart(8), `${ratio}×`.padStart(8), String(r.non2xx + r.errors).padStart(7));
  }
  console.log('aim: cache on ≥ 0.70× bare; cache off ≥ 0.25× bare');
}

async function startNewsdesk(dataDir: string, pageCache: 'on' | 'off'): Promise<{ process: ChildProcess; port: number }> {
  const port = await freePort();
  const child = await startProcess(
    process.execPath,
    [CLI, 'serve', '--no-demo'],
    { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PAGE_CACHE: pageCache },
    null, // with LOG_LEVEL=warn nothing is printed on start: probe until the site answers
  );
  await waitUntilServing(`http://127.0.0.1:${port}/`);
  return { process: child, port };
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
