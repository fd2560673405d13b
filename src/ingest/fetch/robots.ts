/**
 * robots.txt (RFC 9309), read once per origin and kept for a while, so polling a feed every few minutes does
 * not cost a second request each time. What an answer means:
 *   2xx          the rules apply (parsed by robots-parser, matched on our User-Agent's product token);
 *   4xx          there are no rules: everything is allowed;
 *   5xx, 429, no answer (network, timeout)
 *                the site may be down; RFC 9309 says treat that as "disallow everything" for now. We fail the
 *                fetch with a retryable error (not 'robots', which callers take as final), remembered briefly.
 *   redirect loop / too many redirects
 *                RFC 9309 lets a crawler treat that as unavailable: allowed.
 */
import robotsParserModule from 'robots-parser';
import { FetchError } from '../../domain/index.ts';

/** What a fetch of /robots.txt gave back, as much of it as the robots rules need. */
export interface RobotsAnswer {
  status: number;
  body: Buffer;
}

export type RobotsLoader = (robotsUrl: URL) => Promise<RobotsAnswer>;

/** RFC 9309 asks crawlers to parse at least 500 KiB; longer files are cut there. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** Rules change rarely; an hour keeps us current without asking before every poll. */
const RULES_TTL_MS = 60 * 60 * 1000;
/** An unreachable robots.txt is asked again soon: the site may be back in minutes. */
const UNREACHABLE_TTL_MS = 5 * 60 * 1000;
/** Origins remembered at most; the least recently used is forgotten first. */
const MAX_ORIGINS = 1000;

// robots-parser is CommonJS (module.exports = function), but its typings declare an ES default export, which
// TypeScript then looks for one level down. At run time the default import already is the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robot = ReturnType<typeof robotsParser>;

type Verdict = { kind: 'rules'; robot: Robot } | { kind: 'allow-all' } | { kind: 'unreachable'; error: FetchError };

interface Entry {
  verdict: Promise<Verdict>;
  expiresAt: number;
}

export class RobotsRules {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly userAgent: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws FetchError 'robots' when robots.txt disallows `url` for our User-Agent. */
  async assertAllowed(url: URL, signal: AbortSignal): Promise<void> {
    if (url.pathname === '/robots.txt') return;
    const verdict = await abortable(this.verdictFor(url.origin), signal);
    if (verdict.kind === 'allow-all') return;
    if (verdict.kind === 'unreachable') throw verdict.error;
    // robots-parser answers undefined for another origin's URL; verdictFor keys by origin, so that cannot be.
    if (verdict.robot.isAllowed(url.href, this.userAgent) === false) {
      const line = verdict.robot.getMatchingLineNumber(url.href, this.userAgent);
      throw new FetchError(
        `Refused ${url.href}: ${url.origin}/robots.txt disallows it for our User-Agent (line ${line})`,
        'robots',
        { url: url.href },
      );
    }
  }

  private verdictFor(origin: string): Promise<Verdict> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.now()) {
      // Re-inserting moves the origin to the end of the Map's order: the most recently used.
      this.entries.delete(origin);
      this.entries.set(origin, cached);
      return cached.verdict;
    }
    // Until it settles, the entry never expires, so concurrent fetches of one origin share a single request.
    const entry: Entry = { verdict: this.ask(origin), expiresAt: Number.POSITIVE_INFINITY };
    entry.verdict.then(
      (verdict) => {
        entry.expiresAt = this.now() + (verdict.kind === 'unreachable' ? UNREACHABLE_TTL_MS : RULES_TTL_MS);
      },
      // Only a bug throws anything but a FetchError here; forget the entry so the next fetch asks afresh.
      () => {
        if (this.entries.get(origin) === entry) this.entries.delete(origin);
      },
    );
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    while (this.entries.size > MAX_ORIGINS) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry.verdict;
  }

  private async ask(origin: string): Promise<Verdict> {
    const robotsUrl = new URL('/robots.txt', origin);
    try {
      const answer = await this.load(robotsUrl);
      if (answer.status >= 200 && answer.status < 300) {
        return { kind: 'rules', robot: robotsParser(robotsUrl.href, answer.body.toString('utf8')) };
      }
      return { kind: 'allow-all' };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      return verdictForFailure(error, robotsUrl);
    }
  }
}

function verdictForFailure(error: FetchError, robotsUrl: URL): Verdict {
  const status = error.details.status;
  switch (error.failure) {
    case 'http-status':
      if (status !== undefined && status !== 429 && status < 500) return { kind: 'allow-all' };
      return unreachable(error, robotsUrl, `it answered ${status}`);
    case 'too-many-redirects':
      return { kind: 'allow-all' };
    case 'network':
    case 'timeout':
      return unreachable(error, robotsUrl, error.message);
    default:
      // 'blocked' or 'bad-url': robots.txt (perhaps after a redirect) points somewhere we never go. Say so.
      return { kind: 'unreachable', error };
  }
}

function unreachable(error: FetchError, robotsUrl: URL, why: string): Verdict {
  const message = `Not fetching from ${robotsUrl.origin} for now: its robots.txt could not be read (${why})`;
  return {
    kind: 'unreachable',
    error: new FetchError(message, error.failure, { ...error.details, url: robotsUrl.href }),
  };
}

/** Waits for `promise`, but gives up (with the signal's reason) when `signal` aborts first. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
