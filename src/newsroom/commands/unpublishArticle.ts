import type { DraftArticle } from '../../domain/index.ts';
import type { Acting, CommandContext } from './context.ts';
import { moveArticle, stateWords } from './moveArticle.ts';

export interface UnpublishOutcome {
  article: DraftArticle;
  /** False when it was off the site already: nothing changed. */
  changed: boolean;
}

/**
 * Takes an article off the site: its address answers 410 Gone, and it leaves every list, feed, sitemap and the
 * search index (they read only what is on the site) and, once the change is announced, every cached page.
 */
export async function unpublishArticle(context: CommandContext, acting: Acting, articleId: number): Promise<UnpublishOutcome> {
  const { article, changed } = await moveArticle(context, acting, articleId, {
    action: 'unpublish',
    audited: 'article.unpublished',
    from: ['published'],
    to: 'unpublished',
    refusal: (found) => `Article ${found.id} is not on the site (it is ${stateWords(found.workflowState)}), so there is nothing to unpublish.`,
  });
  if (article.status !== 'draft') throw new Error(`article ${articleId} is still on the site`);
  return { article, changed };
}
