import { NotFoundError, type Feed } from '../../domain/index.ts';
import { FETCH_ARTICLE, POLL_FEED, type IngestContext } from './context.ts';

export interface RemovedFeed {
  feed: Feed;
  /** Polls and story fetches of the feed that were waiting (or parked) and will not run now. */
  jobsCancelled: number;
}

/**
 * Stops following a feed: its waiting polls and fetches are cancelled, so nothing of it is fetched or logged
 * again, then the feed goes. The stories it brought stay. A fetch already running finishes, and a fetch that
 * still finds its feed gone stores nothing (see fetchArticle).
 */
export async function removeFeed(context: Pick<IngestContext, 'store' | 'queue'>, feed: Feed): Promise<RemovedFeed> {
  const cancelled = await Promise.all([
    context.queue.cancelWhere(POLL_FEED, 'feedId', feed.id),
    context.queue.cancelWhere(FETCH_ARTICLE, 'feedId', feed.id),
  ]);
  if (!(await context.store.feeds.remove(feed.id))) throw new NotFoundError(`no feed ${feed.id}`);
  return { feed, jobsCancelled: cancelled[0] + cancelled[1] };
}
