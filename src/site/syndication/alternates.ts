import { FEED_FORMATS, feedPath } from './feedModel.ts';

/** An autodiscovery link: <link rel="alternate" type=… href=… title=…> in a page's head. */
export interface FeedAlternate {
  type: string;
  href: string;
  title: string;
}

/**
 * The feeds that follow a page, one per format, for feed readers that find feeds from a page's address.
 * `name` says what the feed follows ("CRBC News", "Security — CRBC News").
 */
export function feedAlternates(pagePath: string, name: string): FeedAlternate[] {
  return FEED_FORMATS.map(({ format, contentType, label }) => ({
    type: contentType.split(';')[0]!,
    href: feedPath(pagePath, format),
    title: `${name} (${label})`,
  }));
}
