import { hash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FEEDBACK_THANKS_PARAM, FEEDBACK_THANKS_VALUE, isFeedbackThanks } from './feedbackThanks.ts';

/**
 * Rendered pages, ready to write: the body as bytes and every header precomputed, so that a cache hit costs a
 * Map lookup and one write, close to a bare node:http server sending the same bytes.
 *
 * The cache is per process and short-lived on purpose: another process (an import, the newsroom, a second web
 * process) may change an article at any time and nothing tells this one, so an entry lives only TTL_MS and a
 * reader sees an edit within that time. Imports in the same process call clear() to show changes at once.
 */

/** Long enough to absorb a burst on a popular story; short enough that edits by other processes show soon. */
export const PAGE_CACHE_TTL_MS = 30_000;
/** About 1,000 pages of ~30 KB: tens of MB at most, whatever URLs clients invent. */
export const PAGE_CACHE_MAX_ENTRIES = 1_000;
/** Browsers and CDNs may reuse a page this long; after that they revalidate, usually getting a 304. */
export const PAGE_MAX_AGE_SECONDS = 60;
/**
 * Shared caches (a CDN) keep a page longer than browsers and may serve it stale while they refetch, or while
 * the site is down: an edit reaches them by a purge on its Surrogate-Key, not by waiting.
 */
export const PAGE_CACHE_CONTROL = `public, max-age=${PAGE_MAX_AGE_SECONDS}, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400`;
/** Smaller bodies gain nothing from compression that is worth its CPU and headers. */
const MIN_COMPRESSED_BYTES = 1_024;

export interface PreparedPage {
  body: Buffer;
  etag: string;
  /** Everything a 200 response carries, built once per page. */
  headers: Readonly<Record<string, string>>;
  /** What a 304 carries: the validator and the caching rules, no body. */
  notModifiedHeaders: Readonly<Record<string, string>>;
  /** When what the page shows last changed, as an HTTP date: answers If-Modified-Since. */
  lastModified?: string;
}

export interface PageMeta {
  cacheControl?: string;
  /** ISO time of the newest change the page shows. */
  lastModified?: string | null;
  /** What a CDN purges the page by when one of them changes: `article-12`, `section-world`, `home`. */
  surrogateKeys?: readonly string[];
}

/** A strong validator from the bytes: equal pages get equal ETags in every process. */
export function etagOf(body: Buffer): string {
  return `"${hash('sha1', body, 'base64url')}"`;
}

export function preparePage(html: string, meta: PageMeta = {}): PreparedPage {
  const body = Buffer.from(html, 'utf8');
  const etag = etagOf(body);
  const cacheControl = meta.cacheControl ?? PAGE_CACHE_CONTROL;
  const lastModified = meta.lastModified ? new Date(meta.lastModified).toUTCString() : undefined;
  const validators: Record<string, string> = { etag, 'cache-control': cacheControl };
  if (lastModified) validators['last-modified'] = lastModified;
  if (meta.surrogateKeys?.length) {
    // Fastly reads Surrogate-Key, Cloudflare Cache-Tag: one list, both names.
    validators['surrogate-key'] = meta.surrogateKeys.join(' ');
    validators['cache-tag'] = meta.surrogateKeys.join(',');
  }
  return {
    body,
    etag,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length), vary: 'accept-encoding', ...validators },
    notModifiedHeaders: validators,
    ...(lastModified && { lastModified }),
  };
}

/** Whether the client's If-None-Match names this ETag (weak or strong, in a list, or "*"). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

export interface PageCache {
  readonly enabled: boolean;
  readonly size: number;
  get(key: string): PreparedPage | undefined;
  set(key: string, page: PreparedPage): void;
  /** Forget every page, e.g. after an import in this process, so readers see the change at once. */
  clear(): void;
}

export interface PageCacheOptions {
  enabled: boolean;
  maxEntries?: number;
  ttlMs?: number;
  /** The clock, for tests. */
  now?: () => number;
  /** Also run by clear(): caches of derived pages (search results) that must go when the pages go. */
  onClear?: () => void;
}

interface Entry {
  page: PreparedPage;
  expiresAt: number;
}

/** A bounded LRU with a TTL. A Map keeps insertion order, so its first key is always the least recently used. */
export function createPageCache({
  enabled,
  maxEntries = PAGE_CACHE_MAX_ENTRIES,
  ttlMs = PAGE_CACHE_TTL_MS,
  now = Date.now,
  onClear,
}: PageCacheOptions): PageCache {
  const entries = new Map<string, Entry>();
  return {
    enabled,
    get size() {
      return entries.size;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      // Move to the most-recently-used end.
      entries.delete(key);
      entries.set(key, entry);
      return entry.page;
    },
    set(key, page) {
      if (!enabled) return;
      entries.delete(key);
      entries.set(key, { page, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    clear() {
      entries.clear();
      onClear?.();
    },
  };
}

/**
 * The cache key of a page request: its path, plus the page number on paginated fronts. Other query parameters
 * (utm_source, …) do not change the page, so they must not multiply cache entries.
 */
export function pageCacheKey(request: FastifyRequest): string {
  const url = request.url;
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const page = (request.query as { page?: unknown } | undefined)?.page;
  const path = url.slice(0, queryAt);
  // An article's thank-you variant (after a reader sent a note) is a page of its own.
  if (isFeedbackThanks(request.query)) return `${path}?${FEEDBACK_THANKS_PARAM}=${FEEDBACK_THANKS_VALUE}`;
  return page === undefined ? path : `${path}?page=${String(page)}`;
}

/** Sends a prepared page, or 304 when the client already holds it; compressed when the client accepts it. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: PreparedPage): FastifyReply {
  if (notModified(request, page)) return reply.code(304).headers(page.notModifiedHeaders).send();
  const encoding = page.body.length >= MIN_COMPRESSED_BYTES ? acceptedEncoding(request.headers['accept-encoding']) : null;
  if (!encoding) return reply.code(200).headers(page.headers).send(page.body);
  const compressed = compressedBody(page, encoding);
  return reply
    .code(200)
    .headers(page.headers)
    .headers({ 'content-encoding': encoding, 'content-length': String(compressed.length), vary: 'accept-encoding' })
    .send(compressed);
}

/** If-None-Match decides when sent (RFC 9110); otherwise If-Modified-Since against the page's Last-Modified. */
function notModified(request: FastifyRequest, page: PreparedPage): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) return matchesIfNoneMatch(ifNoneMatch, page.etag);
  const since = request.headers['if-modified-since'];
  if (!since || !page.lastModified) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && Date.parse(page.lastModified) <= sinceTime;
}

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts: brotli, then gzip; none when it names neither (or refuses both with q=0). */
export function acceptedEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Set(
    header
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

/** Compressed once per page and kept with it: a cached page costs its compression once, not per request. */
const compressedBodies = new WeakMap<PreparedPage, Partial<Record<Encoding, Buffer>>>();

function compressedBody(page: PreparedPage, encoding: Encoding): Buffer {
  let bodies = compressedBodies.get(page);
  if (!bodies) compressedBodies.set(page, (bodies = {}));
  return (bodies[encoding] ??=
    encoding === 'br'
      ? // Quality 5: most of brotli's gain at a small share of its top setting's time.
        brotliCompressSync(page.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: page.body.length } })
      : gzipSync(page.body, { level: 6 }));
}
