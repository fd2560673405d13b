import { NotFoundError, publishBlockers, ValidationError, type PublishedArticle } from '../../domain/index.ts';
import { nowOf, type CommandContext } from './context.ts';

export interface PublishOutcome {
  article: PublishedArticle;
  /** False when it was on the site already: nothing changed. */
  changed: boolean;
}

/**
 * Puts an article on the site: a draft, or one taken down before (its address then answers again). Refused,
 * with the reasons, when the publish checks fail. An article published before keeps its first publication time.
 */
export async function publishArticle(context: CommandContext, articleId: number): Promise<PublishOutcome> {
  const now = nowOf(context);
  const outcome = await context.store.transaction(async (store) => {
    const article = await store.articles.findById(articleId);
    if (!article) throw new NotFoundError(`no article ${articleId}`);
    if (article.status === 'published') return { article, changed: false };
    const blockers = publishBlockers(article, context.publishRules);
    if (blockers.length > 0) throw new ValidationError(`article ${articleId} cannot be published: ${blockers.join('; ')}`);
    const published = await store.articles.changeState(articleId, {
      workflowState: 'published',
      publishedAt: article.publishedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    });
    if (published.status !== 'published') throw new Error(`article ${articleId} did not go on the site`);
    return { article: published, changed: true };
  });
  if (outcome.changed) {
    await context.changes.publish({ articleId, section: outcome.article.section, outcome: 'published' });
  }
  return outcome;
}
