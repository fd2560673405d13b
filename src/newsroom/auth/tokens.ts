/**
 * Secrets handed to people (session cookies, one-time links) and the CSRF token of a session (ASVS 3.2.2, 4.2.2).
 * A token is given out once and only its hash is stored, so a copy of the database lets nobody sign in.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_BYTES = 32;

/** 256 random bits from the system's CSPRNG, base64url (43 characters, no padding): safe in a URL and a cookie. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * What to store and look a token up by: its SHA-256, hex. A plain hash (no salt, no work factor) is enough for
 * 256 random bits, which no one can guess, and it lets a token be found by an index.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The CSRF token for a session: HMAC-SHA256 under the site's CSRF secret of the session id's hash, base64url.
 * Bound to the session, so one stolen from another session is no use, and nothing to store. The secret should
 * serve this purpose alone.
 */
export function csrfTokenFor(secret: string, sessionIdHash: string): string {
  if (secret.length === 0) throw new Error('The CSRF secret is empty');
  return createHmac('sha256', secret).update(sessionIdHash, 'utf8').digest('base64url');
}

/** Whether `given` (from a form or header: anything) is this session's CSRF token, compared in constant time. */
export function csrfTokenMatches(secret: string, sessionIdHash: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionIdHash), 'utf8');
  const offered = Buffer.from(given, 'utf8');
  return offered.length === expected.length && timingSafeEqual(offered, expected);
}
