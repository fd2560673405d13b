import { ExtractError } from '../../domain/index.ts';
import { decodeHtml } from '../../extract/html/index.ts';
import { ingestPage, type PageIngestResult } from '../pages/ingestPage.ts';
import type { FetchArticlePayload, IngestContext } from './context.ts';

const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
/** Content types that can hold an article page; a PDF, image or JSON link in a feed is not one. */
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Fetches one story page, extracts it and stores it once. Throws FetchError (retried unless permanent)
 * or ExtractError (parked: the same bytes will not extract better on a second try). Null when the feed that
 * listed the story has been removed since: nobody follows it any more, so nothing is fetched.
 */
export async function fetchArticle(context: IngestContext, payload: FetchArticlePayload): Promise<PageIngestResult | null> {
  const { store, fetcher, logger } = context;
  const feed = payload.feedId === null ? null : ((await store.feeds.find(payload.feedId)) ?? null);
  if (payload.feedId !== null && !feed) {
    logger.info({ url: payload.url, feed: payload.feedId }, 'not fetched: its feed was removed');
    return null;
  }
  const response = await fetcher.fetch({ url: payload.url, accept: HTML_ACCEPT });
  if (response.contentType && !HTML_TYPES.test(response.contentType)) {
    throw new ExtractError(`${payload.url} is ${response.contentType.split(';')[0]}, not an HTML page`);
  }
  const result = await ingestPage(store, {
    url: response.url,
    listedUrl: payload.url,
    html: decodeHtml(response.body, response.contentType),
    fetchedAt: response.fetchedAt,
    feed,
    ...(context.publishRules && { publishRules: context.publishRules }),
  });
  logger.info(
    { url: payload.url, article: result.article.id, outcome: result.outcome },
    `${result.outcome} article ${result.article.id} from ${payload.url}`,
  );
  if (result.heldBack) logger.warn({ url: payload.url, article: result.article.id, reasons: result.heldBack }, 'kept as a draft, not published');
  if (result.outcome === 'created' || result.outcome === 'updated') {
    // The article is committed; a lost notice only delays it on cached pages by their TTL.
    await context.changes
      ?.publish({ articleId: result.article.id, section: result.article.section, outcome: result.outcome })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not announce the change to web processes'));
  }
  return result;
}
