import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../src/enrich/seededRandom.ts';

/**
 * A small news site on loopback for ingest tests: `/feed.xml` (RSS 2.0, ETag-aware) listing `/story/<n>`
 * pages that look like real article pages (navigation, share bar, JSON-LD, a captioned photo, a titled
 * section, a footer). Tests change it while it runs: edit a story, add feeds, make a path fail.
 */
export interface NewsServer {
  origin: string;
  /** host:port, for the fetcher's test-only loopback allowance. */
  hostPort: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** Stories the feed at `path` lists (default feed: /feed.xml with stories 1..storyCount). */
  setFeed(path: string, stories: number[]): void;
  /** Makes a story's text change (a correction), and its feed entry say so. */
  editStory(n: number, note: string): void;
  /** Answers `path` with this status (and Retry-After seconds) until cleared with null. */
  failPath(path: string, status: number | null, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

interface Edit {
  note: string;
  at: Date;
}

const NOUNS = (
  'harbour council minister budget election river school hospital bridge storm court market festival railway ' +
  'union treaty border museum research vaccine drought satellite parliament province village airport library ' +
  'factory reservoir tunnel stadium ferry clinic orchard quarry lighthouse pipeline observatory garrison mill'
).split(' ');
const VERBS = 'reviewed inspected closed reopened funded delayed expanded audited rebuilt questioned approved rejected'.split(' ');
const PEOPLE = 'Amara Okafor|Lena Fischer|Tomas Varga|Priya Nair|Mateo Rossi|Ingrid Dahl|Kenji Sato|Nadia Haddad'.split('|');
const DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');

/**
 * Deterministic, distinct prose per story, long enough to read as an article. Every sentence draws its nouns,
 * verbs, names and figures from a generator seeded by story and paragraph, so two stories share almost no run
 * of three words: they read as different reporting, not as copies of one text (which ingest collapses).
 */
function storyParagraphs(n: number): string[] {
  return Array.from({ length: 5 }, (_, p) => {
    const next = seededRandom(n * 1_000 + p);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const figure = () => 10 + Math.floor(next() * 990);
    const sentence = () =>
      `${pick(PEOPLE)} said the ${pick(NOUNS)} ${pick(VERBS)} on ${pick(DAYS)} would cost ${figure()} thousand, ` +
      `while the ${pick(NOUNS)} near the ${pick(NOUNS)} was ${pick(VERBS)} for the ${figure()}th time.`;
    return `Story ${n} paragraph ${p + 1}: ${sentence()} ${sentence()} ${sentence()}`;
  });
}


export function storyHeadline(n: number): string {
  return `Council reviews plan number ${n} after residents raise concerns`;
}

export async function startNewsServer(options: { storyCount: number }): Promise<NewsServer> {
  const feeds = new Map<string, number[]>([['/feed.xml', range(1, options.storyCount)]]);
  const edits = new Map<number, Edit>();
  const failures = new Map<string, { status: number; retryAfter?: number }>();
  const hits = new Map<string, number>();
  let origin = '';

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const failure = failures.get(path);
    if (failure) {
      response.writeHead(failure.status, failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {});
      response.end('unavailable');
      return;
    }
    if (path === '/robots.txt') return send(request, response, 'text/plain', 'User-agent: *\nDisallow: /private/\n');
    const stories = feeds.get(path);
    if (stories) return send(request, response, 'application/rss+xml; charset=utf-8', feedXml(origin, stories, edits));
    const match = /^\/story\/(\d+)$/.exec(path);
    if (match) return send(request, response, 'text/html; charset=utf-8', storyHtml(origin, Number(match[1]), edits));
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    hostPort: `127.0.0.1:${port}`,
    hits,
    setFeed: (path, stories) => void feeds.set(path, stories),
    // Dated a minute ahead, so the entry is newer than any fetch the test has made.
    editStory: (n, note) => void edits.set(n, { note, at: new Date(Date.now() + 60_000) }),
    failPath: (path, status, retryAfter) =>
      status === null ? void failures.delete(path) : void failures.set(path, { status, retryAfter }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Serves with an ETag and answers a matching If-None-Match with 304, as real feed servers do. */
function send(request: IncomingMessage, response: ServerResponse, type: string, body: string): void {
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag }).end();
    return;
  }
  response.writeHead(200, { 'content-type': type, etag }).end(body);
}

function feedXml(origin: string, stories: number[], edits: Map<number, Edit>): string {
  const items = stories.map((n) => {
    const updated = edits.get(n)?.at ?? new Date(Date.UTC(2026, 0, 1, 0, n % 60));
    return `<item><title>${storyHeadline(n)}</title><link>${origin}/story/${n}?utm_source=rss</link>
      <guid>${origin}/story/${n}</guid><pubDate>${updated.toUTCString()}</pubDate>
      <description>Summary of story ${n}.</description></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loopback Gazette</title>
    <link>${origin}/</link><description>Test news</description>${items.join('')}</channel></rss>`;
}

function storyHtml(origin: string, n: number, edits: Map<number, Edit>): string {
  const paragraphs = storyParagraphs(n);
  const correction = edits.get(n)?.note;
  if (correction) paragraphs.push(`Correction: ${correction}`);
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: storyHeadline(n),
    datePublished: `2026-01-01T00:${String(n % 60).padStart(2, '0')}:00Z`,
    author: { '@type': 'Person', name: 'Jane Reporter' },
    articleSection: 'Politics',
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${storyHeadline(n)} | Loopback Gazette</title>
<link rel="canonical" href="${origin}/story/${n}">
<meta property="og:site_name" content="Loopback Gazette">
<meta property="og:image" content="${origin}/photos/${n}.jpg">
<script type="application/ld+json">${jsonLd}</script></head>
<body><header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${storyHeadline(n)}</h1><p class="byline">By Jane Reporter</p>
<div class="share-bar"><a href="https://twitter.com/share">Share on X</a> <a href="mailto:?">Email</a></div>
<figure><img src="/photos/${n}.jpg" alt="Residents at the meeting"><figcaption>Residents at the council meeting. (Photo: Sam Lens/Gazette)</figcaption></figure>
${paragraphs.slice(0, 3).map((p) => `<p>${p}</p>`).join('\n')}
<h2>What happens next</h2>
${paragraphs.slice(3).map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<aside><h2>Newsletter</h2><p>Sign up for our daily briefing.</p></aside>
<footer><p>© Loopback Gazette</p></footer></body></html>`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
