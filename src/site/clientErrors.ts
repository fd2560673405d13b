import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { renderErrorPage } from './views/ErrorPage.tsx';

/**
 * Node's HTTP parser refuses some requests before Fastify sees them: a request line or headers past its 16 KB
 * limit (a 100 KB URL), a request that took too long to arrive, bytes that are not HTTP. Node and Fastify then
 * write a JSON or empty answer of their own to the socket; readers get the site's error page instead.
 */
const STATUS_BY_PARSER_ERROR: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** Anything else the parser refuses is a malformed request. */
const MALFORMED_REQUEST = 400;

/** The security headers for a response over https (true) or plain http (false). */
export type HeadersForScheme = (https: boolean) => Readonly<Record<string, string>>;

/** Node's http.Server marks the response a socket is writing; a page written over it would corrupt both. */
interface HttpSocket extends Socket {
  _httpMessage?: { headersSent?: boolean } | null;
  encrypted?: boolean;
}

/**
 * A handler for the server's 'clientError' event (Fastify's clientErrorHandler option): writes the site's error
 * page, then closes the connection, since the parser cannot find where the next request would start. Nothing
 * of the request is echoed (it was not read), and nothing is logged above debug: these are probes and broken
 * clients, not our faults.
 */
export function clientErrorAnswer(siteName: string, headersFor: HeadersForScheme) {
  // At most three statuses over two schemes: each response is built the first time it is needed.
  const responses = new Map<string, string>();
  const responseFor = (statusCode: number, https: boolean) => {
    const key = `${statusCode}:${https}`;
    let response = responses.get(key);
    if (!response) responses.set(key, (response = rawResponse(statusCode, renderErrorPage(siteName, statusCode), headersFor(https))));
    return response;
  };

  return (error: Error & { code?: string }, socket: HttpSocket): void => {
    // A reset connection has no one left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (!socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy(error);
      return;
    }
    const statusCode = STATUS_BY_PARSER_ERROR[error.code ?? ''] ?? MALFORMED_REQUEST;
    // Destroyed once the page is flushed: a page bigger than one socket write is not cut short.
    socket.end(responseFor(statusCode, socket.encrypted === true), () => socket.destroy());
  };
}

/** A whole HTTP/1.1 response as text: status line, headers, blank line, body. */
function rawResponse(statusCode: number, html: string, securityHeaders: Readonly<Record<string, string>>): string {
  const headers: Record<string, string> = {
    ...securityHeaders,
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'cache-control': 'no-store',
    connection: 'close',
  };
  const headerLines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? 'Error'}\r\n${headerLines.join('')}\r\n${html}`;
}
