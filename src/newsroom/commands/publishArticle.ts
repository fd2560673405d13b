import type { PublishedArticle } from '../../domain/index.ts';
import type { Acting, CommandContext } from './context.ts';
import { moveArticle, mustPass, stateWords } from './moveArticle.ts';

export interface PublishOutcome {
  article: PublishedArticle;
  /** False when it was on the site already: nothing changed. */
  changed: boolean;
}

/**
 * Puts an article on the site now: a draft, one in review or scheduled, or one taken down before (its address
 * then answers again). Refused, with the reasons, when the publish checks fail. An article published before
 * keeps its first publication time.
 */
export async function publishArticle(context: CommandContext, acting: Acting, articleId: number): Promise<PublishOutcome> {
  const { article, changed } = await moveArticle(context, acting, articleId, {
    action: 'publish',
    audited: 'article.published',
    from: ['draft', 'in_review', 'scheduled', 'unpublished'],
    to: 'published',
    refusal: (found) => `Article ${found.id} is ${stateWords(found.workflowState)}; restore it before publishing it.`,
    check: mustPass(context.publishRules, 'published'),
    publishedAt: (found, now) => found.publishedAt ?? now.toISOString(),
  });
  if (article.status !== 'published') throw new Error(`article ${articleId} did not go on the site`);
  return { article, changed };
}
