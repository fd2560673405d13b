import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { EXCERPT_CHARS } from '../src/site/errorWording.ts';
import { insertArticle, memoryStore, storyDraft } from '../src/site/testing/store.ts';
import type { Store } from '../src/store/index.ts';

/**
 * Every error a reader can reach, over real HTTP on loopback: each answer is the site's own page (or, for a
 * JSON client, JSON) in plain words, with its status, no developer or framework wording, and no more of the
 * request shown back than a short escaped excerpt.
 */

const BAD_PAGE = /That page number isn’t one we have\. Page numbers are whole numbers like 2\./;
const NOT_FOUND = /<h1>Page not found<\/h1>/;

/** Wording that is written for developers, or that only a framework or a stack trace would show. */
const DEVELOPER_WORDING = [
  /querystring/i,
  // Ajv's sentences ("must be integer", "must be <= 100000"), not a reader's "must be a day written as …".
  /must be (integer|number|string|boolean|object|array|equal|[<>]=?)|must match (pattern|format)|must have required property/,
  /is not a valid url component/,
  /exceeding the max param length/,
  /FST_ERR/,
  /Request Header Fields Too Large/,
  /Exceeded maximum allowed/,
  /"error":"(Bad Request|Not Found)"/,
  /Unsupported Media Type/,
  /\bat .*\.(ts|js):\d+/,
];

interface Row {
  url: string;
  method?: string;
  accept?: string;
  status: number;
  says: RegExp;
}

const TEN_KB = 'a'.repeat(10 * 1024);

const ROWS: Row[] = [
  // Malformed page numbers: 400, said the same on every paged list.
  { url: '/security?page=abc', status: 400, says: BAD_PAGE },
  { url: '/security?page=-1', status: 400, says: BAD_PAGE },
  { url: '/security?page=1.5', status: 400, says: BAD_PAGE },
  { url: '/security?page=0', status: 400, says: BAD_PAGE },
  { url: '/security?page=', status: 400, says: BAD_PAGE },
  { url: '/security?page=1&page=2', status: 400, says: BAD_PAGE },
  { url: '/author/ana-lima?page=two', status: 400, says: BAD_PAGE },
  { url: '/source/rio-times?page=-3', status: 400, says: BAD_PAGE },
  { url: '/archive/2026/01/01?page=x', status: 400, says: BAD_PAGE },
  { url: '/search?q=iraq&page=abc', status: 400, says: BAD_PAGE },
  { url: '/archive/2026/01/01?page=%', status: 400, says: BAD_PAGE },
  { url: '/search?q=%&page=%E0%A4', status: 400, says: BAD_PAGE },
  // Pages past the end, however far: 404 on every paged list.
  { url: '/security?page=2', status: 404, says: NOT_FOUND },
  { url: '/security?page=999999', status: 404, says: NOT_FOUND },
  { url: '/security?page=99999999999999999999999', status: 404, says: NOT_FOUND },
  { url: '/author/ana-lima?page=999999', status: 404, says: NOT_FOUND },
  { url: '/source/rio-times?page=999999', status: 404, says: NOT_FOUND },
  { url: '/archive/2026/01/01?page=999999', status: 404, says: NOT_FOUND },
  { url: '/search?q=iraq&page=2', status: 404, says: NOT_FOUND },
  { url: '/search?q=iraq&page=999999', status: 404, says: NOT_FOUND },
  // Malformed query strings on search: the search page says what to fix.
  { url: '/search?q=iraq&from=2026-02-30', status: 400, says: /YYYY-MM-DD/ },
  { url: '/search?q=iraq&section=nowhere', status: 400, says: /There is no section “nowhere” to search in/ },
  { url: '/search?q=iraq&q=kurdistan', status: 400, says: /Search for one thing at a time/ },
  { url: '/search?q=iraq&from=a&from=b', status: 400, says: /more than one start date/ },
  // Addresses the router cannot read.
  { url: '/%', status: 400, says: /We could not read the address “\/%”: it has a “%” code that does not stand for any letter/ },
  { url: '/%E0%A4%A', status: 400, says: /We could not read the address “\/%E0%A4%A”/ },
  { url: '/%3Cscript%3Ealert(1)%3C/script%3E%', status: 400, says: /We could not read the address/ },
  { url: `/${TEN_KB}`, status: 414, says: /<h1>That address is too long<\/h1>.*The address begins “\/a{59}…”/s },
  { url: `/security/${TEN_KB}`, status: 414, says: /<h1>That address is too long<\/h1>/ },
  { url: `/${'a'.repeat(100 * 1024)}`, status: 431, says: /<h1>That request was too large<\/h1>/ },
  // Nothing there.
  { url: '/no-such-section', status: 404, says: NOT_FOUND },
  { url: '/security/no-such-article', status: 404, says: NOT_FOUND },
  { url: '/author/nobody', status: 404, says: NOT_FOUND },
  // Methods the site does not serve.
  { url: '/', method: 'DELETE', status: 404, says: NOT_FOUND },
  { url: '/security', method: 'PUT', status: 404, says: NOT_FOUND },
  // JSON clients: JSON, in the same plain words.
  { url: '/security?page=abc', accept: 'application/json', status: 400, says: BAD_PAGE },
  { url: '/security?page=999999', accept: 'application/json', status: 404, says: /"error":"Page not found"/ },
  { url: '/%', accept: 'application/json', status: 400, says: /We could not read the address/ },
  { url: `/${TEN_KB}`, accept: 'application/json', status: 414, says: /That address is too long/ },
];

let store: Store;
let app: FastifyInstance;
let port: number;

before(async () => {
  store = await memoryStore();
  await insertArticle(store, { ...storyDraft('Iraq says troops have left', 'Security'), byline: 'Ana Lima', source: { name: 'Rio Times', url: 'https://rio.example/story', attribution: null, licenseName: null, licenseUrl: null } }, {
    publishedAt: '2026-01-01T10:00:00.000Z',
  });
  app = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent' }), store, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  port = address.port;
});

after(async () => {
  await app?.close();
  await store?.close();
});

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * One request on its own connection, written byte for byte as given (a client library would re-encode or refuse
 * some of these addresses), read until the server closes it.
 */
function request({ url, method = 'GET', accept = 'text/html,application/xhtml+xml' }: Row): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () =>
      socket.end(`${method} ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: ${accept}\r\nConnection: close\r\n\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks))));
  });
}

function parseResponse(bytes: Buffer): RawResponse {
  const headEnd = bytes.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let body = bytes.subarray(headEnd + 4);
  if (headers.get('transfer-encoding') === 'chunked') body = unchunk(body);
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') };
}

function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** The longest run of the request's own address shown back in the page. */
function longestEcho(url: string, body: string): number {
  let longest = 0;
  for (let start = 0; start < url.length; start += Math.max(1, longest)) {
    let length = longest + 1;
    while (start + length <= url.length && body.includes(url.slice(start, start + length))) length++;
    longest = Math.max(longest, length - 1);
    if (url.length - start <= longest) break;
  }
  return longest;
}

describe('every error a reader can reach', () => {
  for (const row of ROWS) {
    const label = `${row.method ?? 'GET'} ${row.url.length > 80 ? `${row.url.slice(0, 40)}… (${row.url.length} chars)` : row.url}${row.accept ? ` as ${row.accept}` : ''}`;
    it(`${label} → ${row.status}`, async () => {
      const response = await request(row);
      assert.equal(response.status, row.status);
      assert.match(response.body, row.says);
      for (const wording of DEVELOPER_WORDING) assert.doesNotMatch(response.body, wording);
      assert.match(String(response.headers.get('content-security-policy')), /default-src 'self'/, 'the site’s headers');
      if (row.accept === 'application/json') {
        assert.match(String(response.headers.get('content-type')), /^application\/json/);
        const json = JSON.parse(response.body) as Record<string, unknown>;
        assert.deepEqual(Object.keys(json), ['statusCode', 'error', 'message']);
        assert.equal(json.statusCode, row.status);
      } else {
        assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
        assert.match(response.body, /^<!doctype html>/);
        assert.match(response.body, /<a class="brand" href="\/">/, 'the site’s own page, with its way home');
      }
      assert.ok(!/<script>alert/i.test(response.body), 'nothing of the request is shown unescaped');
      // The address may be shown back as a short excerpt at most (plus the "…" that marks a cut).
      assert.ok(longestEcho(row.url, response.body) <= EXCERPT_CHARS, `echoes ${longestEcho(row.url, response.body)} characters of the address`);
    });
  }
});
