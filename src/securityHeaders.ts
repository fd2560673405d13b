import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Security headers on every response, by helmet. The middleware is built once here: @fastify/helmet rebuilds
 * it (and re-parses the CSP) on every request, which cost more than the page cache's own lookup.
 *
 * The policy fits pages that carry no script and load everything from this origin; a later feature that needs
 * a script adds it as a file on this origin, never inline.
 */
export function securityHeaders(options: { https: boolean }): (request: IncomingMessage, response: ServerResponse) => void {
  const applyHeaders = helmet({
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
  });
  // helmet's middleware only sets headers and calls next synchronously.
  return (request, response) => applyHeaders(request, response, () => {});
}
