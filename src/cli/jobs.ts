import { InvalidArgumentError, type Command } from 'commander';
import { JOB_STATES, type JobState } from '../ingest/jobs/index.ts';
import { openIngest } from '../ingest/index.ts';
import { commandContext, withStore } from './context.ts';

export function configureJobs(command: Command): void {
  command
    .description('show ingest jobs: counts by state, and the jobs themselves (parked ones with their last error)')
    .option('--state <state>', `only jobs in this state (${JOB_STATES.join(', ')})`, parseState)
    .option('--limit <n>', 'at most this many jobs', (v) => parseLimit(v), 50)
    .option('--json', 'print JSON')
    .action(async (options: { state?: JobState; limit: number; json?: boolean }) => {
      const { config, log } = commandContext();
      await withStore(config, async (store) => {
        const { context, close } = await openIngest(config, store, log);
        try {
          const counts = await context.queue.counts();
          const jobs = await context.queue.list({ state: options.state, limit: options.limit });
          if (options.json) {
            console.log(JSON.stringify({ counts, jobs }, null, 2));
            return;
          }
          console.log(JOB_STATES.map((state) => `${state} ${counts[state]}`).join(' · '));
          for (const job of jobs) {
            const error = job.lastError ? `  — ${job.lastError}` : '';
            console.log(`${job.id}  ${job.state.padEnd(7)}  ${job.type.padEnd(13)}  try ${job.attempts}  ${job.key}${error}`);
          }
        } finally {
          await close();
        }
      });
    });

  command
    .command('retry')
    .argument('[id]', 'one parked job; all parked jobs when left out')
    .description('give parked jobs a fresh set of attempts')
    .action(async (id: string | undefined) => {
      const { config, log } = commandContext();
      await withStore(config, async (store) => {
        const { context, close } = await openIngest(config, store, log);
        try {
          const count = await context.queue.retryParked(id);
          console.log(`${count} job${count === 1 ? '' : 's'} back in the queue`);
        } finally {
          await close();
        }
      });
    });
}

function parseState(value: string): JobState {
  if (!(JOB_STATES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`use one of ${JOB_STATES.join(', ')}`);
  }
  return value as JobState;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new InvalidArgumentError('give 1 to 10000');
  return limit;
}
