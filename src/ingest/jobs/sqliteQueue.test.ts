/**
 * What only the SQLite queue does (on PostgreSQL, pg-boss has its own ways): recovery of a dead worker's jobs
 * without waiting for the lease, folding a job back into a twin that holds its key, two processes on one
 * file, its own tables, pruning.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { claimWhenDue, TEST_BACKOFF, uniqueType } from './queueTargets.ts';
import { openSqliteJobQueue } from './sqliteQueue.ts';
import type { Job, JobQueue } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-sqlite-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function freshFile(): string {
  files += 1;
  return join(dir, `jobs-${files}.db`);
}

function open(sqliteFile = ':memory:'): JobQueue {
  return openSqliteJobQueue({ sqliteFile, retryBackoff: TEST_BACKOFF });
}

describe('SQLite job queue', () => {
  test("a worker killed with SIGKILL: its job is claimable at once, not after its lease", async () => {
    const sqliteFile = freshFile();
    const queue = open(sqliteFile);
    const type = uniqueType('fetch-article');
    await queue.enqueue({ type, key: 'https://example.org/story', payload: { n: 1 } });

    const child = claimInChild(sqliteFile, type);
    const claimed = await child.claimed;
    assert.equal(await queue.claim([type]), null, 'held by a live worker');
    child.process.kill('SIGKILL');
    await once(child.process, 'exit');

    const recovered = await queue.claim([type]);
    assert.equal(recovered?.id, claimed.id);
    assert.equal(recovered.attempt, 2, 'the interrupted attempt counts');
    assert.deepEqual(recovered.payload, { n: 1 });
    assert.match((await queue.list({ type }))[0]!.lastError ?? '', /died during attempt 1/);
    await queue.close();
  });

  test('a failed job whose next run is already queued merges into it, keeping its attempts and backoff', async () => {
    const queue = open();
    const type = uniqueType('poll-feed');
    await queue.enqueue({ type, key: 'feed:1', payload: { n: 1 } });
    const running = (await queue.claim([type]))!;
    assert.equal(await queue.enqueue({ type, key: 'feed:1', payload: { n: 2 } }), true);
    const before = Date.now();
    assert.equal(await queue.fail(running, { message: 'timeout' }), 'retry');

    const [merged, ...rest] = await queue.list({ type });
    assert.equal(rest.length, 0);
    assert.equal(merged!.state, 'pending');
    assert.equal(merged!.attempts, 1);
    assert.equal(merged!.lastError, 'timeout');
    assert.ok(Date.parse(merged!.runAt) >= before + TEST_BACKOFF.baseMs * 0.75 - 1, 'the backoff holds');
    const next = await claimWhenDue(queue, [type]);
    assert.deepEqual(next.payload, { n: 2 }, "the queued job's payload");
    assert.equal(next.attempt, 2);
    await queue.close();
  });

  test('a released job merges into a later twin and brings it forward', async () => {
    const queue = open();
    const type = uniqueType('poll-feed');
    await queue.enqueue({ type, key: 'feed:1', payload: null });
    const running = (await queue.claim([type]))!;
    await queue.enqueue({ type, key: 'feed:1', payload: null, runAt: new Date(Date.now() + 3_600_000) });
    await queue.release(running);
    assert.equal((await queue.list({ type })).length, 1);
    assert.equal((await queue.claim([type]))?.attempt, 1);
    await queue.close();
  });

  test('a web process and a worker share the database file', async () => {
    const sqliteFile = freshFile();
    const web = open(sqliteFile);
    const worker = open(sqliteFile);
    const type = uniqueType('poll-feed');
    assert.equal(await web.enqueue({ type, key: 'feed:9', payload: { feedId: 9 } }), true);
    assert.equal(await worker.enqueue({ type, key: 'feed:9', payload: { feedId: 9 } }), false);
    const job = (await worker.claim([type]))!;
    assert.equal(await web.claim([type]), null);
    await worker.complete(job);
    assert.equal((await web.list({ type }))[0]!.state, 'done');
    await web.close();
    await worker.close();
  });

  test('the queue keeps its own versioned tables, and prunes old done jobs when it opens', async () => {
    const sqliteFile = freshFile();
    const type = uniqueType('poll-feed');
    const queue = open(sqliteFile);
    for (const key of ['old', 'recent']) {
      await queue.enqueue({ type, key, payload: null });
      await queue.complete((await queue.claim([type]))!);
    }
    await queue.close();

    const raw = new BetterSqlite3(sqliteFile);
    assert.deepEqual(raw.prepare('SELECT version FROM jobs_version').all(), [{ version: 1 }]);
    raw.prepare("UPDATE jobs SET updated_at = '2020-01-01T00:00:00.000Z' WHERE key = 'old'").run();
    raw.close();

    const reopened = open(sqliteFile);
    assert.deepEqual((await reopened.list({ type })).map((job) => job.key), ['recent']);
    await reopened.close();
  });
});

/** A separate worker process that claims one job from the file, reports it and then waits to be killed. */
function claimInChild(sqliteFile: string, type: string): { process: ReturnType<typeof spawn>; claimed: Promise<Job> } {
  const queueModule = fileURLToPath(new URL('./sqliteQueue.ts', import.meta.url));
  const script = `
    const { openSqliteJobQueue } = await import(${JSON.stringify(queueModule)});
    const queue = openSqliteJobQueue({ sqliteFile: process.env.JOBS_FILE });
    console.log(JSON.stringify(await queue.claim([process.env.JOB_TYPE])));
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, JOBS_FILE: sqliteFile, JOB_TYPE: type },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const claimed = (async () => {
    for await (const line of createInterface({ input: child.stdout! })) {
      const job = JSON.parse(line) as Job | null;
      if (!job) throw new Error('the child process found no job to claim');
      return job;
    }
    throw new Error('the child process exited without claiming');
  })();
  return { process: child, claimed };
}
