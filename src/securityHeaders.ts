import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Browser features a news page never uses, denied to this origin and to anything it could embed: a script that
 * slipped in still cannot reach the camera, the reader's position or a payment sheet, and the interest-based ad
 * APIs never learn what our readers read. Only names Chromium accepts: one it does not know is a console warning
 * on every page (attribution-reporting, run-ad-auction and join-ad-interest-group are, in Debian's build).
 */
const DENIED_FEATURES = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  // FLoC's name, which browsing-topics replaced: older Chromes read it, newer ones skip it without a warning.
  'interest-cohort',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** The Reporting API's name for our CSP report endpoint (report-to names a group, not a URL). */
const CSP_REPORT_GROUP = 'csp';

/** Two finished maps: a request over https gets the one with HSTS, any other the one without. */
export interface SecurityHeaders {
  readonly http: Readonly<Record<string, string>>;
  readonly https: Readonly<Record<string, string>>;
}

export interface SecurityHeaderOptions {
  /** Where browsers post CSP violation reports (a path on this origin). */
  reportPath: string;
}

/**
 * The security headers every response carries, built once. helmet's headers depend only on its options, so it
 * runs here against a response that records what it sets; each request then copies one of the two finished
 * maps (running the middleware per request, as @fastify/helmet does, cost more than the page cache's own
 * lookup).
 *
 * The policy fits pages that carry no inline script and load everything from this origin; a later feature
 * that needs a script adds it as a file on this origin, never inline.
 */
export function securityHeaders(options: SecurityHeaderOptions): SecurityHeaders {
  return Object.freeze({ http: headerMap(false, options), https: headerMap(true, options) });
}

/**
 * The map for a request: HSTS and upgrade-insecure-requests only over https. `protocol` is Fastify's
 * request.protocol, which believes X-Forwarded-Proto only from the proxies TRUST_PROXY names; a browser that
 * reached us over plain http would ignore HSTS anyway, and upgrading would break a plain-http site's assets.
 */
export function headersFor(headers: SecurityHeaders, protocol: string): Readonly<Record<string, string>> {
  return protocol === 'https' ? headers.https : headers.http;
}

function headerMap(https: boolean, { reportPath }: SecurityHeaderOptions): Readonly<Record<string, string>> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // helmet's default would allow fonts from any https host and data: URLs; we serve none from elsewhere.
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // report-uri for browsers without the Reporting API (Firefox, older Safari); report-to for the rest.
        reportUri: [reportPath],
        reportTo: [CSP_REPORT_GROUP],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
    // The legacy header for browsers without frame-ancestors, saying the same thing: never framed.
    xFrameOptions: { action: 'deny' },
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
  headers['permissions-policy'] = PERMISSIONS_POLICY;
  // Relative: the browser resolves it against the page, so every host the site answers on reports to itself.
  headers['reporting-endpoints'] = `${CSP_REPORT_GROUP}="${reportPath}"`;
  return Object.freeze(headers);
}
