import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a form post comes from a page of this site: the defence against cross-site request forgery for
 * forms that need no session (the feedback form sets no cookie, so there is no token to check).
 *
 * Browsers say where a request comes from in three ways, tried in order of trust:
 * 1. Sec-Fetch-Site, which the browser alone sets (a page cannot forge it): only `same-origin` passes.
 * 2. Origin, unless it is "null" (sent under a no-referrer policy, or from a sandboxed frame), which proves
 *    nothing either way. The site's own policy is strict-origin-when-cross-origin, so its pages send Origin.
 * 3. Referer's origin, for older browsers that send neither.
 * A post with none of them is refused: a browser always sends one of them, and other clients can say anything.
 */
export function isSameOriginPost(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const fetchSite = headerValue(headers['sec-fetch-site']);
  if (fetchSite !== undefined) return fetchSite === 'same-origin';
  const origin = headerValue(headers.origin);
  if (origin !== undefined && origin !== 'null') return allowedOrigins.includes(origin);
  const referer = headerValue(headers.referer);
  if (referer !== undefined) return allowedOrigins.includes(originOf(referer) ?? '');
  return false;
}

/** The site's public origin and the one the request was addressed to (they differ behind a proxy or in tests). */
export function allowedOrigins(siteUrl: string, request: { protocol: string; host: string }): string[] {
  const origins = [originOf(siteUrl), originOf(`${request.protocol}://${request.host}`)];
  return origins.filter((origin): origin is string => origin !== undefined);
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
