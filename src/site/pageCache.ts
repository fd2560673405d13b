import { hash } from 'node:crypto';
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

export interface PreparedPage {
  body: Buffer;
  etag: string;
  /** Everything a 200 response carries, built once per page. */
  headers: Readonly<Record<string, string>>;
  /** What a 304 carries: the validator and the caching rules, no body. */
  notModifiedHeaders: Readonly<Record<string, string>>;
}

/** A strong validator from the bytes: equal pages get equal ETags in every process. */
export function etagOf(body: Buffer): string {
  return `"${hash('sha1', body, 'base64url')}"`;
}

export function preparePage(html: string, cacheControl = `public, max-age=${PAGE_MAX_AGE_SECONDS}`): PreparedPage {
  const body = Buffer.from(html, 'utf8');
  const etag = etagOf(body);
  return {
    body,
    etag,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(body.length),
      etag,
      'cache-control': cacheControl,
    },
    notModifiedHeaders: { etag, 'cache-control': cacheControl },
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

/** Sends a prepared page, or 304 when the client already holds these bytes. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: PreparedPage): FastifyReply {
  if (matchesIfNoneMatch(request.headers['if-none-match'], page.etag)) {
    return reply.code(304).headers(page.notModifiedHeaders).send();
  }
  return reply.code(200).headers(page.headers).send(page.body);
}
