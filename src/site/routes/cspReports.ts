import type { FastifyPluginAsync } from 'fastify';
import { senderOf, tokenBuckets, type BucketRule } from '../rateLimit.ts';

/** Where browsers post what our Content-Security-Policy blocked (named by report-uri and Reporting-Endpoints). */
export const CSP_REPORT_PATH = '/csp-reports';

/** report-uri posts one report as application/csp-report; the Reporting API posts a batch as reports+json. */
const REPORT_CONTENT_TYPES = ['application/csp-report', 'application/reports+json'];

/** A report is a few hundred bytes and a batch a few of them; anything bigger is not a browser reporting. */
export const CSP_REPORT_BODY_LIMIT = 16 * 1024;

/**
 * A page that breaks the policy reports each blocked load, so a reader browsing a broken page sends a few a
 * page: twenty at once, then one every three seconds. Kept in each process (not shared through Redis): the
 * limit guards each process's own log from a flood, nothing more.
 */
export const DEFAULT_CSP_REPORT_LIMIT: BucketRule = { capacity: 20, refillMs: 3_000 };

/** Reports logged from one post: a batch larger than this is a client repeating itself. */
const REPORTS_LOGGED_PER_POST = 10;

/** Each logged field is cut to this: enough for a URL's path or a directive, never a pasted page. */
const MAX_FIELD_CHARS = 200;

/** What a violation report says that helps us fix the policy or the page, and nothing about the reader. */
export interface CspViolation {
  documentUrl: string | null;
  blockedUrl: string | null;
  directive: string | null;
  disposition: string | null;
  sourceFile: string | null;
  line: number | null;
  column: number | null;
}

export interface CspReportOptions {
  /** Tests set a small limit; the site runs with DEFAULT_CSP_REPORT_LIMIT. */
  limit?: BucketRule;
}

/**
 * POST /csp-reports: each violation is logged at warn with the fields that locate it, and the browser gets 204.
 * The address's rate limit is checked before the body is read. The reader's query strings, the policy text
 * and the blocked code's sample are left out of the log: they say nothing the page and directive do not, and
 * may carry what a reader typed.
 */
export const cspReportRoutes: FastifyPluginAsync<CspReportOptions> = async (app, { limit = DEFAULT_CSP_REPORT_LIMIT }) => {
  const perSender = tokenBuckets(limit);
  app.addContentTypeParser(REPORT_CONTENT_TYPES, { parseAs: 'string' }, app.getDefaultJsonParser('remove', 'remove'));

  app.post(
    CSP_REPORT_PATH,
    {
      bodyLimit: CSP_REPORT_BODY_LIMIT,
      onRequest: async (request, reply) => {
        const taken = await perSender.take(senderOf(request.ip));
        // A browser drops a refused report quietly; there is no reader to show a page to.
        if (!taken.allowed) return reply.code(429).header('retry-after', String(Math.ceil(taken.retryAfterMs / 1000))).send();
      },
    },
    async (request, reply) => {
      for (const violation of violationsIn(request.body).slice(0, REPORTS_LOGGED_PER_POST)) {
        request.log.warn({ csp: violation }, 'content security policy violation');
      }
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );
};

/** The violations in either report format; anything else in the body is ignored. */
export function violationsIn(body: unknown): CspViolation[] {
  if (Array.isArray(body)) {
    return body.filter((report) => isRecord(report) && report.type === 'csp-violation' && isRecord(report.body)).map((report) => fromReportingApi(report.body));
  }
  if (isRecord(body) && isRecord(body['csp-report'])) return [fromReportUri(body['csp-report'])];
  return [];
}

/** The Reporting API's csp-violation body (camelCase). */
function fromReportingApi(body: Record<string, unknown>): CspViolation {
  return {
    documentUrl: urlField(body.documentURL),
    blockedUrl: urlField(body.blockedURL),
    directive: textField(body.effectiveDirective),
    disposition: textField(body.disposition),
    sourceFile: urlField(body.sourceFile),
    line: numberField(body.lineNumber),
    column: numberField(body.columnNumber),
  };
}

/** report-uri's csp-report object (kebab-case); older browsers send only violated-directive. */
function fromReportUri(report: Record<string, unknown>): CspViolation {
  return {
    documentUrl: urlField(report['document-uri']),
    blockedUrl: urlField(report['blocked-uri']),
    directive: textField(report['effective-directive'] ?? report['violated-directive']),
    disposition: textField(report.disposition),
    sourceFile: urlField(report['source-file']),
    line: numberField(report['line-number']),
    column: numberField(report['column-number']),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Control characters would let a report forge lines in a terminal's view of the log. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

function textField(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return value.replace(CONTROL_CHARACTERS, '').slice(0, MAX_FIELD_CHARS);
}

/** A URL without its query and fragment (a search page's query is what a reader typed); keywords such as "inline" as they are. */
function urlField(value: unknown): string | null {
  return textField(typeof value === 'string' ? value.replace(/[?#][\s\S]*$/, '') : value);
}

function numberField(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}
