/**
 * One case of feedparser's test suite (../shared/benchmarks/feeds/): the file's bytes, its header comment
 * (Description, Expect, optional Header and SkipUnless lines) and the request it stands for. Upstream serves
 * files whose path contains "http" from http://127.0.0.1:8097/tests/<path> with the Header lines as response
 * headers (Content-Type defaulting to text/xml); other files are read from disk with no headers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFeedText } from '../decode.ts';

/** The shared benchmark data lives beside the repository, never inside it. */
export const FEEDS_CORPUS = path.resolve(fileURLToPath(new URL('../../../../../shared/benchmarks/feeds', import.meta.url)));

/** Where upstream serves its test files; expectations for relative links are written against it. */
const UPSTREAM_ORIGIN = 'http://127.0.0.1:8097/tests/';

export interface FeedCase {
  /** Path under the corpus, with forward slashes (`wellformed/rss/channel_title.xml`). */
  name: string;
  bytes: Buffer;
  description: string | null;
  expect: string | null;
  /** Response headers (lower-cased names) for the http cases; empty otherwise. */
  headers: Record<string, string>;
  skipUnless: string | null;
}

export interface FeedRequest {
  url: string;
  contentType: string | null;
}

export function listFeedFiles(folder: string): string[] {
  const root = path.join(FEEDS_CORPUS, folder);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/^LICENSE|\.md$/i.test(entry.name)) files.push(path.relative(FEEDS_CORPUS, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}

export function readFeedCase(name: string): FeedCase {
  const bytes = readFileSync(path.join(FEEDS_CORPUS, name));
  const text = readFeedText(bytes).text;
  const header = /Description:\s*(.*?)\s*Expect:\s*(.*?)\s*-->/s.exec(text);
  const headers: Record<string, string> = {};
  if (name.includes('http')) {
    for (const match of text.matchAll(/^\s*Header:\s+([^:]+):(.*)$/gm)) {
      headers[match[1]!.trim().toLowerCase()] = match[2]!.trim();
    }
  }
  return {
    name,
    bytes,
    description: header?.[1] ?? null,
    expect: header?.[2]?.replace(/\s*"\s*,?\s*$/, '').trim() ?? null,
    headers,
    skipUnless: /^\s*SkipUnless:\s*(.*)$/m.exec(text)?.[1]?.trim() ?? null,
  };
}

/** The URL and Content-Type the case is served with: Content-Location, when sent, is the document's base. */
export function feedRequest(feedCase: FeedCase): FeedRequest {
  const url = UPSTREAM_ORIGIN + feedCase.name;
  if (!feedCase.name.includes('http')) return { url, contentType: null };
  const location = feedCase.headers['content-location'];
  let base = url;
  if (location) {
    try {
      const resolved = new URL(location, url);
      // An unusable or non-web Content-Location is ignored, as the fetcher ignores it.
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') base = resolved.href;
    } catch {
      // Unparseable: ignored likewise.
    }
  }
  return { url: base, contentType: feedCase.headers['content-type'] ?? 'text/xml' };
}
