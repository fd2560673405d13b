#!/usr/bin/env node
// A news site on this machine, for trying ingest without the internet: real article pages (the zyte-dev pages in
// ../shared/benchmarks, each served at /story/<n>) and an RSS feed listing them at /feed.xml. See "Try ingest
// offline" in the README. Usage: node scripts/offline-news.mjs [--port 8808] [--stories 12]
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const PAGES_DIR = fileURLToPath(new URL('../../shared/benchmarks/zyte-dev/html/', import.meta.url));

const { values } = parseArgs({ options: { port: { type: 'string', default: '8808' }, stories: { type: 'string', default: '12' } } });
const port = Number(values.port);
const count = Number(values.stories);
if (!Number.isInteger(port) || port < 1 || port > 65_535 || !Number.isInteger(count) || count < 1) {
  console.error('offline-news: --port takes 1–65535 and --stories a whole number from 1');
  process.exit(2);
}

let files;
try {
  files = readdirSync(PAGES_DIR).filter((name) => name.endsWith('.html.gz')).sort().slice(0, count);
} catch {
  console.error(`offline-news: the sample pages are not at ${PAGES_DIR} (they come with ../shared beside the project)`);
  process.exit(78);
}
const origin = `http://127.0.0.1:${port}`;
const published = (n) => new Date(Date.UTC(2026, 0, 1, 8) + n * 3_600_000).toUTCString();
const feed = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Offline sample news</title><link>${origin}/</link>
<description>Real article pages served from this machine, for trying Newsdesk's ingest.</description>
${files.map((_, n) => `<item><title>Sample story ${n + 1}</title><link>${origin}/story/${n + 1}</link><guid>${origin}/story/${n + 1}</guid><pubDate>${published(n)}</pubDate></item>`).join('\n')}
</channel></rss>
`;

const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', origin).pathname;
  const story = /^\/story\/(\d+)$/.exec(path);
  const file = story ? files[Number(story[1]) - 1] : undefined;
  if (path === '/feed.xml') return send(response, 200, 'application/rss+xml; charset=utf-8', feed);
  if (path === '/robots.txt') return send(response, 200, 'text/plain', 'User-agent: *\nAllow: /\n');
  if (file) return send(response, 200, 'text/html; charset=utf-8', gunzipSync(readFileSync(join(PAGES_DIR, file))));
  send(response, 404, 'text/plain', 'not here\n');
});

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}

server.listen(port, '127.0.0.1', () => {
  console.log(`offline news: ${files.length} stories, feed at ${origin}/feed.xml (Ctrl-C stops it)`);
});
process.on('SIGINT', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
