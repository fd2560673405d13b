import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { FetchError } from '../../domain/index.ts';
import { queueTargets, uniqueType } from './queueTargets.ts';
import type { Job, JobHandler, JobQueue, WorkerOptions } from './types.ts';
import { runWorker } from './worker.ts';

/** Quick turns, so a test waits milliseconds for the loop, not seconds. */
const FAST = { pollIntervalMs: 10, leaseMs: 60 };

/** A promise with its resolve function outside, to hold a handler until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

for (const target of queueTargets()) {
  describe(`worker on ${target.backend}`, { timeout: 20_000 }, () => {
    let queue: JobQueue;
    before(async () => {
      queue = await target.open();
    });
    after(async () => {
      await queue?.close();
      await target.cleanup();
    });

    /** Runs a worker until nothing is due and nothing is in hand. */
    async function runUntilIdle(handlers: Record<string, JobHandler>, options: Partial<WorkerOptions> = {}): Promise<void> {
      const stop = new AbortController();
      await runWorker({ queue, handlers, signal: stop.signal, onIdle: () => stop.abort(), ...FAST, ...options });
    }

    test('runs each due job with its handler and completes it', async () => {
      const poll = uniqueType('poll-feed');
      const fetch = uniqueType('fetch-article');
      await queue.enqueue({ type: poll, key: 'feed:1', payload: { feedId: 1 } });
      await queue.enqueue({ type: fetch, key: 'https://example.org/a', payload: { url: 'https://example.org/a' } });
      await queue.enqueue({ type: fetch, key: 'https://example.org/b', payload: { url: 'https://example.org/b' } });
      const seen: unknown[] = [];
      const record: JobHandler = async (job) => {
        seen.push(job.payload);
      };
      await runUntilIdle({ [poll]: record, [fetch]: record }, { concurrency: 2 });
      assert.equal(seen.length, 3);
      assert.deepEqual(seen.filter((payload) => (payload as { feedId?: number }).feedId === 1), [{ feedId: 1 }]);
      for (const type of [poll, fetch]) {
        assert.ok((await queue.list({ type })).every((job) => job.state === 'done'));
      }
    });

    test('never runs more jobs at once than its concurrency', async () => {
      const type = uniqueType('fetch-article');
      for (let i = 0; i < 6; i++) await queue.enqueue({ type, key: `story-${i}`, payload: null });
      let running = 0;
      let most = 0;
      let pair = gate();
      await runUntilIdle(
        {
          [type]: async () => {
            running += 1;
            most = Math.max(most, running);
            // Hold each job until a second one runs beside it (or the last one is alone), so that a worker
            // that ignored the limit would be caught with a third.
            if (running === 2) pair.open();
            await Promise.race([pair.opened, delay(500)]);
            await delay(5);
            running -= 1;
            if (running === 0) pair = gate();
          },
        },
        { concurrency: 2 },
      );
      assert.equal(most, 2);
      assert.equal((await queue.list({ type, state: 'done' })).length, 6);
    });

    test('a job in hand when the worker stops finishes within the grace period', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'k', payload: null });
      const stop = new AbortController();
      const started = gate();
      let handlerSignal: AbortSignal | undefined;
      const worker = runWorker({
        queue,
        signal: stop.signal,
        graceMs: 10_000,
        ...FAST,
        handlers: {
          [type]: async (_job, signal) => {
            handlerSignal = signal;
            started.open();
            await delay(100);
          },
        },
      });
      await started.opened;
      stop.abort();
      await worker;
      assert.equal((await queue.list({ type }))[0]!.state, 'done');
      assert.equal(handlerSignal?.aborted, false);
    });

    test('a job still running when the grace period ends is released, its attempt not counted', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'k', payload: null });
      const stop = new AbortController();
      const started = gate();
      let handlerSignal: AbortSignal | undefined;
      const worker = runWorker({
        queue,
        signal: stop.signal,
        graceMs: 30,
        ...FAST,
        handlers: {
          [type]: async (_job, signal) => {
            handlerSignal = signal;
            started.open();
            await once(signal);
            throw signal.reason;
          },
        },
      });
      await started.opened;
      stop.abort();
      await worker;
      assert.equal(handlerSignal?.aborted, true);
      const [released] = await queue.list({ type });
      assert.equal(released!.state, 'pending');
      assert.equal(released!.attempts, 0);
      assert.equal(released!.lastError, null, 'the abort is not recorded as a failure');
    });

    test('a heartbeat keeps the lease while a long job runs', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'k', payload: null });
      let claimedMeanwhile: Job | null | undefined;
      await runUntilIdle({
        [type]: async () => {
          await delay(FAST.leaseMs * 4);
          claimedMeanwhile = await queue.claim([type]);
        },
      });
      assert.equal(claimedMeanwhile, null);
      assert.equal((await queue.list({ type }))[0]!.attempts, 1);
    });

    test('a handler that throws fails the job: retried, or parked when trying again cannot help', async () => {
      const busy = uniqueType('fetch-article');
      const broken = uniqueType('fetch-article');
      const refused = uniqueType('fetch-article');
      await queue.enqueue({ type: busy, key: 'k', payload: null });
      await queue.enqueue({ type: broken, key: 'k', payload: null, maxAttempts: 1 });
      await queue.enqueue({ type: refused, key: 'k', payload: null });
      await runUntilIdle({
        [busy]: async () => {
          throw new FetchError('503 Service Unavailable', 'http-status', { status: 503, retryAfterMs: 3_600_000 });
        },
        [broken]: async () => {
          throw new Error('connection reset');
        },
        [refused]: async () => {
          throw new FetchError('10.0.0.1 is a private address', 'blocked', { url: 'http://10.0.0.1/' });
        },
      });
      const [waiting] = await queue.list({ type: busy });
      assert.equal(waiting!.state, 'pending');
      assert.equal(waiting!.lastError, 'http-status: 503 Service Unavailable');
      assert.ok(Date.parse(waiting!.runAt) > Date.now() + 3_000_000, "the server's Retry-After");
      const [spent] = await queue.list({ type: broken });
      assert.equal(spent!.state, 'parked');
      assert.equal(spent!.lastError, 'connection reset');
      const [blocked] = await queue.list({ type: refused });
      assert.equal(blocked!.state, 'parked');
      assert.equal(blocked!.attempts, 1);
      assert.equal(blocked!.lastError, 'blocked: 10.0.0.1 is a private address');
    });

    test('a job of a type with no handler is parked with an error saying so', async () => {
      const known = uniqueType('poll-feed');
      const unknown = uniqueType('send-newsletter');
      await queue.enqueue({ type: unknown, key: 'k', payload: null });
      await runUntilIdle({ [known]: async () => undefined });
      const [parked] = await queue.list({ type: unknown });
      assert.equal(parked!.state, 'parked');
      assert.equal(parked!.lastError, `no handler for job type "${unknown}" in this worker (it runs: ${known})`);
    });
  });
}

function once(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
