/**
 * Page text is untrusted input. Every XSS payload in the shared corpora (DOMPurify's fixtures and the HTML5
 * Security Cheatsheet), placed where an importer would put it — headline, caption, credit, summary, a section
 * title and a paragraph — must come out of the article page as text: no element, attribute or URL that a
 * clean article page does not have.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { loadConfig } from '../src/config.ts';
import { articlePath, ExtractError, ValidationError } from '../src/domain/index.ts';
import { parsePageText } from '../src/extract/index.ts';
import { importArticle } from '../src/ingest/index.ts';
import { buildServer } from '../src/server.ts';
import { openStore, type Store } from '../src/store/index.ts';

const CORPORA = ['payloads.json', 'h5sc.json'].map((file) =>
  fileURLToPath(new URL(`../../shared/benchmarks/xss/${file}`, import.meta.url)),
);
const INVENTORY = fileURLToPath(new URL('./helpers/markup_inventory.py', import.meta.url));

/** A link to an article on this site, relative or absolute (canonical, og:url). */
const ARTICLE_URL = /^(http:\/\/localhost:3000)?\/[a-z0-9-]+\/[a-z0-9-]+$/;
/** An automatic summary links each sentence to its paragraph on the same page. */
const PARAGRAPH_ANCHOR = /^#p-\d+$/;
/** Topic links are built from slugs of the names a page mentions. */
const TOPIC_URL = /^\/topic\/[a-z0-9-]+$/;

interface Payload {
  id: string;
  payload: string;
}

/** A seed-shaped page with the payload in every slot; newlines inside it become spaces, as a line-based page has. */
function hostilePage(payload: string): string {
  const line = payload.replace(/[\r\n]+/g, ' ').trim();
  const headline = line.length <= 250 ? `Breaking ${line}` : 'Breaking story';
  return [
    'CRBC News',
    'Security',
    '',
    headline,
    '',
    headline,
    `A photo ${line} - Nasser Nasser/AP`,
    '',
    `Summary ${line}.`,
    '',
    `The lede ${line}.`,
    '',
    `Background — ${line}`,
    '',
    `Outlook — A closing paragraph ${line}.`,
  ].join('\n');
}

interface Inventory {
  names: string[];
  urls: string[];
}

function inventories(pages: string[]): Inventory[] {
  const run = spawnSync('python3', [INVENTORY], { input: JSON.stringify(pages), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Inventory[];
}

let store: Store;
let app: FastifyInstance;

before(async () => {
  store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
  app = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent' }), store, logger: false });
});

after(async () => {
  await app.close();
  await store.close();
});

/** Hostile pages are a line or two: published whatever their length, since what they render is the point. */
const ANY_LENGTH = { minBodyWords: 0 };

test('XSS payloads in page text render as text, never as markup', async () => {
  const payloads = CORPORA.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Payload[]);
  assert.ok(payloads.length > 350, `both corpora read (${payloads.length})`);

  // Names a place, so the clean page has the Topics list that hostile pages naming anything get too.
  const clean = await importArticle(store, parsePageText(hostilePage('nothing hostile here in Iraq')), { sourceKey: 'clean', publishRules: ANY_LENGTH });
  const paths: string[] = [];
  const refused: string[] = [];
  for (const { id, payload } of payloads) {
    let draft;
    try {
      draft = parsePageText(hostilePage(payload));
    } catch (error) {
      // A clear refusal is a fine answer to hostile input; anything else is a bug.
      assert.ok(error instanceof ExtractError, `${id}: ${String(error)}`);
      refused.push(id);
      continue;
    }
    const { article } = await importArticle(store, draft, { sourceKey: id, publishRules: ANY_LENGTH });
    paths.push(articlePath(article));
  }
  // Rendered once everything is stored, so the clean page has the same Related and Trending lists as the rest.
  const pages: string[] = [];
  for (const path of [articlePath(clean.article), ...paths]) {
    const response = await app.inject(path);
    assert.equal(response.statusCode, 200, path);
    pages.push(response.body);
  }
  assert.ok(refused.length < payloads.length / 10, `most payloads import (refused: ${refused.join(', ')})`);

  const [baseline, ...hostile] = inventories(pages);
  const allowedNames = new Set(baseline!.names);
  const allowedUrls = new Set(baseline!.urls);
  for (const [index, inventory] of hostile.entries()) {
    const extraNames = inventory.names.filter((name) => !allowedNames.has(name));
    assert.deepEqual(extraNames, [], `page ${index + 1}: markup a clean page does not have`);
    // Article, topic and summary links differ from page to page; any other URL must be one the clean page has.
    const foreignUrls = inventory.urls.filter(
      (url) => !allowedUrls.has(url) && !ARTICLE_URL.test(url) && !PARAGRAPH_ANCHOR.test(url) && !TOPIC_URL.test(url),
    );
    assert.deepEqual(foreignUrls, [], `page ${index + 1}: links a clean page does not have`);
  }
});

test('any page text that imports is served: its article page, its section front and the home page', async () => {
  const line = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    fc.constantFrom('CRBC News', 'Security', 'Culture & Arts', 'مرحبا بالعالم', '🚀🔥', 'Ünïcödé Ŝeçtion', 'Help us improve.'),
  );
  const page = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
  let served = 0;
  let run = 0;
  await fc.assert(
    fc.asyncProperty(page, async (text) => {
      let draft;
      try {
        draft = parsePageText(text);
      } catch (error) {
        assert.ok(error instanceof ExtractError, String(error));
        return;
      }
      let article;
      try {
        ({ article } = await importArticle(store, draft, { sourceKey: `property:${run++}`, publishRules: ANY_LENGTH }));
      } catch (error) {
        // e.g. a section label with no letters or digits to make a URL from: refused, clearly.
        assert.ok(error instanceof ValidationError, String(error));
        return;
      }
      for (const path of [articlePath(article), `/${article.section}`, '/']) {
        const response = await app.inject(path);
        assert.equal(response.statusCode, 200, `${path} for ${JSON.stringify(text)}`);
      }
      served++;
    }),
    { numRuns: 300 },
  );
  assert.ok(served > 100, `most generated pages import (${served})`);
});
