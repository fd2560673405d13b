import { FeedError, FetchError, type Feed } from '../../domain/index.ts';
import { stripTrackingParams } from '../../extract/html/index.ts';
import { parseFeed, type FeedItem } from '../feeds/index.ts';
import { FETCH_ARTICLE, type FetchArticlePayload, type IngestContext } from './context.ts';
import { nextPollAfterError, nextPollAfterSuccess } from './schedule.ts';

/** Every type feeds are served as, most specific first; some servers send RSS only when asked for it. */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';

/** A feed lists its newest stories; more than this in one document is an archive, not a feed to follow. */
export const MAX_ITEMS_PER_POLL = 500;

export type PollOutcome =
  | { status: 'ok'; items: number; queued: number }
  | { status: 'not-modified' }
  | { status: 'error'; error: string }
  | { status: 'gone' };

/**
 * Polls one feed: a conditional GET, then a fetch job for every story not stored yet (or updated since we
 * fetched it). A feed that fails keeps its validators and items and records why; the schedule backs off.
 * Only errors of the source (fetch, parse) are recorded here; anything else is thrown for the job to retry.
 */
export async function pollFeed(context: IngestContext, feedId: number): Promise<PollOutcome> {
  const { store, fetcher, logger } = context;
  const now = () => context.now?.() ?? new Date();
  const feed = await store.feeds.find(feedId);
  if (!feed) return { status: 'gone' };

  let outcome: PollOutcome;
  try {
    const response = await fetcher.fetch({
      url: feed.url,
      accept: FEED_ACCEPT,
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
    if (response.notModified) {
      await store.feeds.recordPoll(feed.id, { status: 'not-modified', nextPollAt: nextPoll(feed, now()) }, now());
      outcome = { status: 'not-modified' };
    } else {
      const parsed = parseFeed(response.body, { url: response.url, contentType: response.contentType });
      const items = parsed.items.slice(0, MAX_ITEMS_PER_POLL);
      const queued = await queueNewStories(context, feed, items);
      await store.feeds.recordPoll(
        feed.id,
        {
          status: 'ok',
          title: parsed.title,
          siteUrl: parsed.link,
          etag: response.etag,
          lastModified: response.lastModified,
          itemsSeen: parsed.items.length,
          nextPollAt: nextPoll(feed, now()),
        },
        now(),
      );
      outcome = { status: 'ok', items: items.length, queued };
    }
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof FeedError)) throw error;
    const retryAfterMs = error instanceof FetchError ? (error.details.retryAfterMs ?? null) : null;
    const nextPollAt = nextPollAfterError(feed.pollIntervalSeconds, feed.errorStreak + 1, now(), retryAfterMs);
    await store.feeds.recordPoll(feed.id, { status: 'error', error: error.message, nextPollAt: nextPollAt.toISOString() }, now());
    outcome = { status: 'error', error: error.message };
  }
  logger.info({ feed: feed.url, ...outcome }, `polled ${feed.url}: ${outcome.status}`);
  return outcome;
}

function nextPoll(feed: Feed, now: Date): string {
  return nextPollAfterSuccess(feed.pollIntervalSeconds, now).toISOString();
}

/** Queues a fetch for each story we do not have, or have in an older version than the feed says exists. */
async function queueNewStories(context: IngestContext, feed: Feed, items: readonly FeedItem[]): Promise<number> {
  let queued = 0;
  const seen = new Set<string>();
  for (const item of items) {
    if (!item.url) continue; // nothing to fetch; a story needs a page
    const url = stripTrackingParams(item.url);
    if (seen.has(url)) continue; // listed twice in one feed
    seen.add(url);
    if (await isCurrent(context, url, item)) continue;
    const payload: FetchArticlePayload = { url, feedId: feed.id };
    if (await context.queue.enqueue({ type: FETCH_ARTICLE, key: url, payload })) queued += 1;
  }
  return queued;
}

async function isCurrent(context: IngestContext, url: string, item: FeedItem): Promise<boolean> {
  const { articles } = context.store;
  const stored = (await articles.findBySourceKey(`url:${url}`)) ?? (await articles.findByCanonicalUrl(url));
  if (!stored?.provenance) return false;
  const changedAt = item.updatedAt ?? item.publishedAt;
  return changedAt === null || changedAt <= stored.provenance.fetchedAt;
}
