/**
 * When a feed is polled next. A healthy feed waits its own interval; a failing one backs off exponentially
 * so a dead or overloaded site is not hammered, and a server's Retry-After is honoured when it asks longer.
 */

export { DEFAULT_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../../domain/index.ts';
/** A feed that keeps failing is still tried once a day, so it heals by itself when the site comes back. */
export const MAX_BACKOFF_SECONDS = 24 * 60 * 60;

export function nextPollAfterSuccess(intervalSeconds: number, now: Date): Date {
  return new Date(now.getTime() + intervalSeconds * 1000);
}

/**
 * `errorStreak` counts this failure too (1 for the first). The first failure waits one interval, then 2×, 4×…
 * up to a day; Retry-After wins when it is longer.
 */
export function nextPollAfterError(
  intervalSeconds: number,
  errorStreak: number,
  now: Date,
  retryAfterMs: number | null = null,
): Date {
  const backoffSeconds = Math.min(intervalSeconds * 2 ** Math.max(0, errorStreak - 1), MAX_BACKOFF_SECONDS);
  const waitMs = Math.max(backoffSeconds * 1000, retryAfterMs ?? 0);
  return new Date(now.getTime() + Math.min(waitMs, MAX_BACKOFF_SECONDS * 1000));
}
