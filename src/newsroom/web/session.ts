import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import { csrfTokenFor, csrfTokenMatches, hashToken, newToken } from '../auth/index.ts';

/**
 * The newsroom's cookies. The session cookie holds a random 256-bit id (the database keeps only its hash);
 * HttpOnly, SameSite=Lax, and on https Secure with the `__Host-` prefix (bound to this host, path /). A person not
 * signed in gets a form cookie instead, so the sign-in, reset and set-up forms carry a token too (login CSRF).
 */
export interface CookieNames {
  session: string;
  form: string;
  secure: boolean;
}

export function cookieNames(siteUrl: string): CookieNames {
  const secure = siteUrl.startsWith('https:');
  return secure
    ? { session: '__Host-newsdesk_session', form: '__Host-newsdesk_form', secure }
    : { session: 'newsdesk_session', form: 'newsdesk_form', secure };
}

const COOKIE_BASE = { path: '/', httpOnly: true, sameSite: 'lax' as const };

export function setSessionCookie(reply: FastifyReply, names: CookieNames, sessionId: string): void {
  reply.setCookie(names.session, sessionId, { ...COOKIE_BASE, secure: names.secure });
  reply.clearCookie(names.form, { ...COOKIE_BASE, secure: names.secure });
}

export function clearSessionCookie(reply: FastifyReply, names: CookieNames): void {
  reply.clearCookie(names.session, { ...COOKIE_BASE, secure: names.secure });
}

/** The hash of the session id the request carries, or null. */
export function sessionIdHashOf(request: FastifyRequest, names: CookieNames): string | null {
  const id = request.cookies[names.session];
  return typeof id === 'string' && /^[A-Za-z0-9_-]{43}$/.test(id) ? hashToken(id) : null;
}

/**
 * The form token for this request: bound to the session when signed in, else to the form cookie (set here
 * when missing). The key is derived from the site secret for this use alone.
 */
export class FormTokens {
  readonly #key: string;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('newsroom form tokens').digest('hex');
  }

  forSession(sessionIdHash: string): string {
    return csrfTokenFor(this.#key, `session:${sessionIdHash}`);
  }

  forVisitor(request: FastifyRequest, reply: FastifyReply, names: CookieNames): string {
    let id = request.cookies[names.form];
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(id)) {
      id = newToken();
      reply.setCookie(names.form, id, { ...COOKIE_BASE, secure: names.secure });
      // The cookie set now is what the next post will carry.
      request.cookies[names.form] = id;
    }
    return csrfTokenFor(this.#key, `visitor:${hashToken(id)}`);
  }

  /** Whether `given` is this request's token (by session if it has one, else by its form cookie). */
  matches(request: FastifyRequest, names: CookieNames, sessionIdHash: string | null, given: unknown): boolean {
    if (sessionIdHash !== null) return csrfTokenMatches(this.#key, `session:${sessionIdHash}`, given);
    const id = request.cookies[names.form];
    return typeof id === 'string' && csrfTokenMatches(this.#key, `visitor:${hashToken(id)}`, given);
  }
}
