/**
 * One model for every feed format. The adapters (rss.ts, atom.ts, rdf.ts, json.ts) map what feedsmith read into
 * these shapes; nothing downstream needs to know which format a source publishes.
 */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** One story as a feed announces it. */
export interface FeedItem {
  /** RSS guid / Atom id / JSON id, verbatim: an identifier, never resolved or rewritten. */
  guid: string | null;
  /** Absolute link to the article, resolved against xml:base and the feed's own URL. */
  url: string | null;
  /** Plain text with entities decoded and any markup dropped. */
  title: string | null;
  /** Teaser HTML, sanitised, relative links made absolute. */
  summaryHtml: string | null;
  /** Full body HTML when the feed carries it (content:encoded, atom:content, content_html), sanitised. */
  contentHtml: string | null;
  author: string | null;
  /** ISO-8601 UTC. */
  publishedAt: string | null;
  updatedAt: string | null;
  /** Lead picture: media:content/thumbnail, an image enclosure, JSON Feed image. */
  imageUrl: string | null;
  categories: string[];
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The publisher's home page, absolute. */
  link: string | null;
  language: string | null;
  items: FeedItem[];
  /** What was wrong with an ill-formed document that we still read on a best-effort basis. */
  warnings: string[];
}

export interface ParseFeedOptions {
  /** The document's own URL (after redirects, or its Content-Location): the base for relative links. */
  url: string;
  /** The HTTP Content-Type, whose charset (and type) take part in decoding. */
  contentType?: string | null;
}

/**
 * News feeds are tens to hundreds of kilobytes; the largest real ones we know of stay under 2 MB. Ten times that
 * leaves room for long full-text feeds while keeping one parse well inside the memory budget.
 */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

/**
 * A news feed lists its latest few dozen stories; past this many the rest are dropped (with a warning) so one
 * enormous archive feed cannot monopolise a worker.
 */
export const MAX_FEED_ITEMS = 2000;
