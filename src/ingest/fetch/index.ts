/**
 * The SSRF-safe fetcher: all outbound HTTP of Newsdesk (feeds, article pages, robots.txt, images) goes through
 * `createFetcher(...).fetch(...)`.
 *
 * - Only http and https; no credentials in URLs; ports 80 and 443 unless `allowedPorts` says otherwise.
 * - Every DNS answer is checked (any non-public address refuses the request) and the socket connects to exactly
 *   the checked addresses; the same checks run on every redirect hop (at most `maxRedirects`).
 * - Body capped at `maxBytes` after decompression (gzip, deflate, br), streamed and cut off past the cap;
 *   connect and total time limits; robots.txt respected; a User-Agent on every request.
 * - Failures are FetchError values (src/domain/errors.ts) whose `failure` says what went wrong.
 *
 * The fetcher does NOT decode text: `body` is bytes and `contentType` the raw header, because HTML (BOM, then
 * Content-Type charset, then <meta charset> in the first 1024 bytes) and XML (BOM, then the XML declaration's
 * encoding, then Content-Type) find their charset by different rules; the extractor and the feed parser each
 * apply their own.
 */
export {
  createFetcher,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  type Fetcher,
  type FetcherOptions,
  type FetchRequest,
  type FetchResponse,
} from './fetcher.ts';
export { checkUrl, DEFAULT_ALLOWED_PORTS, type UrlPolicy } from './urlPolicy.ts';
export { isBlockedAddress } from './addressPolicy.ts';
export { parseRetryAfter } from './retryAfter.ts';
export { ROBOTS_MAX_BYTES } from './robots.ts';
