import type { Logger } from 'pino';
import type { ContentChanges, PublishRules } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { JobQueue } from '../jobs/index.ts';

/** What the ingest jobs need: where to store, how to fetch, where to queue follow-up work. */
export interface IngestContext {
  store: Store;
  fetcher: Fetcher;
  queue: JobQueue;
  logger: Logger;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Told of every article stored or updated, so web processes drop cached pages at once. */
  changes?: ContentChanges;
  /** What a story needs before a feed's `--publish` puts it on the site (default: DEFAULT_PUBLISH_RULES). */
  publishRules?: PublishRules;
}

export const POLL_FEED = 'poll-feed';
export const FETCH_ARTICLE = 'fetch-article';

export interface PollFeedPayload {
  feedId: number;
}

export interface FetchArticlePayload {
  url: string;
  feedId: number | null;
}
