import { ConflictError, SYSTEM_ACTORS } from '../../domain/index.ts';
import type { Job, JobHandler } from '../../ingest/jobs/index.ts';
import type { CommandContext } from './context.ts';
import { publishArticle } from './publishArticle.ts';
import { PUBLISH_SCHEDULED, type PublishScheduledPayload } from './scheduleArticle.ts';

/**
 * The scheduler's half: the job handler that publishes a scheduled article when it is due. It publishes only
 * what is still scheduled for a time now past, so a job of an old time (rescheduled, sent back, spiked) does
 * nothing, and two workers running it at once publish once (the state change is conditional).
 */
export function scheduledPublishingHandlers(context: CommandContext): Record<string, JobHandler> {
  return { [PUBLISH_SCHEDULED]: (job) => publishIfDue(context, job) };
}

async function publishIfDue(context: CommandContext, job: Job): Promise<void> {
  const { articleId } = job.payload as PublishScheduledPayload;
  const article = await context.store.articles.findById(articleId);
  if (article?.workflowState !== 'scheduled' || article.scheduledAt === null) return;
  const now = context.now?.() ?? new Date();
  if (new Date(article.scheduledAt) > now) {
    // Rescheduled later while this job waited: the job of the new time is queued already.
    return;
  }
  try {
    await publishArticle(context, { actor: SYSTEM_ACTORS.scheduler, address: null }, articleId);
  } catch (error) {
    // Another worker published it between our read and our write: done, once.
    if (!(error instanceof ConflictError)) throw error;
  }
}

/**
 * Articles still scheduled for a time long past (their job was lost with a wiped queue): queued again, so
 * nothing scheduled is ever silently stuck. Run at start-up by whoever runs the jobs.
 */
export async function requeueOverdue(context: CommandContext): Promise<number> {
  const jobs = context.jobs;
  if (!jobs) return 0;
  const scheduled = await context.store.articles.listForDesk({ workflowState: 'scheduled', limit: 1000, offset: 0 });
  let queued = 0;
  for (const article of scheduled) {
    const runAt = article.scheduledAt ? new Date(article.scheduledAt) : new Date();
    if (await jobs.enqueue<PublishScheduledPayload>({ type: PUBLISH_SCHEDULED, key: `article:${article.id}`, payload: { articleId: article.id }, runAt })) queued += 1;
  }
  return queued;
}

