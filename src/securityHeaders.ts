import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * The security headers every response carries, as helmet decides them. helmet's headers depend only on its
 * options, so it runs once, here, against a response that records what it sets; each request then copies
 * the finished map (running the middleware per request, as @fastify/helmet does, cost more than the page
 * cache's own lookup).
 *
 * The policy fits pages that carry no script and load everything from this origin; a later feature that needs
 * a script adds it as a file on this origin, never inline.
 */
export function securityHeaders(options: { https: boolean }): Readonly<Record<string, string>> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Plain-http sites (localhost, the demo) must still load their own assets.
        upgradeInsecureRequests: options.https ? [] : null,
      },
    },
    strictTransportSecurity: options.https,
    // Origin only, and only over https→https: browsers without Sec-Fetch-Site (older Safari) still tell the
    // feedback form's same-origin check where a post came from; other sites never see our paths.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}
