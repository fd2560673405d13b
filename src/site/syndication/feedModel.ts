/**
 * One model for every feed we publish; writeFeed.ts writes it out in each format. Every URL in it is absolute
 * (feed readers have no page to resolve against), every time is ISO-8601 UTC, and every text (titles, names,
 * summary, category) is plain text: writeFeed makes it so, whatever was stored. Only contentHtml is HTML.
 */

/** FEED_CONTENT: whether an entry carries the whole article or only its summary and a link. */
export type FeedContent = 'full' | 'summary';

export interface SyndicatedArticle {
  /** Stable across edits and section moves (a tag: URI), so readers never show an article twice. */
  id: string;
  url: string;
  title: string;
  /** Plain text: the summary, else the dek, else the lede. */
  summary: string | null;
  /** The article as HTML, when the feed carries full content. */
  contentHtml: string | null;
  author: string | null;
  /** The section's name. */
  category: string;
  imageUrl: string | null;
  publishedAt: string;
  updatedAt: string;
}

export interface SyndicationFeed {
  title: string;
  description: string;
  /** The page this feed follows (home, a section front, a topic, story, author or source page). */
  pageUrl: string;
  /** Where each format of this feed is served, for self links. */
  feedUrls: Record<FeedFormat, string>;
  /** The newest change among the entries; when there are none, the time the feed was built. */
  updatedAt: string;
  language: string;
  /** Who publishes it: the site. */
  publisher: string;
  articles: SyndicatedArticle[];
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedFormatInfo {
  format: FeedFormat;
  /** The file name after a page's path: /rss.xml, /security/atom.xml, /topic/nato/feed.json. */
  file: string;
  contentType: string;
  /** How an autodiscovery <link> names it. */
  label: string;
}

export const FEED_FORMATS: readonly FeedFormatInfo[] = [
  { format: 'rss', file: 'rss.xml', contentType: 'application/rss+xml; charset=utf-8', label: 'RSS' },
  { format: 'atom', file: 'atom.xml', contentType: 'application/atom+xml; charset=utf-8', label: 'Atom' },
  { format: 'json', file: 'feed.json', contentType: 'application/feed+json; charset=utf-8', label: 'JSON Feed' },
];

/** The path of a page's feed: "/" + "rss.xml" → "/rss.xml"; "/security" → "/security/rss.xml". */
export function feedPath(pagePath: string, format: FeedFormat): string {
  const info = FEED_FORMATS.find((candidate) => candidate.format === format)!;
  return `${pagePath.replace(/\/+$/, '')}/${info.file}`;
}
