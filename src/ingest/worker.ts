import type { Logger } from 'pino';
import { ValidationError } from '../domain/index.ts';
import { runWorker, type JobHandler } from './jobs/index.ts';
import { fetchArticle } from './polling/fetchArticle.ts';
import { pollFeed } from './polling/pollFeed.ts';
import { IngestRunTally, type IngestRunReport } from './runReport.ts';
import {
  FETCH_ARTICLE,
  POLL_FEED,
  type FetchArticlePayload,
  type IngestContext,
  type PollFeedPayload,
} from './polling/context.ts';

/** How often the poller looks for due feeds. A feed's own interval is minutes; this only bounds the lag. */
export const SCHEDULER_TICK_MS = 30_000;
/** Due feeds queued per tick; the rest wait for the next tick, so one tick never floods the queue. */
const FEEDS_PER_TICK = 200;

/** The job handlers of ingest, by job type; `tally`, when given, is told what each poll and fetch found. */
export function ingestHandlers(context: IngestContext, tally?: IngestRunTally): Record<string, JobHandler> {
  return {
    [POLL_FEED]: async (job) => {
      const outcome = await pollFeed(context, pollPayload(job.payload).feedId);
      tally?.polled(outcome);
    },
    [FETCH_ARTICLE]: async (job) => {
      const result = await fetchArticle(context, fetchPayload(job.payload));
      tally?.fetched(result);
    },
  };
}

/** Queues a poll for every feed that is due; returns how many were queued (a poll already queued is not). */
export async function queueDueFeeds(context: IngestContext): Promise<number> {
  const now = context.now?.() ?? new Date();
  let queued = 0;
  for (const feed of await context.store.feeds.due(now, FEEDS_PER_TICK)) {
    const payload: PollFeedPayload = { feedId: feed.id };
    if (await context.queue.enqueue({ type: POLL_FEED, key: `feed:${feed.id}`, payload })) queued += 1;
  }
  return queued;
}

export interface IngestWorkerOptions {
  context: IngestContext;
  concurrency: number;
  /** Stop: finish or release the jobs in hand, then resolve. */
  signal: AbortSignal;
  tickMs?: number;
  /** Called when no job is due (the queue is drained for now). */
  onIdle?: () => void;
  /** Called after each job, done or failed. */
  onJobDone?: () => void;
  /** Handlers of other job types run by the same worker (the newsroom's scheduled publishing). */
  moreHandlers?: Record<string, JobHandler>;
}

/** The poller and the fetch/extract jobs, until `signal` aborts: what `newsdesk worker` and `serve` run. */
export async function runIngestWorker(options: IngestWorkerOptions): Promise<void> {
  const { context, signal } = options;
  const tick = () =>
    queueDueFeeds(context).catch((error: unknown) => context.logger.error({ err: error }, 'could not queue due feeds'));
  await tick();
  const timer = setInterval(tick, options.tickMs ?? SCHEDULER_TICK_MS);
  try {
    await runWorker({
      queue: context.queue,
      handlers: countingHandlers({ ...options.moreHandlers, ...ingestHandlers(context) }, options.onJobDone),
      concurrency: options.concurrency,
      logger: context.logger,
      signal,
      ...(options.onIdle && { onIdle: options.onIdle }),
    });
  } finally {
    clearInterval(timer);
  }
}

export interface DrainReport extends IngestRunReport {
  jobsRun: number;
}

/**
 * Polls every due feed once and runs the fetch jobs that follow until none is left: `newsdesk ingest`.
 * `onProgress(done, total)` counts jobs; the total grows as polls find new stories.
 */
export async function ingestDueFeeds(
  context: IngestContext,
  options: {
    concurrency: number;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
    /** Handlers of other job types due meanwhile (scheduled publishing): run, not parked as unknown. */
    moreHandlers?: Record<string, JobHandler>;
  },
): Promise<DrainReport> {
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  let done = 0;
  const tally = new IngestRunTally();
  const report = async () => {
    if (!options.onProgress) return;
    const counts = await context.queue.counts();
    options.onProgress(done, done + counts.pending + counts.running);
  };
  await queueDueFeeds(context);
  await report();
  await runWorker({
    queue: context.queue,
    handlers: countingHandlers({ ...options.moreHandlers, ...ingestHandlers(context, tally) }, () => {
      done += 1;
      void report();
    }),
    concurrency: options.concurrency,
    logger: context.logger,
    signal: stop.signal,
    onIdle: () => stop.abort(),
    onSettled: (job, outcome) => tally.settled(outcome, job.type === FETCH_ARTICLE),
  });
  return { jobsRun: done, ...tally.result() };
}

function countingHandlers(handlers: Record<string, JobHandler>, onDone?: () => void): Record<string, JobHandler> {
  if (!onDone) return handlers;
  return Object.fromEntries(
    Object.entries(handlers).map(([type, handler]) => [
      type,
      (async (job, signal) => {
        try {
          await handler(job, signal);
        } finally {
          onDone();
        }
      }) satisfies JobHandler,
    ]),
  );
}

/** Payloads come back from the database: check them, and park a malformed one rather than retry it. */
function pollPayload(payload: unknown): PollFeedPayload {
  const feedId = (payload as Partial<PollFeedPayload> | null)?.feedId;
  if (!Number.isInteger(feedId)) throw new ValidationError(`malformed poll-feed payload: ${JSON.stringify(payload)}`);
  return { feedId: feedId! };
}

function fetchPayload(payload: unknown): FetchArticlePayload {
  const { url, feedId } = (payload ?? {}) as Partial<FetchArticlePayload>;
  if (typeof url !== 'string' || !(feedId === null || Number.isInteger(feedId))) {
    throw new ValidationError(`malformed fetch-article payload: ${JSON.stringify(payload)}`);
  }
  return { url, feedId: feedId ?? null };
}

