/**
 * The one door out: every outbound HTTP request of Newsdesk goes through a Fetcher. Each hop of a request
 * passes the same gates in the same order, so a redirect gets no further than the URL it replaced:
 *
 *   URL check (urlPolicy) → DNS answer check, pinned (destination) → robots.txt (robots) → request (exchange)
 *
 * Limits hold for the whole request: at most maxRedirects hops, totalTimeoutMs from first lookup to last
 * byte, maxBytes of decompressed body.
 */
import { STATUS_CODES } from 'node:http';
import type { LookupFunction } from 'node:net';
import { ConfigError, FetchError } from '../../domain/index.ts';
import { resolveDestination } from './destination.ts';
import { readBody, sendRequest } from './exchange.ts';
import { parseRetryAfter } from './retryAfter.ts';
import { ROBOTS_MAX_BYTES, RobotsRules } from './robots.ts';
import { checkUrl, normalizeHostPort, whyUrlRefused, type UrlPolicy } from './urlPolicy.ts';

export interface FetcherOptions {
  /** Sent on every request, e.g. 'Newsdesk/0.1 (+https://example.org)'; its product token is matched in robots.txt. */
  userAgent: string;
  /** Cap on the decompressed body. Default 5 MB. */
  maxBytes?: number;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** The whole request: lookups, robots.txt, redirects and body. Default 30 s. */
  totalTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** dns.lookup-compatible resolver; tests inject a stub. Default dns.lookup. */
  lookup?: LookupFunction;
  /** 'host:port' pairs exempt from the address check. TEST ONLY (loopback test servers); production never sets it. */
  allowPrivateHosts?: readonly string[];
  /** Ports a URL may name. Default 80 and 443; the address check still applies on any port. */
  allowedPorts?: readonly number[];
  /** Default true. */
  respectRobots?: boolean;
}

export interface FetchRequest {
  url: string;
  /** Accept header. */
  accept?: string;
  /** → If-None-Match */
  etag?: string | null;
  /** → If-Modified-Since */
  lastModified?: string | null;
  /** Overrides the fetcher's maxBytes for this request. */
  maxBytes?: number;
  /** Aborting it rejects the fetch with the signal's reason. */
  signal?: AbortSignal;
}

export interface FetchResponse {
  /** Final URL, after redirects. */
  url: string;
  /** 200..299, or 304. */
  status: number;
  /** True on 304; the body is then empty. */
  notModified: boolean;
  /** Raw Content-Type header. */
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Decompressed bytes, not decoded: HTML and XML find their charset by different rules. */
  body: Buffer;
  /** ISO-8601 UTC. */
  fetchedAt: string;
}

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
}

export const DEFAULT_USER_AGENT = 'Newsdesk/0.1 (+https://github.com/newsdesk)';
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** The statuses whose Retry-After tells a poller when to come back (RFC 9110 §10.2.3). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);
const ACCEPT_ENCODING = 'gzip, deflate, br';

interface Settings extends UrlPolicy {
  userAgent: string;
  maxBytes: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxRedirects: number;
  lookup: LookupFunction | undefined;
}

interface Hops {
  /** null: this request skips robots.txt (it is the robots.txt request, or robots are off). */
  robots: RobotsRules | null;
  truncate: boolean;
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const settings = settingsFrom(options);
  const robotsLoader = (robotsUrl: URL) =>
    withDeadline(settings, robotsUrl.href, undefined, (signal) =>
      follow(settings, { url: robotsUrl.href, accept: 'text/plain', maxBytes: ROBOTS_MAX_BYTES }, signal, {
        robots: null,
        truncate: true,
      }),
    );
  const robots = options.respectRobots === false ? null : new RobotsRules(robotsLoader, settings.userAgent);
  return {
    fetch: (request) =>
      withDeadline(settings, request.url, request.signal, (signal) =>
        follow(settings, request, signal, { robots, truncate: false }),
      ),
  };
}

function settingsFrom(options: FetcherOptions): Settings {
  const userAgent = options.userAgent.trim();
  if (userAgent === '' || /[\r\n]/.test(userAgent)) {
    throw new ConfigError('userAgent must be one non-empty line naming the product and a contact URL');
  }
  // Validates the test-only list once, so a typo fails at start-up rather than as a puzzling refusal.
  options.allowPrivateHosts?.forEach(normalizeHostPort);
  return {
    userAgent,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    lookup: options.lookup,
    allowPrivateHosts: options.allowPrivateHosts,
    allowedPorts: options.allowedPorts,
  };
}

/** Runs `work` with a signal that aborts at the total time limit (reason: a 'timeout' FetchError) or with the caller's. */
async function withDeadline<T>(
  settings: Settings,
  url: string,
  callerSignal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    const message = `Gave up on ${url} after ${settings.totalTimeoutMs} ms (total time limit)`;
    deadline.abort(new FetchError(message, 'timeout', { url }));
  }, settings.totalTimeoutMs);
  const signal = callerSignal ? AbortSignal.any([deadline.signal, callerSignal]) : deadline.signal;
  try {
    return await work(signal);
  } finally {
    clearTimeout(timer);
  }
}

async function follow(settings: Settings, request: FetchRequest, signal: AbortSignal, hops: Hops): Promise<FetchResponse> {
  const first = checkUrl(request.url, settings);
  let url = first;
  for (let redirects = 0; ; redirects += 1) {
    const destination = await resolveDestination(url, settings.lookup, settings, signal);
    if (hops.robots) await hops.robots.assertAllowed(url, signal);
    // Validators belong to the origin that issued them; another origin gets an unconditional request.
    const conditional = url.origin === first.origin;
    const response = await sendRequest({
      url,
      destination,
      headers: requestHeaders(settings, request, conditional),
      connectTimeoutMs: settings.connectTimeoutMs,
      signal,
    });
    const status = response.statusCode ?? 0;

    if (REDIRECT_STATUSES.has(status)) {
      // The redirect's own body is never read; with one connection per request, closing it costs nothing.
      response.destroy();
      const next = redirectTarget(url, status, response.headers.location, settings);
      if (redirects >= settings.maxRedirects) {
        throw new FetchError(
          `Stopped at ${url.href}: more than ${settings.maxRedirects} redirects (started at ${first.href})`,
          'too-many-redirects',
          { url: url.href },
        );
      }
      url = next;
      continue;
    }
    const fetchedAt = new Date().toISOString();
    const head = {
      url: url.href,
      status,
      contentType: response.headers['content-type'] ?? null,
      etag: headerValue(response.headers.etag),
      lastModified: headerValue(response.headers['last-modified']),
      fetchedAt,
    };
    if (status === 304) {
      response.destroy();
      return { ...head, notModified: true, body: Buffer.alloc(0) };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw statusError(url, status, headerValue(response.headers['retry-after']));
    }
    const limits = { maxBytes: request.maxBytes ?? settings.maxBytes, truncate: hops.truncate };
    const body = await readBody(response, limits, url, signal);
    return { ...head, notModified: false, body };
  }
}

function requestHeaders(settings: Settings, request: FetchRequest, conditional: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    'accept-encoding': ACCEPT_ENCODING,
    accept: request.accept ?? '*/*',
  };
  if (conditional && request.etag) headers['if-none-match'] = request.etag;
  if (conditional && request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

/** The next hop's URL: Location resolved against the current URL, then put through the same URL check. */
function redirectTarget(from: URL, status: number, location: string | undefined, policy: UrlPolicy): URL {
  if (!location) {
    throw new FetchError(`${from.href} answered ${status} without a Location to follow`, 'http-status', {
      status,
      url: from.href,
    });
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError(`${from.href} redirects to ${JSON.stringify(location)}, which is not a URL`, 'bad-url', {
      url: from.href,
    });
  }
  const why = whyUrlRefused(next, policy);
  if (why !== null) {
    throw new FetchError(`Refused ${next.href} (redirected from ${from.href}): ${why}`, 'blocked', { url: next.href });
  }
  return next;
}

function statusError(url: URL, status: number, retryAfter: string | null): FetchError {
  const retryAfterMs = RETRY_AFTER_STATUSES.has(status) ? parseRetryAfter(retryAfter) ?? undefined : undefined;
  const reason = STATUS_CODES[status] ?? 'unexpected status';
  const retry = retryAfterMs === undefined ? '' : `; it asks us to retry in ${Math.ceil(retryAfterMs / 1000)} s`;
  return new FetchError(`${url.href} answered ${status} ${reason}${retry}`, 'http-status', {
    status,
    retryAfterMs,
    url: url.href,
  });
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}
