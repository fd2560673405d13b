export type {
  Job,
  JobFailure,
  JobHandler,
  JobOutcome,
  JobQueue,
  JobQueueOptions,
  JobSpec,
  JobState,
  JobSummary,
  RetryBackoff,
  WorkerOptions,
} from './types.ts';
export { JOB_STATES } from './types.ts';
export { openJobQueue } from './openJobQueue.ts';
export { runWorker } from './worker.ts';
export { jobFailureOf } from './jobFailure.ts';
export {
  DEFAULT_BACKOFF,
  DEFAULT_LEASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  minRetryDelayMs,
  retryDelayMs,
} from './retryPolicy.ts';
