import { articlePath, type Article, type ArticleCard, type PublishedArticle, type Section } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { safeUrl } from '../format.ts';
import { articleHtml } from './articleHtml.tsx';
import { withoutXmlForbidden as clean } from './xmlText.ts';
import type { FeedContent, SyndicatedArticle } from './feedModel.ts';

/**
 * Feed entries for the articles of a page, newest first. Each article is read whole (one lookup by id): the
 * byline and the source credit are not on a card, and full-content feeds need the body. The feed routes keep
 * the result in the page cache, so this runs once per feed per cache lifetime, not per poll.
 */
export async function syndicatedArticles(
  store: Store,
  cards: readonly ArticleCard[],
  options: { siteUrl: string; content: FeedContent; sections: readonly Section[] },
): Promise<SyndicatedArticle[]> {
  const articles = await Promise.all(cards.map((card) => store.articles.findById(card.id)));
  const sectionNames = new Map(options.sections.map((section) => [section.slug, section.name]));
  return articles
    .filter((article): article is PublishedArticle => article?.status === 'published')
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)
    .map((article) => ({
      id: tagUri(options.siteUrl, article),
      url: `${options.siteUrl}${articlePath(article)}`,
      title: clean(article.headline),
      summary: summaryOf(article),
      contentHtml: options.content === 'full' ? clean(articleHtml(article, options.siteUrl)) : null,
      author: article.byline ? clean(article.byline).trim() || null : null,
      category: clean(sectionNames.get(article.section) ?? article.section),
      imageUrl: absoluteImage(article, options.siteUrl),
      publishedAt: article.publishedAt,
      updatedAt: laterOf(article.publishedAt, article.updatedAt),
    }));
}

/**
 * A tag: URI (RFC 4151) from the site's host, the day of publication and the article's id: unlike its address,
 * it survives a move to another section, so a reader that has shown the story never shows it again as new.
 */
export function tagUri(siteUrl: string, article: Pick<Article, 'id'> & { publishedAt: string }): string {
  return `tag:${new URL(siteUrl).hostname},${article.publishedAt.slice(0, 10)}:article-${article.id}`;
}

/** What a feed says in brief: the whole summary (a card cuts it to two lines; a feed entry has room). */
function summaryOf(article: Article): string | null {
  const text = article.summary ?? article.dek ?? article.lede;
  return text ? clean(text).trim() || null : null;
}

function absoluteImage(article: Article, siteUrl: string): string | null {
  const url = safeUrl(article.hero?.url);
  return url ? new URL(url, `${siteUrl}/`).href : null;
}

/** Imports may stamp updatedAt before a source's publication time; a feed must never say updated before published. */
function laterOf(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}
