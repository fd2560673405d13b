import { etagOf, type PreparedPage } from '../pageCache.ts';

/**
 * A feed, sitemap or robots.txt ready to write, in the page cache's shape so it shares the cache and sendPage's
 * ETag / 304 handling with pages: equal bytes get equal ETags in every process.
 */
export function prepareDocument(text: string, contentType: string, cacheControl: string): PreparedPage {
  const body = Buffer.from(text, 'utf8');
  const etag = etagOf(body);
  return {
    body,
    etag,
    headers: { 'content-type': contentType, 'content-length': String(body.length), etag, 'cache-control': cacheControl },
    notModifiedHeaders: { etag, 'cache-control': cacheControl },
  };
}
