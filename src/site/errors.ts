import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NewsdeskError, type ErrorKind } from '../domain/index.ts';
import { badAddressWording, overlongAddressWording, schemaProblemWording, wordingFor } from './errorWording.ts';
import { renderErrorPage } from './views/ErrorPage.tsx';

/** The one place a domain error becomes an HTTP status. Kinds not listed are our fault: 500. */
const STATUS_BY_KIND: Partial<Record<ErrorKind, number>> = {
  'not-found': 404,
  gone: 410,
  validation: 400,
  conflict: 409,
  forbidden: 403,
  throttled: 429,
  extract: 422,
  feed: 422,
  // The upstream source failed, not the reader's request.
  fetch: 502,
};

/** The HTTP status for anything thrown while answering a request. */
export function statusOf(error: unknown): number {
  if (error && typeof error === 'object') {
    const kind = (error as { kind?: unknown }).kind;
    if (typeof kind === 'string' && kind in STATUS_BY_KIND) return STATUS_BY_KIND[kind as ErrorKind]!;
    // Fastify's own errors (schema validation, body too large, bad content type) carry a 4xx status.
    const statusCode = (error as { statusCode?: unknown }).statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return statusCode;
  }
  return 500;
}

/** A client that asked for JSON only (an API client, a script) gets JSON; browsers and everything else HTML. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return !!accept && accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * Error pages are not cached anywhere: a 404 for a story about to be published, or a 500 during a hiccup,
 * must not outlive its cause.
 */
const NO_STORE = 'no-store';

/** Enough of a refused request's reason to tell one probe from another in the log. */
const LOGGED_REASON_CHARS = 200;

/**
 * What a reader is told about a refused request beyond its status's own sentence, or null. Our domain errors
 * are written for people; Fastify's are written for developers, so each kind the site can meet gets its own
 * plain wording, and any other says nothing more than its status does.
 */
export function refusalDetail(error: FastifyError, request: FastifyRequest): string | null {
  if (error instanceof NewsdeskError) return error.message;
  if (error.validation) return schemaProblemWording(error.validation, error.validationContext);
  if (error.code === 'FST_ERR_BAD_URL') return badAddressWording(request.url);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return overlongAddressWording(request.url);
  return null;
}

/**
 * Real pages for unknown URLs and for failures, registered at the root so they cover every plugin that does not
 * bring its own. A 500 never shows the error's message or stack: the error goes to the log, the reader gets an
 * apology. A 4xx page may add what to fix, in the reader's words (see refusalDetail); a JSON client gets the
 * same words as JSON.
 */
export function registerErrorPages(app: FastifyInstance, siteName: string): void {
  // Errors the router raises before any route or hook runs (a malformed %-escape, an over-long segment) reach
  // the error handler only through the app's frameworkErrors option, which src/server.ts sets.
  const render = (statusCode: number, detail: string | null = null) => renderErrorPage(siteName, statusCode, detail);
  // The two common pages are fixed, so they are rendered once.
  const notFoundHtml = render(404);
  const serverErrorHtml = render(500);

  const send = (request: FastifyRequest, reply: FastifyReply, statusCode: number, detail: string | null) => {
    reply.code(statusCode).header('cache-control', NO_STORE);
    if (wantsJson(request)) {
      const { title, text } = wordingFor(statusCode);
      return reply.type('application/json; charset=utf-8').send({ statusCode, error: title, message: detail ?? text });
    }
    const html = statusCode === 404 && !detail ? notFoundHtml : statusCode >= 500 ? serverErrorHtml : render(statusCode, detail);
    return reply.type('text/html; charset=utf-8').send(html);
  };

  app.setNotFoundHandler((request, reply) => send(request, reply, 404, null));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const statusCode = statusOf(error);
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return send(request, reply, 500, null);
    }
    request.log.info({ statusCode, reason: String(error.message).slice(0, LOGGED_REASON_CHARS) }, 'request refused');
    // A not-found's message names internals ("no published article security/x"); the page says it plainly.
    return send(request, reply, statusCode, statusCode === 404 || statusCode === 410 ? null : refusalDetail(error, request));
  });
}
