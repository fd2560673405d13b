/**
 * Extraction quality on the Zyte benchmark's development pages, through the real extractor: a rule that costs
 * precision or recall on real pages fails here. The figure below is what our cleanup reached; published
 * open-source extractors score 0.951 (Readability.js) to 0.966 (rs_trafilatura) on the same pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../index.ts';
import { scoreExtractor } from './score.ts';
import { loadZyteCorpus } from './zyteCorpus.ts';

/** F1 of extractArticle's bodyText on the 88 development pages when the rules were last tuned. */
export const REACHED_ZYTE_DEV_F1 = 0.987;

/** Room for a rule change that trades a little here for generality on the held-out pages. */
const ALLOWED_DROP = 0.01;

test(`zyte-dev body text F1 stays within ${ALLOWED_DROP} of ${REACHED_ZYTE_DEV_F1}`, () => {
  const pages = loadZyteCorpus();
  assert.equal(pages.length, 88, 'the development split has 88 pages');
  const score = scoreExtractor((html, url) => extractArticle(html, { url }).bodyText, pages);
  const worst = [...score.perPage]
    .sort((a, b) => a.precision + a.recall - (b.precision + b.recall))
    .slice(0, 5)
    .map((page) => `${page.url} P ${page.precision.toFixed(3)} R ${page.recall.toFixed(3)}`);
  assert.ok(
    score.f1 >= REACHED_ZYTE_DEV_F1 - ALLOWED_DROP,
    `F1 ${score.f1.toFixed(4)} (P ${score.precision.toFixed(4)} R ${score.recall.toFixed(4)}); worst pages:\n${worst.join('\n')}`,
  );
  // Every page yields a body: an extractor that throws on a real article page has a bug, not a low score.
  assert.deepEqual(score.perPage.filter((page) => page.predicted === '').map((page) => page.url), []);
});
