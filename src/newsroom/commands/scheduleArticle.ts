import { ValidationError } from '../../domain/index.ts';
import { authorize } from '../policy.ts';
import type { Acting, CommandContext } from './context.ts';
import { moveArticle, mustPass, stateWords, type MoveOutcome } from './moveArticle.ts';

/** The job that publishes a scheduled article when it is due (see scheduledPublishing.ts). */
export const PUBLISH_SCHEDULED = 'publish-scheduled';

export interface PublishScheduledPayload {
  articleId: number;
}

/** How far ahead an article may be scheduled: a typo of a year should not hide a story for a decade. */
const MAX_AHEAD_MS = 366 * 24 * 3600_000;

/**
 * Schedules an article to go on the site at `at`: it must pass the publish checks now (so nothing fails unseen
 * at night), and a job on the queue publishes it when due, exactly once, whichever process runs it. Scheduling
 * again moves the time; the job of the old time is cancelled.
 */
export async function scheduleArticle(context: CommandContext, acting: Acting, articleId: number, at: Date): Promise<MoveOutcome> {
  // The policy first: someone who may not schedule is told so, not that the time or the queue is wrong.
  const found = await context.store.articles.findById(articleId);
  if (found) authorize(acting.actor, 'schedule', found);
  const jobs = context.jobs;
  if (!jobs) throw new Error('scheduling needs the job queue (CommandContext.jobs)');
  if (Number.isNaN(at.getTime())) throw new ValidationError('That is not a time to publish at.');
  const now = context.now?.() ?? new Date();
  if (at.getTime() - now.getTime() > MAX_AHEAD_MS) throw new ValidationError('An article can be scheduled at most a year ahead.');
  const outcome = await moveArticle(context, acting, articleId, {
    action: 'schedule',
    audited: 'article.scheduled',
    from: ['draft', 'in_review', 'scheduled', 'unpublished'],
    to: 'scheduled',
    refusal: (found) => `Article ${found.id} is ${stateWords(found.workflowState)}; only an article off the site can be scheduled.`,
    check: mustPass(context.publishRules, 'scheduled'),
    scheduledAt: at.toISOString(),
    details: { at: at.toISOString() },
  });
  await jobs.cancelWhere(PUBLISH_SCHEDULED, 'articleId', articleId);
  await jobs.enqueue<PublishScheduledPayload>({ type: PUBLISH_SCHEDULED, key: `article:${articleId}`, payload: { articleId }, runAt: at });
  return outcome;
}
