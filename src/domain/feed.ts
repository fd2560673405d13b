import type { ArticleStatus } from './article.ts';

/** Fifteen minutes: news feeds change a few times an hour, and most publishers ask for no more than this. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 15 * 60;
/** A feed polled more often than once a minute burdens its publisher for news nobody can read that fast. */
export const MIN_POLL_INTERVAL_SECONDS = 60;

/** How the last poll of a feed went: new items or not, nothing changed (304), or it failed. */
export type FeedPollStatus = 'ok' | 'not-modified' | 'error';

/** A source Newsdesk follows: an RSS, RDF, Atom or JSON feed, and how its stories are filed. */
export interface Feed {
  id: number;
  url: string;
  /** The feed's own title, as of the last good poll. */
  title: string | null;
  siteUrl: string | null;
  /** Section slug the feed's stories are filed under; null lets each page's own section hint decide. */
  section: string | null;
  /** Credit shown on its stories; null falls back to the page's site name, then the feed title. */
  sourceName: string | null;
  /** Status of the articles the feed creates: drafts wait for an editor, published go straight out. */
  publishStatus: ArticleStatus;
  pollIntervalSeconds: number;
  /** Validators from the last answer, sent back so an unchanged feed costs a 304. */
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: FeedPollStatus | null;
  lastError: string | null;
  /** Failed polls in a row; drives the backoff and tells an operator a feed is sick. */
  errorStreak: number;
  /** Items in the feed at its last successful poll. */
  itemsSeen: number;
  createdAt: string;
}

export interface NewFeed {
  url: string;
  section: string | null;
  sourceName: string | null;
  publishStatus: ArticleStatus;
  pollIntervalSeconds: number;
}

/** What one poll found out, written back to the feed. */
export type FeedPollResult =
  | { status: 'ok'; title: string | null; siteUrl: string | null; etag: string | null; lastModified: string | null; itemsSeen: number; nextPollAt: string }
  | { status: 'not-modified'; nextPollAt: string }
  | { status: 'error'; error: string; nextPollAt: string };
