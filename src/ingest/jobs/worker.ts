/**
 * The worker loop behind `newsdesk worker`: claim due jobs up to `concurrency`, run each with its handler
 * while a heartbeat keeps its lease, and record the outcome — complete, or fail (retry or park). A job whose
 * type has no handler here is parked with an error saying so rather than left pending for ever.
 *
 * Stopping (SIGTERM → `signal` aborts): no new claims; jobs in hand get `graceMs` to finish, then their
 * handlers' signals abort and the jobs are released — back to pending, the attempt not counted — so another
 * worker (or this one, restarted) runs them. A kill -9 skips all that; the queue's recovery covers it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { jobFailureOf } from './jobFailure.ts';
import { DEFAULT_LEASE_MS } from './retryPolicy.ts';
import type { Job, JobFailure, JobOutcome, JobQueue, WorkerOptions } from './types.ts';

const DEFAULT_POLL_INTERVAL_MS = 1000;
const DEFAULT_GRACE_MS = 10_000;
/** Renewing three times per lease survives two missed beats (a slow database, a busy event loop). */
const HEARTBEATS_PER_LEASE = 3;
/** Jobs of unknown types parked per idle turn: bounded, so an endless stream of them cannot stall the loop. */
const STRAY_JOBS_PER_TURN = 100;

interface JobRun {
  job: Job;
  controller: AbortController;
  heartbeat: NodeJS.Timeout;
  /** The handler has returned or thrown; its outcome is being recorded and must not be cut short. */
  recording: boolean;
  /** Not ours to record any more: released at shutdown, or the lease went to another run. */
  letGo: boolean;
  renewing: boolean;
  settled: Promise<void>;
}

export async function runWorker(options: WorkerOptions): Promise<void> {
  const { queue, handlers, signal, logger: log, onIdle, onSettled } = options;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const types = Object.keys(handlers);
  const inHand = new Map<string, JobRun>();
  const wakeup = createWakeup(signal);

  function start(job: Job): void {
    const run: JobRun = {
      job,
      controller: new AbortController(),
      heartbeat: setInterval(() => void renewLease(run), Math.max(1, Math.floor(leaseMs / HEARTBEATS_PER_LEASE))),
      recording: false,
      letGo: false,
      renewing: false,
      settled: Promise.resolve(),
    };
    inHand.set(job.id, run);
    run.settled = execute(run)
      .catch((error: unknown) => {
        // The outcome could not be stored (database away): the lease lapses and the job runs again.
        log?.error({ err: error, job: job.id, type: job.type }, 'could not record a job outcome; it will run again');
      })
      .finally(() => {
        clearInterval(run.heartbeat);
        inHand.delete(job.id);
        wakeup.now();
      });
  }

  async function execute(run: JobRun): Promise<void> {
    const { job } = run;
    log?.debug({ job: job.id, type: job.type, attempt: job.attempt }, 'job started');
    let failure: JobFailure | null = null;
    try {
      await handlers[job.type]!(job, run.controller.signal);
    } catch (error) {
      failure = jobFailureOf(error);
    }
    if (run.letGo) return;
    run.recording = true;
    if (failure === null) {
      await queue.complete(job);
      log?.debug({ job: job.id, type: job.type }, 'job done');
      settled(job, { state: 'done' });
      return;
    }
    const outcome = await queue.fail(job, failure);
    const details = { job: job.id, type: job.type, key: job.key, attempt: job.attempt, error: failure.message };
    if (outcome === 'parked') log?.error(details, 'job parked');
    else log?.warn(details, 'job failed; retrying later');
    settled(job, { state: outcome, error: failure.message });
  }

  function settled(job: Job, outcome: JobOutcome): void {
    try {
      onSettled?.(job, outcome);
    } catch (error) {
      log?.error({ err: error }, 'the job outcome callback failed');
    }
  }

  async function renewLease(run: JobRun): Promise<void> {
    if (run.letGo || run.renewing) return;
    run.renewing = true;
    try {
      if (!(await queue.extendLease(run.job, leaseMs)) && !run.letGo && !run.recording) {
        run.letGo = true;
        clearInterval(run.heartbeat);
        log?.warn({ job: run.job.id, type: run.job.type }, 'job lease lost; another run owns it now');
        run.controller.abort(new Error('the job lease was lost to another run'));
      }
    } catch (error) {
      log?.warn({ err: error, job: run.job.id }, 'job heartbeat failed; trying again at the next beat');
    } finally {
      run.renewing = false;
    }
  }

  /** Due jobs of types this worker has no handler for are parked, with an error naming the missing handler. */
  async function parkStrayJobs(): Promise<void> {
    const strayTypes = (await queue.dueTypes()).filter((type) => !Object.hasOwn(handlers, type));
    for (let parked = 0; strayTypes.length > 0 && parked < STRAY_JOBS_PER_TURN && !signal.aborted; parked++) {
      const stray = await queue.claim(strayTypes, { leaseMs });
      if (!stray) return;
      const message = `no handler for job type "${stray.type}" in this worker (it runs: ${types.join(', ') || 'none'})`;
      await queue.fail(stray, { message, permanent: true });
      log?.error({ job: stray.id, type: stray.type, key: stray.key }, message);
    }
  }

  async function stopJobsInHand(): Promise<void> {
    if (inHand.size === 0) return;
    log?.info({ jobs: inHand.size, graceMs }, 'stopping: letting jobs in hand finish');
    const graceOver = new AbortController();
    await Promise.race([
      Promise.allSettled([...inHand.values()].map((run) => run.settled)),
      delay(graceMs, undefined, { signal: graceOver.signal }).catch(() => undefined),
    ]);
    graceOver.abort();
    const unfinished = [...inHand.values()];
    for (const run of unfinished) {
      if (run.recording) continue; // finished: its outcome is on its way to the database
      run.letGo = true;
      clearInterval(run.heartbeat);
      run.controller.abort(new Error('the worker is stopping'));
      try {
        await queue.release(run.job);
        log?.info({ job: run.job.id, type: run.job.type }, 'job released: it will run again');
      } catch (error) {
        log?.error({ err: error, job: run.job.id }, 'could not release a job; it runs again once its lease lapses');
      }
    }
    await Promise.allSettled(unfinished.filter((run) => run.recording).map((run) => run.settled));
  }

  function notifyIdle(): void {
    try {
      onIdle?.();
    } catch (error) {
      log?.error({ err: error }, 'the idle callback failed');
    }
  }

  while (!signal.aborted) {
    if (inHand.size >= concurrency) {
      await wakeup.wait(pollIntervalMs);
      continue;
    }
    let job: Job | null;
    try {
      job = await queue.claim(types, { leaseMs });
      if (!job) await parkStrayJobs();
    } catch (error) {
      log?.error({ err: error }, 'claiming jobs failed; trying again');
      await wakeup.wait(pollIntervalMs);
      continue;
    }
    if (job && signal.aborted) {
      await queue.release(job).catch((error: unknown) => log?.error({ err: error, job: job.id }, 'could not release a job'));
      break;
    }
    if (job) {
      start(job);
      continue;
    }
    if (inHand.size === 0) notifyIdle();
    await wakeup.wait(pollIntervalMs);
  }
  await stopJobsInHand();
}

/**
 * The loop's one place to sleep: until the poll interval passes, a job finishes (a slot is free) or the
 * worker is stopped. A wake-up that comes while the loop is busy is kept for its next sleep.
 */
function createWakeup(signal: AbortSignal) {
  let wake: (() => void) | null = null;
  let missed = false;
  return {
    wait(ms: number): Promise<void> {
      if (missed || signal.aborted) {
        missed = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wake = null;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        wake = done;
      });
    },
    now(): void {
      if (wake) wake();
      else missed = true;
    },
  };
}
