/**
 * A process killed mid-import leaves nothing half-done: the demo import is one transaction, so after a SIGKILL
 * before its commit the database holds none of it (and is not corrupt), and running it again completes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.ts';

const CLI = fileURLToPath(new URL('../bin/newsdesk.js', import.meta.url));

async function publishedCount(dataDir: string): Promise<number> {
  const store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
  try {
    return await store.articles.countPublished();
  } finally {
    await store.close();
  }
}

const KILL_DURING_IMPORT = fileURLToPath(new URL('./helpers/killDuringDemoImport.ts', import.meta.url));

/** Runs the demo import in a child process that SIGKILLs itself once `killAt` articles are imported. */
function killedImport(dataDir: string, killAt: number): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', KILL_DURING_IMPORT], {
    env: { ...process.env, DATA_DIR: dataDir, KILL_AT: String(killAt) },
    encoding: 'utf8',
  });
  assert.equal(run.signal, 'SIGKILL', `killed as planned: ${run.stderr}`);
}

test('SIGKILL during the demo import leaves none of it, and a re-run completes', async () => {
  const complete = spawnSync(process.execPath, [CLI, 'import', 'demo'], {
    env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-crash-ref-')), LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  assert.equal(complete.status, 0, complete.stderr);
  const total = Number(complete.stdout.match(/demo: (\d+) created/)?.[1]);
  assert.ok(total > 300);

  // Killed after the first article, in the middle, and after the last one but before the commit.
  for (const killAt of [1, Math.floor(total / 2), total]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-crash-'));
    killedImport(dataDir, killAt);
    assert.equal(await publishedCount(dataDir), 0, `none of it after a kill at article ${killAt} of ${total}`);

    const rerun = spawnSync(process.execPath, [CLI, 'import', 'demo'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.equal(await publishedCount(dataDir), total, `re-run after a kill at article ${killAt}`);
  }
});
