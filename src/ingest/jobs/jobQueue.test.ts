import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { ValidationError } from '../../domain/index.ts';
import { claimWhenDue, queueTargets, TEST_BACKOFF, uniqueType } from './queueTargets.ts';
import { LAPSED_LAST_ATTEMPT_NOTE, LAPSED_LEASE_NOTE, minRetryDelayMs } from './retryPolicy.ts';
import type { JobQueue, JobSummary } from './types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

for (const target of queueTargets()) {
  describe(`job queue on ${target.backend}`, () => {
    let queue: JobQueue;
    before(async () => {
      queue = await target.open();
    });
    after(async () => {
      await queue?.close();
      await target.cleanup();
    });

    /** The one job of `type` as `newsdesk jobs` lists it. */
    async function summary(type: string): Promise<JobSummary> {
      const jobs = await queue.list({ type });
      assert.equal(jobs.length, 1, `one ${type} job expected, found ${jobs.length}`);
      return jobs[0]!;
    }

    test('enqueue adds nothing while a job of the same type and key is pending', async () => {
      const type = uniqueType('poll-feed');
      assert.equal(await queue.enqueue({ type, key: 'feed:1', payload: { feedId: 1 } }), true);
      assert.equal(await queue.enqueue({ type, key: 'feed:1', payload: { feedId: 1 } }), false);
      assert.equal(await queue.enqueue({ type, key: 'feed:2', payload: { feedId: 2 } }), true, 'another key');
      assert.equal(await queue.enqueue({ type: uniqueType('other'), key: 'feed:1', payload: {} }), true, 'another type');
      assert.equal((await queue.list({ type, state: 'pending' })).length, 2);

      const first = await queue.claim([type]);
      assert.equal(first?.key, 'feed:1');
      assert.equal(await queue.enqueue({ type, key: 'feed:1', payload: { feedId: 1 } }), true, 'the next poll, queued while one runs');
      await queue.complete(first!);
      assert.equal(await queue.enqueue({ type, key: 'feed:1', payload: { feedId: 1 } }), false, 'the queued poll is still pending');
    });

    test("cancelWhere deletes a feed's waiting and parked jobs, leaves running ones and other feeds' alone", async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'a', payload: { url: 'a', feedId: 7 } });
      await queue.enqueue({ type, key: 'b', payload: { url: 'b', feedId: 7 }, runAt: new Date(Date.now() + HOUR) });
      await queue.enqueue({ type, key: 'c', payload: { url: 'c', feedId: 8 } });
      await queue.enqueue({ type, key: 'd', payload: { url: 'd', feedId: 7 }, maxAttempts: 1 });
      await queue.enqueue({ type, key: 'e', payload: { url: 'e', feedId: 7 } });
      const parked = await claimKey(type, 'd');
      assert.equal(await queue.fail(parked, { message: 'gone', permanent: true }), 'parked');
      const running = await claimKey(type, 'e');

      assert.equal(await queue.cancelWhere(type, 'feedId', 7), 3, 'a, b (not due yet) and d (parked)');
      const left = (await queue.list({ type })).map((job) => `${job.key}:${job.state}`).sort();
      assert.deepEqual(left, ['c:pending', 'e:running']);
      await queue.complete(running);
      await assert.rejects(queue.cancelWhere(type, "feedId') OR 1=1 --", 7), ValidationError);
    });

    /** Claims jobs of `type` until the one with `key` (others go back to waiting). */
    async function claimKey(type: string, key: string) {
      const others = [];
      for (;;) {
        const job = await queue.claim([type]);
        assert.ok(job, `no job ${key} to claim`);
        if (job.key === key) {
          for (const other of others) await queue.release(other);
          return job;
        }
        others.push(job);
      }
    }

    test('a done job does not hold its key: the same feed is polled again', async () => {
      const type = uniqueType('poll-feed');
      await queue.enqueue({ type, key: 'feed:1', payload: null });
      await queue.complete((await queue.claim([type]))!);
      assert.equal(await queue.enqueue({ type, key: 'feed:1', payload: null }), true);
    });

    test('a claim hands out the job due first, with its payload, and nothing not yet due', async () => {
      const type = uniqueType('fetch-article');
      const now = Date.now();
      await queue.enqueue({ type, key: 'late', payload: { n: 1 }, runAt: new Date(now - 1 * MINUTE) });
      await queue.enqueue({ type, key: 'early', payload: { n: 2, tags: ['a', 'b'] }, runAt: new Date(now - 3 * MINUTE) });
      await queue.enqueue({ type, key: 'middle', payload: { n: 3 }, runAt: new Date(now - 2 * MINUTE) });
      await queue.enqueue({ type, key: 'future', payload: { n: 4 }, runAt: new Date(now + HOUR) });

      const first = await queue.claim([type]);
      assert.deepEqual({ ...first, id: undefined }, { id: undefined, type, key: 'early', payload: { n: 2, tags: ['a', 'b'] }, attempt: 1 });
      assert.equal((await queue.claim([type]))?.key, 'middle');
      assert.equal((await queue.claim([type]))?.key, 'late');
      assert.equal(await queue.claim([type]), null, 'the future job is not due');
      assert.equal(await queue.claim([uniqueType('nothing-queued')]), null);
      const future = (await queue.list({ type, state: 'pending' }))[0]!;
      assert.equal(future.key, 'future');
      assert.ok(Date.parse(future.runAt) >= now + HOUR - 1000);
    });

    test('claims only the types asked for; dueTypes names the types with due jobs', async () => {
      const wanted = uniqueType('wanted');
      const other = uniqueType('other');
      const later = uniqueType('later');
      await queue.enqueue({ type: other, key: 'k', payload: null });
      await queue.enqueue({ type: later, key: 'k', payload: null, runAt: new Date(Date.now() + HOUR) });
      assert.equal(await queue.claim([wanted]), null);
      const due = await queue.dueTypes();
      assert.ok(due.includes(other));
      assert.ok(!due.includes(later));
      assert.equal((await queue.claim([wanted, other]))?.type, other);
    });

    test('complete marks the job done', async () => {
      const type = uniqueType('poll-feed');
      await queue.enqueue({ type, key: 'k', payload: null });
      const job = (await queue.claim([type]))!;
      assert.equal((await summary(type)).state, 'running');
      await queue.complete(job);
      const done = await summary(type);
      assert.equal(done.state, 'done');
      assert.equal(done.attempts, 1);
      assert.equal(await queue.claim([type]), null);
    });

    test('a failure is retried after a growing backoff, then parked with its last error', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'https://example.org/a', payload: null, maxAttempts: 3 });
      let job = (await queue.claim([type]))!;
      for (let attempt = 1; attempt < 3; attempt++) {
        assert.equal(job.attempt, attempt);
        const before = Date.now();
        assert.equal(await queue.fail(job, { message: `timeout ${attempt}` }), 'retry');
        const after = Date.now();
        const waiting = await summary(type);
        assert.equal(waiting.state, 'pending');
        assert.equal(waiting.attempts, attempt);
        assert.equal(waiting.lastError, `timeout ${attempt}`);
        const nominal = TEST_BACKOFF.baseMs * 2 ** (attempt - 1);
        const runAt = Date.parse(waiting.runAt);
        assert.ok(runAt >= before + minRetryDelayMs(attempt, TEST_BACKOFF) - 1, `retry ${attempt} too soon`);
        assert.ok(runAt <= after + nominal + 1, `retry ${attempt} too late`);
        job = await claimWhenDue(queue, [type]);
      }
      assert.equal(job.attempt, 3);
      assert.equal(await queue.fail(job, { message: 'timeout 3' }), 'parked');
      const parked = await summary(type);
      assert.equal(parked.state, 'parked');
      assert.equal(parked.attempts, 3);
      assert.equal(parked.lastError, 'timeout 3');
      assert.equal(await queue.claim([type]), null);
    });

    test('a permanent failure parks the job at once', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'k', payload: null });
      const job = (await queue.claim([type]))!;
      assert.equal(await queue.fail(job, { message: 'blocked: private address', permanent: true }), 'parked');
      const parked = await summary(type);
      assert.equal(parked.state, 'parked');
      assert.equal(parked.attempts, 1);
      assert.equal(parked.lastError, 'blocked: private address');
    });

    test("a server's Retry-After wins over a shorter backoff; a shorter one does not", async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'slow', payload: null });
      await queue.enqueue({ type, key: 'quick', payload: null });
      const slow = (await queue.claim([type]))!;
      const quick = (await queue.claim([type]))!;
      const before = Date.now();
      assert.equal(await queue.fail(slow, { message: '503', retryAfterMs: HOUR }), 'retry');
      assert.equal(await queue.fail(quick, { message: '503', retryAfterMs: 1 }), 'retry');
      const byKey = new Map((await queue.list({ type })).map((job) => [job.key, job]));
      assert.ok(Date.parse(byKey.get('slow')!.runAt) >= before + HOUR - 1);
      assert.ok(Date.parse(byKey.get('quick')!.runAt) >= before + minRetryDelayMs(1, TEST_BACKOFF) - 1);
      assert.ok(Date.parse(byKey.get('quick')!.runAt) < before + HOUR);
    });

    test('release puts the job back at once without counting the attempt', async () => {
      const type = uniqueType('poll-feed');
      await queue.enqueue({ type, key: 'k', payload: { feedId: 7 } });
      const first = (await queue.claim([type]))!;
      await queue.release(first);
      const released = await summary(type);
      assert.equal(released.state, 'pending');
      assert.equal(released.attempts, 0);
      assert.equal(await queue.enqueue({ type, key: 'k', payload: null }), false, 'a released job still holds its key');

      const again = (await queue.claim([type]))!;
      assert.equal(again.id, first.id);
      assert.equal(again.attempt, 1);
      assert.deepEqual(again.payload, { feedId: 7 });
      assert.equal(await queue.fail(again, { message: 'flaky' }), 'retry');
      const second = await claimWhenDue(queue, [type]);
      assert.equal(second.attempt, 2);
      await queue.release(second);
      assert.equal((await summary(type)).attempts, 1);
      assert.equal((await claimWhenDue(queue, [type])).attempt, 2);
    });

    test('a retry waiting holds its key: the poller cannot queue the same story around its backoff', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'k', payload: null });
      await queue.fail((await queue.claim([type]))!, { message: '503', retryAfterMs: HOUR });
      assert.equal(await queue.enqueue({ type, key: 'k', payload: null }), false);
    });

    test('retryParked gives parked jobs a fresh set of attempts, one or all', async () => {
      const type = uniqueType('fetch-article');
      for (const key of ['a', 'b', 'c']) await queue.enqueue({ type, key, payload: { key }, maxAttempts: 1 });
      for (let i = 0; i < 3; i++) await queue.fail((await queue.claim([type]))!, { message: 'gone' });
      assert.equal((await queue.list({ type, state: 'parked' })).length, 3);
      const one = (await queue.list({ type, state: 'parked' })).find((job) => job.key === 'b')!;

      assert.equal(await queue.retryParked(one.id), 1);
      assert.equal(await queue.retryParked(one.id), 0, 'no longer parked');
      assert.equal(await queue.retryParked('no-such-job'), 0);
      const retried = (await queue.claim([type]))!;
      assert.equal(retried.key, 'b');
      assert.equal(retried.attempt, 1);
      assert.equal(await queue.fail(retried, { message: 'still gone' }), 'parked', 'the same maxAttempts as before');

      assert.ok((await queue.retryParked()) >= 3);
      assert.equal((await queue.list({ type, state: 'parked' })).length, 0);
      assert.equal((await queue.list({ type, state: 'pending' })).length, 3);
    });

    test('counts and list show every state; list filters and limits', async () => {
      const type = uniqueType('mixed');
      const before = await queue.counts();
      for (const key of ['p1', 'p2', 'r', 'd', 'x']) await queue.enqueue({ type, key, payload: null, runAt: new Date(Date.now() - HOUR) });
      const claimed = [];
      for (let i = 0; i < 3; i++) claimed.push((await queue.claim([type]))!);
      await queue.complete(claimed[1]!);
      await queue.fail(claimed[2]!, { message: 'refused', permanent: true });
      const counts = await queue.counts();
      assert.deepEqual(Object.keys(counts).sort(), ['done', 'parked', 'pending', 'running']);
      assert.equal(counts.pending - before.pending, 2);
      assert.equal(counts.running - before.running, 1);
      assert.equal(counts.done - before.done, 1);
      assert.equal(counts.parked - before.parked, 1);

      const all = await queue.list({ type });
      assert.equal(all.length, 5);
      for (const job of all) {
        assert.equal(job.type, type);
        assert.equal(new Date(job.runAt).toISOString(), job.runAt);
        assert.equal(new Date(job.updatedAt).toISOString(), job.updatedAt);
      }
      assert.deepEqual((await queue.list({ type, state: 'parked' })).map((job) => job.lastError), ['refused']);
      assert.equal((await queue.list({ type, state: 'running' }))[0]!.id, claimed[0]!.id);
      assert.equal((await queue.list({ type, limit: 2 })).length, 2);
      assert.equal((await queue.list({ state: 'done', limit: 1 })).length, 1);
    });

    test('a lapsed lease makes the job claimable again, as a new attempt; the old holder has lost it', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'k', payload: null });
      const first = (await queue.claim([type], { leaseMs: 500 }))!;
      assert.equal(await queue.claim([type]), null, 'leased');
      const second = await claimWhenDue(queue, [type], { leaseMs: 30 });
      assert.equal(second.id, first.id);
      assert.equal(second.attempt, 2);
      assert.equal(await queue.extendLease(second, 60_000), true);

      assert.equal(await queue.extendLease(first, 60_000), false);
      assert.equal(await queue.fail(first, { message: 'late news from the old run' }), 'retry');
      const running = await summary(type);
      assert.equal(running.state, 'running', "the old run's failure does not touch the new run");
      assert.equal(running.lastError, LAPSED_LEASE_NOTE);
      await queue.complete(second);
      assert.equal((await summary(type)).state, 'done');
    });

    test('a lease that lapses on the last attempt parks the job instead of running it again', async () => {
      const type = uniqueType('fetch-article');
      await queue.enqueue({ type, key: 'k', payload: null, maxAttempts: 1 });
      await queue.claim([type], { leaseMs: 20 });
      const deadline = Date.now() + 10_000;
      while ((await summary(type)).state !== 'parked') {
        assert.equal(await queue.claim([type], { leaseMs: 20 }), null);
        assert.ok(Date.now() < deadline, 'the lapsed job was never parked');
        await delay(10);
      }
      assert.equal((await summary(type)).lastError, LAPSED_LAST_ATTEMPT_NOTE);
    });

    test('a heartbeat keeps the lease of the job it holds, and only that', async () => {
      const type = uniqueType('poll-feed');
      await queue.enqueue({ type, key: 'k', payload: null });
      const job = (await queue.claim([type]))!;
      assert.equal(await queue.extendLease(job, 60_000), true);
      assert.equal(await queue.extendLease({ ...job, attempt: 2 }, 60_000), false, 'not this attempt');
      await queue.complete(job);
      assert.equal(await queue.extendLease(job, 60_000), false, 'done');
    });

    test('a job that is not well formed is refused', async () => {
      await assert.rejects(queue.enqueue({ type: '', key: 'k', payload: null }), ValidationError);
      await assert.rejects(queue.enqueue({ type: 't', key: '', payload: null }), ValidationError);
      await assert.rejects(queue.enqueue({ type: 't', key: 'k', payload: null, maxAttempts: 0 }), ValidationError);
      await assert.rejects(queue.enqueue({ type: 't', key: 'k', payload: null, runAt: new Date(NaN) }), ValidationError);
    });
  });
}
