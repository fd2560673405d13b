import { NotFoundError, ValidationError, type DraftArticle } from '../../domain/index.ts';
import { nowOf, type CommandContext } from './context.ts';

export interface UnpublishOutcome {
  article: DraftArticle;
  /** False when it was off the site already: nothing changed. */
  changed: boolean;
}

/**
 * Takes an article off the site: its address answers 410 Gone, and it leaves every list, feed, sitemap and the
 * search index (they read only what is on the site) and, once the change is announced, every cached page.
 */
export async function unpublishArticle(context: CommandContext, articleId: number): Promise<UnpublishOutcome> {
  const now = nowOf(context);
  const outcome = await context.store.transaction(async (store) => {
    const article = await store.articles.findById(articleId);
    if (!article) throw new NotFoundError(`no article ${articleId}`);
    if (article.workflowState === 'unpublished') return { article, changed: false };
    if (article.status !== 'published') {
      throw new ValidationError(`article ${articleId} is not on the site (it is a ${article.workflowState.replace('_', ' ')}), so there is nothing to unpublish`);
    }
    const unpublished = await store.articles.changeState(articleId, {
      workflowState: 'unpublished',
      publishedAt: article.publishedAt,
      updatedAt: now.toISOString(),
    });
    if (unpublished.status !== 'draft') throw new Error(`article ${articleId} is still on the site`);
    return { article: unpublished, changed: true };
  });
  if (outcome.changed) {
    await context.changes.publish({ articleId, section: outcome.article.section, outcome: 'unpublished' });
  }
  return outcome;
}
