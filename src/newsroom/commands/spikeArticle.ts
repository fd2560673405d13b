import type { Acting, CommandContext } from './context.ts';
import { moveArticle, stateWords, type MoveOutcome } from './moveArticle.ts';

/**
 * Spikes an article: a delete that can be undone. It leaves every newsroom list (but the spiked one) and, if it
 * was on the site, the site too (its address answers 410 Gone, like an unpublished article's).
 */
export async function spikeArticle(context: CommandContext, acting: Acting, articleId: number): Promise<MoveOutcome> {
  return moveArticle(context, acting, articleId, {
    action: 'spike',
    audited: 'article.spiked',
    from: ['draft', 'in_review', 'scheduled', 'published', 'unpublished'],
    to: 'spiked',
    refusal: (found) => `Article ${found.id} is ${stateWords(found.workflowState)}.`,
  });
}

/**
 * Brings a spiked article back: as a draft if it was not on the site when it was spiked, else as unpublished, so
 * restoring never puts anything in front of readers by itself (publishing it again is a decision of its own).
 */
export async function restoreArticle(context: CommandContext, acting: Acting, articleId: number): Promise<MoveOutcome> {
  return moveArticle(context, acting, articleId, {
    action: 'restore',
    audited: 'article.restored',
    from: ['spiked'],
    to: (await stateBeforeSpike(context, articleId)) === 'draft' ? 'draft' : 'unpublished',
    refusal: (article) => `Article ${article.id} is not spiked (it is ${stateWords(article.workflowState)}).`,
  });
}

/** Where the article stood when it was last spiked, as the audit log recorded it. */
async function stateBeforeSpike(context: CommandContext, articleId: number): Promise<'draft' | 'unpublished'> {
  const [spiked] = await context.store.audit.list({ action: 'article.spiked', targetType: 'article', targetId: String(articleId), limit: 1, offset: 0 });
  const from = spiked?.details.from;
  return from === 'published' || from === 'unpublished' ? 'unpublished' : 'draft';
}
