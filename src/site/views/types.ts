import type { Section } from '../../domain/index.ts';
import type { FeedAlternate } from '../syndication/alternates.ts';
import type { JsonLd } from './structuredData.ts';

/** What every page knows about the site it belongs to. */
export interface SiteInfo {
  name: string;
  /** Public origin without a trailing slash ("https://news.example.com"), for canonical and OpenGraph URLs. */
  url: string;
}

/** The page-specific part of <head>. */
export interface PageHead {
  /** The full <title>; pages build it as "<what> — <site name>". */
  title: string;
  description?: string | null;
  /** Path of the page's canonical URL ("/security?page=2"); made absolute with SiteInfo.url. */
  canonicalPath?: string;
  prevPath?: string | null;
  nextPath?: string | null;
  /** OpenGraph and article:* properties, in order: [property, content]. */
  openGraph?: ReadonlyArray<readonly [string, string]>;
  /** schema.org objects for search engines, each in its own application/ld+json block. */
  jsonLd?: readonly JsonLd[];
  /** Feeds that follow this page, for feed readers' autodiscovery (<link rel="alternate">). */
  feeds?: readonly FeedAlternate[];
}

/** What the chrome around every page shows: the section nav and, when on one, which section is current. */
export interface Chrome {
  site: SiteInfo;
  sections: readonly Section[];
  currentSection?: string;
}
