import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The outside programs our feeds and sitemaps are checked with: xmllint (libxml2) against XML Schemas, and
 * Debian's feedparser, the library many feed readers are built on. A missing tool fails the test with how to
 * install it; a check that quietly did not run would look like a pass.
 */

/** Debian's interpreter: a python3 earlier on the PATH (pyenv, a venv) may not have python3-feedparser. */
const DEBIAN_PYTHON = '/usr/bin/python3';

/** Our schemas, shipped with the project (see testdata/xsd/README.md). */
export const SCHEMAS = {
  index: schemaPath('sitemap-index.xsd'),
  urlset: schemaPath('sitemap.xsd'),
  news: schemaPath('news-sitemap.xsd'),
};

function schemaPath(name: string): string {
  return fileURLToPath(new URL(`../testdata/xsd/${name}`, import.meta.url));
}

export interface XmllintResult {
  valid: boolean;
  /** What xmllint said: the errors, or "- validates". */
  output: string;
}

/** Validates a document against a schema with `xmllint --nonet --noout --schema`, reading it from stdin. */
export function xmllint(schema: string, document: string): XmllintResult {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, '-'], { input: document, encoding: 'utf8' });
  if (run.error) {
    throw new Error(`xmllint could not run (${run.error.message}); install it: apt-get install -y libxml2-utils`);
  }
  return { valid: run.status === 0, output: `${run.stderr}${run.stdout}`.trim() };
}

export interface FeedparserEntry {
  title: string | null;
  /** How feedparser typed the title: text/plain, or text/html when it took it for markup. */
  titleType: string | null;
  link: string | null;
  id: string | null;
  published: boolean;
  updated: boolean;
  summary: string | null;
  content: string[];
  author: string | null;
}

export interface FeedparserResult {
  bozo: boolean;
  bozoException: string;
  version: string;
  title: string | null;
  link: string | null;
  entries: FeedparserEntry[];
}

const FEEDPARSER_SCRIPT = `
import json, sys
try:
    import feedparser
except ImportError:
    sys.stderr.write("feedparser is not installed for ${DEBIAN_PYTHON}: apt-get install -y python3-feedparser\\n")
    sys.exit(2)
d = feedparser.parse(sys.stdin.buffer.read(), response_headers={"content-type": sys.argv[1]})
print(json.dumps({
    "bozo": bool(d.bozo),
    "bozoException": str(d.get("bozo_exception", "")),
    "version": d.version,
    "title": d.feed.get("title"),
    "link": d.feed.get("link"),
    "entries": [{
        "title": e.get("title"),
        "titleType": e.get("title_detail", {}).get("type"),
        "link": e.get("link"),
        "id": e.get("id"),
        "published": bool(e.get("published_parsed")),
        "updated": bool(e.get("updated_parsed")),
        "summary": e.get("summary"),
        "content": [c.value for c in e.get("content", [])],
        "author": e.get("author"),
    } for e in d.entries],
}))
`;

/** Parses a feed with Debian's python3-feedparser, as served with `contentType`. */
export function feedparser(document: string, contentType: string): FeedparserResult {
  if (!existsSync(DEBIAN_PYTHON)) throw new Error(`${DEBIAN_PYTHON} is missing: apt-get install -y python3 python3-feedparser`);
  const run = spawnSync(DEBIAN_PYTHON, ['-c', FEEDPARSER_SCRIPT, contentType], { input: document, encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`feedparser failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr.trim()}`);
  }
  return JSON.parse(run.stdout) as FeedparserResult;
}

/**
 * The upstream schema copies and the feed checker kept beside the project (../shared/benchmarks/xsd, with
 * their provenance and checksums), read in place; null where the project is checked out alone.
 */
export const SHARED_XSD_DIR: string | null = (() => {
  const dir = fileURLToPath(new URL('../../../../../shared/benchmarks/xsd/', import.meta.url));
  return existsSync(`${dir}sitemap.xsd`) ? dir : null;
})();

/** Runs the shared check_feed.py on a document written to `file`. */
export function checkFeedScript(dir: string, file: string): { ok: boolean; output: string } {
  const run = spawnSync(DEBIAN_PYTHON, [`${dir}check_feed.py`, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`check_feed.py could not run: ${run.error.message}`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/** What feed_text_check.py found wrong with one document, as a reader built on feedparser would meet it. */
export interface FeedTextReport {
  file: string;
  problems: string[];
}

const FEED_TEXT_CHECK = fileURLToPath(new URL('./feed_text_check.py', import.meta.url));

/**
 * Reads many feed files in one run of Debian's feedparser (starting Python once per feed would cost more than
 * the reading): for each, whether it raised or complained, typed a text field as HTML, carried markup in a text
 * field, or kept something that runs in an HTML field after its sanitiser (see feed_text_check.py).
 */
export function checkFeedText(documents: readonly { file: string; contentType: string }[]): FeedTextReport[] {
  if (!existsSync(DEBIAN_PYTHON)) throw new Error(`${DEBIAN_PYTHON} is missing: apt-get install -y python3 python3-feedparser`);
  const run = spawnSync(DEBIAN_PYTHON, [FEED_TEXT_CHECK], {
    input: JSON.stringify(documents),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.error || run.status !== 0) {
    const hint = run.stderr.includes("No module named 'feedparser'") ? ' (apt-get install -y python3-feedparser)' : '';
    throw new Error(`feed_text_check.py failed (${run.error?.message ?? `exit ${run.status}`})${hint}: ${run.stderr.trim()}`);
  }
  return JSON.parse(run.stdout) as FeedTextReport[];
}
