/**
 * Ingest survives kill -9 at any point: a feed of 200 stories is ingested by `newsdesk ingest` in a child
 * process that is SIGKILLed at random moments 20 times and restarted each time. At the end every story is
 * stored exactly once, and nothing that was committed before a kill is ever lost.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openJobQueue } from '../src/ingest/jobs/index.ts';
import { openStore } from '../src/store/index.ts';
import { startNewsServer } from './helpers/newsServer.ts';

const CLI = fileURLToPath(new URL('../bin/newsdesk.js', import.meta.url));
const STORIES = 200;
const KILLS = 20;

/** A small seeded generator, so a failing run can be repeated with CRASH_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Runs `newsdesk ingest`; with `killWhen`, SIGKILLs it as soon as `killWhen()` says so (checked every few
 * milliseconds), so kills land at chosen points of progress rather than during start-up.
 */
function runIngest(
  env: NodeJS.ProcessEnv,
  killWhen: (() => Promise<boolean>) | null,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let exited = false;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const watch = async () => {
      while (killWhen && !exited) {
        if (await killWhen()) {
          child.kill('SIGKILL');
          return;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    void watch();
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal, stderr });
    });
  });
}

async function storedStories(sqliteFile: string): Promise<Map<string, number>> {
  const store = await openStore({ databaseUrl: null, sqliteFile });
  try {
    const cards = await store.articles.listPublished({ limit: 10_000, offset: 0 });
    const byCanonical = new Map<string, number>();
    for (const card of cards) {
      const article = await store.articles.findById(card.id);
      const key = article?.provenance?.canonicalUrl ?? `no provenance ${card.id}`;
      byCanonical.set(key, (byCanonical.get(key) ?? 0) + 1);
    }
    return byCanonical;
  } finally {
    await store.close();
  }
}

test(`ingest killed with SIGKILL ${KILLS} times stores each of ${STORIES} stories exactly once`, async () => {
  const seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 100_000);
  const next = random(seed);
  const news = await startNewsServer({ storyCount: STORIES });
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-ingest-crash-'));
  const sqliteFile = join(dataDir, 'newsdesk.db');
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    FETCH_ALLOW_PRIVATE_HOSTS: news.hostPort,
    INGEST_CONCURRENCY: '4',
  };
  try {
    const store = await openStore({ databaseUrl: null, sqliteFile });
    await store.feeds.add(
      { url: `${news.origin}/feed.xml`, section: null, sourceName: null, publishStatus: 'published', pollIntervalSeconds: 3600 },
      new Date(),
    );
    await store.close();

    // Kill points spread over the whole ingest: the i-th run dies once about i/KILLS of the stories are in,
    // give or take, and a few milliseconds later, to land inside a fetch or a transaction.
    const watcher = await openStore({ databaseUrl: null, sqliteFile });
    let committed = new Map<string, number>();
    let killedMidway = 0;
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const target = Math.floor(((kill + next()) / KILLS) * STORIES * 0.95);
        const extraMs = next() * 40;
        const run = await runIngest(env, async () => {
          if ((await watcher.articles.countPublished()) < target) return false;
          await new Promise((r) => setTimeout(r, extraMs));
          return true;
        });
        if (run.signal === 'SIGKILL') killedMidway += 1;
        else assert.equal(run.code, 0, `run ${kill} (seed ${seed}) failed: ${run.stderr}`);
        const now = await storedStories(sqliteFile);
        for (const [url] of committed) assert.ok(now.has(url), `seed ${seed}: ${url} was lost after kill ${kill}`);
        committed = now;
        if (process.env['CRASH_TRACE']) console.log(`kill ${kill} at ${target}: ${run.signal ?? run.code}, ${now.size} stored`);
      }
    } finally {
      await watcher.close();
    }
    assert.ok(killedMidway >= KILLS / 2, `seed ${seed}: only ${killedMidway} runs were killed before finishing`);

    const last = await runIngest(env, null);
    assert.equal(last.code, 0, last.stderr);
    const stored = await storedStories(sqliteFile);
    assert.equal(stored.size, STORIES, `seed ${seed}: every story stored`);
    for (let n = 1; n <= STORIES; n++) {
      assert.equal(stored.get(`${news.origin}/story/${n}`), 1, `seed ${seed}: story ${n} stored exactly once`);
    }
    const queue = await openJobQueue({ databaseUrl: null, sqliteFile });
    const counts = await queue.counts();
    await queue.close();
    assert.deepEqual([counts.pending, counts.running, counts.parked], [0, 0, 0], `seed ${seed}: no job left behind`);
  } finally {
    await news.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
