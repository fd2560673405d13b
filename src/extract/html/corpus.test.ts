/**
 * The extractor on real pages: Readability's 130 test pages and the Zyte benchmark's 88 development pages must
 * each give an article or an ExtractError (nothing else, and no hang), and metadata on the Readability pages must
 * stay as accurate as it was measured (bench/extraction.ts prints the figures).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtractError } from '../../domain/index.ts';
import { extractArticle, type ExtractedArticle } from './index.ts';
import { loadZyteCorpus } from './quality/zyteCorpus.ts';
import { loadReadabilityPages, READABILITY_PAGE_URL, scoreMetadata, type FoundMetadata } from './readabilityCorpus.ts';

/**
 * Accuracy measured on the Readability pages (scoring rules in readabilityCorpus.ts) minus 0.02: headline 0.992,
 * byline 0.892 (most misses are bylines we find where Readability found none), publishedAt 1.0 and language 1.0.
 */
const MIN_ACCURACY = { headline: 0.972, byline: 0.872, publishedAt: 0.98, language: 0.98 };

/** An article, or null for an ExtractError; any other error fails the test with the page's name. */
function extractOrRefuse(html: string, url: string, name: string): ExtractedArticle | null {
  try {
    return extractArticle(html, { url });
  } catch (error) {
    if (error instanceof ExtractError) return null;
    throw new Error(`${name}: ${(error as Error).stack ?? String(error)}`);
  }
}

describe('Readability test pages', () => {
  const pages = loadReadabilityPages();
  const found = new Map<string, FoundMetadata>();

  test('all 130 pages give an article or an ExtractError', () => {
    assert.equal(pages.length, 130);
    const refused: string[] = [];
    for (const page of pages) {
      const article = extractOrRefuse(page.html, READABILITY_PAGE_URL, page.name);
      if (!article) refused.push(page.name);
      found.set(page.name, article ?? { headline: null, byline: null, publishedAt: null, language: null });
    }
    // Only the made-up pages without any title may be refused: a page without a headline is not an article.
    const untitled = new Set(['005-unescape-html-entities', 'ol', 'reordering-paragraphs']);
    assert.deepEqual(refused.filter((name) => !untitled.has(name)), []);
  });

  test('metadata accuracy against expected-metadata.json holds', () => {
    const result = scoreMetadata(pages, (page) => found.get(page.name)!);
    for (const [field, minimum] of Object.entries(MIN_ACCURACY) as Array<[keyof typeof MIN_ACCURACY, number]>) {
      assert.ok(
        result.accuracy[field] >= minimum,
        `${field}: ${result.accuracy[field].toFixed(3)} < ${minimum}; misses: ${result.misses[field].join(', ')}`,
      );
    }
  });
});

describe('Zyte development pages', () => {
  test('all 88 pages give an article with a body', () => {
    const pages = loadZyteCorpus();
    assert.equal(pages.length, 88);
    const empty: string[] = [];
    for (const page of pages) {
      const article = extractOrRefuse(page.html, page.url, page.id);
      if (!article || article.bodyText === '' || article.headline === '') empty.push(page.id);
    }
    assert.deepEqual(empty, []);
  });
});

describe('hostile pages', () => {
  const url = 'https://news.example.com/a';

  test('20 MB of nested <div>s is refused as too long', () => {
    const html = `<html><body>${'<div>'.repeat(2_000_000)}x${'</div>'.repeat(2_000_000)}</body></html>`;
    assert.throws(() => extractArticle(html, { url }), (error) => error instanceof ExtractError && /characters long/.test(error.message));
  });

  test('a page under the size cap but nested 300 000 deep is refused before parsing', () => {
    const html = `<html><body>${'<div>'.repeat(300_000)}x</body></html>`;
    assert.throws(() => extractArticle(html, { url }), (error) => error instanceof ExtractError && /levels deep/.test(error.message));
  });

  test('a page of 200 000 empty elements is refused', () => {
    const html = `<html><body>${'<i></i>'.repeat(200_000)}</body></html>`;
    assert.throws(() => extractArticle(html, { url }), (error) => error instanceof ExtractError && /elements/.test(error.message));
  });

  test('garbage gives an ExtractError, never a crash', () => {
    const inputs = ['', '   ', 'plain text, no markup at all', '<', '<html>', '<html><head><title>T</title></head></html>',
      '\u0000\u0001\u0002<p>\u0000</p>', '<svg><script>alert(1)</script></svg>', '<p>'.repeat(1000), '</div>'.repeat(1000)];
    for (const html of inputs) {
      const article = extractOrRefuse(html, url, JSON.stringify(html.slice(0, 20)));
      if (article) assert.equal(typeof article.bodyText, 'string');
    }
    assert.throws(() => extractArticle('<p>x</p>', { url: 'not a url' }), ExtractError);
  });
});
