import type { ArticleDraft } from '../../domain/index.ts';
import { articleText } from '../articleText.ts';
import type { ClusterDocument } from './clusterer.ts';

/**
 * An article as the clusterer reads it: headline and paragraphs, and the names enrichment found. The same
 * text is fingerprinted whether the article is being placed or checked as a copy before it is stored, so a
 * copy and its original compare like with like.
 */
export function storyDocument(
  id: string,
  article: Pick<ArticleDraft, 'headline' | 'lede' | 'body' | 'publishedAt'>,
  entitySlugs?: string[],
): ClusterDocument {
  const text = articleText(article);
  return {
    id,
    title: text.headline,
    text: text.paragraphs.join('\n'),
    publishedAt: article.publishedAt,
    ...(entitySlugs && { entities: entitySlugs }),
  };
}
