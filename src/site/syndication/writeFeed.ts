import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import type { FeedFormat, SyndicatedArticle, SyndicationFeed } from './feedModel.ts';
import { cdataAsEscapedText, feedText } from './xmlText.ts';

/** Named in each feed so a reader's support can tell whose output it is. */
const GENERATOR = 'Newsdesk';

/**
 * A feed in one format, as the text to serve. feedsmith builds the document; we choose what goes where, keep
 * every text field plain text and send it as escaped text, not as CDATA (see cdataAsEscapedText). Only an
 * entry's content and an RSS item's description, which are HTML by definition, carry markup: our own rendering
 * of plain text.
 */
export function writeFeed(feed: SyndicationFeed, format: FeedFormat): string {
  const plain = withPlainText(feed);
  switch (format) {
    case 'rss':
      return cdataAsEscapedText(rssDocument(plain));
    case 'atom':
      return cdataAsEscapedText(atomDocument(plain));
    case 'json':
      return `${JSON.stringify(jsonFeedDocument(plain), null, 2)}\n`;
  }
}

/** The feed with its text fields as plain text (xmlText.ts feedText), whoever built it from whatever is stored. */
function withPlainText(feed: SyndicationFeed): SyndicationFeed {
  return {
    ...feed,
    title: feedText(feed.title),
    description: feedText(feed.description),
    publisher: feedText(feed.publisher),
    articles: feed.articles.map(withPlainArticleText),
  };
}

function withPlainArticleText(article: SyndicatedArticle): SyndicatedArticle {
  const orNull = (text: string | null) => (text === null ? null : feedText(text) || null);
  return {
    ...article,
    // A headline that was nothing but markup (stored before headlines were kept plain) still needs a title.
    title: feedText(article.title) || article.url,
    summary: orNull(article.summary),
    author: orNull(article.author),
    category: feedText(article.category),
  };
}

/**
 * RSS 2.0. An item's <description> is HTML by convention, so the plain-text summary is escaped into a paragraph
 * (a summary that says "1 < 2" must reach the reader as those characters). The guid is the stable tag: id,
 * not the link, because an article's address changes when an editor moves it to another section.
 */
function rssDocument(feed: SyndicationFeed): string {
  return generateRssFeed({
    title: feed.title,
    link: feed.pageUrl,
    description: feed.description,
    language: feed.language,
    generator: GENERATOR,
    lastBuildDate: new Date(feed.updatedAt),
    atom: { links: [{ href: feed.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }] },
    items: feed.articles.map((article) => ({
      title: article.title,
      link: article.url,
      guid: { value: article.id, isPermaLink: false },
      pubDate: new Date(article.publishedAt),
      description: paragraphOf(article.summary ?? article.title),
      categories: [{ name: article.category }],
      ...(article.author ? { dc: { creators: [article.author] } } : {}),
      ...(article.contentHtml ? { content: { encoded: article.contentHtml } } : {}),
    })),
  });
}

/** Atom 1.0. The feed names the site as author, so entries without a byline are still valid Atom. */
function atomDocument(feed: SyndicationFeed): string {
  return generateAtomFeed({
    id: feed.pageUrl,
    title: { value: feed.title, type: 'text' },
    subtitle: { value: feed.description, type: 'text' },
    updated: new Date(feed.updatedAt),
    authors: [{ name: feed.publisher }],
    generator: { text: GENERATOR },
    links: [
      { href: feed.pageUrl, rel: 'alternate', type: 'text/html' },
      { href: feed.feedUrls.atom, rel: 'self', type: 'application/atom+xml' },
    ],
    entries: feed.articles.map((article) => ({
      id: article.id,
      title: { value: article.title, type: 'text' },
      links: [{ href: article.url, rel: 'alternate', type: 'text/html' }],
      published: new Date(article.publishedAt),
      updated: new Date(article.updatedAt),
      categories: [{ term: article.category }],
      ...(article.summary ? { summary: { value: article.summary, type: 'text' } } : {}),
      ...(article.author ? { authors: [{ name: article.author }] } : {}),
      ...(article.contentHtml ? { content: { value: article.contentHtml, type: 'html' } } : {}),
    })),
  });
}

/** JSON Feed 1.1: an item needs content_html or content_text, so a summary-only item carries its summary as text. */
function jsonFeedDocument(feed: SyndicationFeed): unknown {
  return generateJsonFeed({
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher }],
    items: feed.articles.map((article) => ({
      id: article.id,
      url: article.url,
      title: article.title,
      ...(article.contentHtml
        ? { content_html: article.contentHtml }
        : { content_text: article.summary ?? article.title }),
      ...(article.summary ? { summary: article.summary } : {}),
      ...(article.imageUrl ? { image: article.imageUrl } : {}),
      date_published: new Date(article.publishedAt),
      date_modified: new Date(article.updatedAt),
      tags: [article.category],
      ...(article.author ? { authors: [{ name: article.author }] } : {}),
    })),
  });
}

function paragraphOf(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

