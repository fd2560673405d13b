/**
 * Real HTTP servers on 127.0.0.1 for the fetcher's tests, each recording what reached it, and a stub resolver
 * that records what it was asked. Tests use them to prove a refused request never left the process.
 */
import assert from 'node:assert/strict';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo, type LookupFunction } from 'node:net';
import type { Socket } from 'node:net';
import { FetchError } from '../../../domain/index.ts';

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface LocalServer {
  port: number;
  /** '127.0.0.1:<port>', the form allowPrivateHosts takes. */
  hostPort: string;
  /** 'http://127.0.0.1:<port>' */
  origin: string;
  requests: RecordedRequest[];
  /** TCP connections accepted, whether or not a request followed. */
  connections: number;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export async function startServer(handler: Handler): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    local.requests.push({ path: request.url ?? '', headers: request.headers });
    handler(request, response);
  });
  server.on('connection', (socket) => {
    local.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const local: LocalServer = {
    port,
    hostPort: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    requests: [],
    connections: 0,
    close: () =>
      new Promise((resolve) => {
        // Tests leave some requests hanging on purpose (timeouts); do not wait for them to finish.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return local;
}

/** Per name: the addresses to answer, or a function of the call count (1, 2, …) for answers that change. */
export type StubAnswers = Record<string, readonly string[] | ((call: number) => readonly string[])>;

export interface StubResolver {
  lookup: LookupFunction;
  /** Every name asked, in order, repeats included. */
  asked: string[];
}

/** A dns.lookup stand-in answering from `answers`; any other name fails with ENOTFOUND, as offline DNS would. */
export function stubResolver(answers: StubAnswers): StubResolver {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname: string, options: LookupOptions, callback) => {
    asked.push(hostname);
    const entry = answers[hostname];
    const calls = asked.filter((name) => name === hostname).length;
    const addresses = typeof entry === 'function' ? entry(calls) : entry;
    process.nextTick(() => {
      if (!addresses || addresses.length === 0) {
        const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        error.code = 'ENOTFOUND';
        callback(error, '', 0);
        return;
      }
      const all: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) }));
      if (options.all) callback(null, all);
      else callback(null, all[0]?.address ?? '', all[0]?.family ?? 4);
    });
  };
  return { lookup, asked };
}

export const TEST_USER_AGENT = 'NewsdeskTest/1.0 (+https://example.org/newsdesk)';

/** The FetchError a fetch rejects with; fails the test if it resolves or rejects with anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  const failure = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  assert.ok(failure instanceof FetchError, `expected a FetchError, got ${String(failure)}`);
  return failure;
}
