import type { ArticleDraft, BodySection } from '../domain/index.ts';

/**
 * An article's paragraphs in reading order, as enrichment sees them: the lede, then each body paragraph.
 * Summary sentences and timeline facts point into this list; the article page numbers its paragraphs the
 * same way (`#p-<index>`), so a pointer is also a link.
 */
export interface ArticleText {
  headline: string;
  paragraphs: string[];
  /** For each titled body section, the indexes of its paragraphs in `paragraphs`. */
  sections: { title: string | null; paragraphs: number[] }[];
  publishedAt: string | null;
}

export function articleText(article: Pick<ArticleDraft, 'headline' | 'lede' | 'body' | 'publishedAt'>): ArticleText {
  const paragraphs: string[] = article.lede ? [article.lede] : [];
  const sections = article.body.map((section: BodySection) => {
    const indexes: number[] = [];
    for (const block of section.blocks) {
      if (block.type !== 'paragraph') continue;
      indexes.push(paragraphs.length);
      paragraphs.push(block.text);
    }
    return { title: section.title, paragraphs: indexes };
  });
  return { headline: article.headline, paragraphs, sections, publishedAt: article.publishedAt };
}

/** True when the article arrived with titled sections of its own (the seed): they are kept as they are. */
export function hasOwnSections(text: ArticleText): boolean {
  return text.sections.some((section) => section.title !== null);
}
