/**
 * One request and its response on one connection, to an already-checked destination: send it with a connect
 * time limit, then read the body through its decompressors with a running byte count. Redirects, robots and
 * status handling live in fetcher.ts; this file knows nothing of them.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from '../../domain/index.ts';
import { pinnedLookup, type Destination } from './destination.ts';

export interface Exchange {
  url: URL;
  destination: Destination;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** Aborts the exchange; its reason (the fetch's own timeout error, or the caller's) is what gets thrown. */
  signal: AbortSignal;
}

/** Sends the request and resolves with the response head; the body is left unread for readBody. */
export function sendRequest(exchange: Exchange): Promise<IncomingMessage> {
  const { url, destination, signal } = exchange;
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send({
      host: destination.host,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { ...exchange.headers, host: url.host },
      // The socket may connect only to the addresses destination.ts checked.
      lookup: pinnedLookup(destination),
      servername: isIP(destination.host) === 0 ? destination.host : undefined,
      // A connection of its own per request: a pooled socket could outlive the check that allowed it.
      agent: false,
      signal,
    });
    request.once('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => {
        const where = describeWhere(destination);
        request.destroy(
          new FetchError(
            `Could not connect to ${where} for ${url.href} within ${exchange.connectTimeoutMs} ms`,
            'timeout',
            { url: url.href },
          ),
        );
      }, exchange.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    // Stays attached for the life of the request: an error after the response (a reset while the body streams,
    // or our own destroy past the size cap) reaches readBody through the response, not as an unhandled event.
    request.on('error', (error) => reject(asFetchError(error, url, signal)));
    request.once('response', resolve);
    request.end();
  });
}

export interface BodyLimits {
  maxBytes: number;
  /** Keep the first maxBytes and stop, instead of refusing (robots.txt: parse what a crawler must read). */
  truncate?: boolean;
}

/**
 * Reads the decompressed body, counting bytes as they come out of the decompressor so that a small gzip bomb
 * is stopped at the cap, not after it has filled memory. Past the cap the connection is torn down.
 */
export async function readBody(
  response: IncomingMessage,
  limits: BodyLimits,
  url: URL,
  signal: AbortSignal,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (!limits.truncate && Number.isFinite(declared) && declared > limits.maxBytes) {
    response.destroy();
    throw tooLarge(url, limits.maxBytes, `it announces ${declared} bytes`);
  }
  const decoders = decodersFor(response.headers, url);
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const room = limits.maxBytes - size;
      if (chunk.length <= room) {
        chunks.push(chunk);
        size += chunk.length;
        done();
      } else if (limits.truncate) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        // Failing the write ends the pipeline and closes the connection: we have all we will read.
        done(new Error('truncated'));
      } else {
        done(tooLarge(url, limits.maxBytes, 'the body goes on past that'));
      }
    },
  });
  try {
    await pipeline([response, ...decoders, collect], { signal });
  } catch (error) {
    if (!truncated) throw asFetchError(error, url, signal);
  }
  return Buffer.concat(chunks, size);
}

/** The decompressors for Content-Encoding, in decoding order (the header lists them in the order applied). */
function decodersFor(headers: IncomingHttpHeaders, url: URL): Transform[] {
  const codings = (headers['content-encoding'] ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip();
      // RFC 9110's deflate is zlib-wrapped; raw deflate from very old servers is refused as corrupt.
      case 'deflate':
        return createInflate();
      case 'br':
        return createBrotliDecompress();
      default:
        throw new FetchError(`${url.href} sent Content-Encoding "${coding}", which we did not ask for`, 'network', {
          url: url.href,
        });
    }
  });
}

function tooLarge(url: URL, maxBytes: number, detail: string): FetchError {
  return new FetchError(`Refused ${url.href}: larger than the ${maxBytes}-byte limit (${detail})`, 'too-large', {
    url: url.href,
  });
}

/** Our own errors and abort reasons pass through; socket, TLS, parser and zlib errors become 'network'. */
function asFetchError(error: unknown, url: URL, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  if (error instanceof FetchError) return error;
  const cause = error as NodeJS.ErrnoException;
  const what = cause.code?.startsWith('Z_') ? 'the compressed body is corrupt' : cause.message;
  return new FetchError(`Could not fetch ${url.href}: ${what}`, 'network', { url: url.href });
}

function describeWhere(destination: Destination): string {
  const addresses = destination.addresses.map((entry) => entry.address);
  return addresses.length === 0 ? destination.host : `${destination.host} (${addresses.join(', ')})`;
}
