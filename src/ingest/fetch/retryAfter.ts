/**
 * Retry-After (RFC 9110 §10.2.3) is either a number of seconds or an HTTP-date. A server that sends it with 429
 * or 503 is telling the poller when to come back; honouring it is the polite thing and avoids bans.
 */

const MS_PER_SECOND = 1000;
const DELAY_SECONDS = /^\d+$/;

/** The delay Retry-After asks for, in milliseconds (0 for a date already past), or null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (DELAY_SECONDS.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds * MS_PER_SECOND) ? seconds * MS_PER_SECOND : null;
  }
  // A bare number that is not a whole count of seconds ("1.5", "-3") is malformed, not a date.
  if (/^[-+\d.]+$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
