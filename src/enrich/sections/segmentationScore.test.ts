import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findBoundaries } from './cohesion.ts';
import { evenSplit, textTiling } from './baselines.ts';
import { SECTION_RULES } from './sectionize.ts';
import { loadWikinewsParagraphs, pk, scoreSegmenter, syntheticArticles, windowDiff } from './segmentationScore.ts';

/** Pk our sectioner reached on this set when these weights were committed (bench/sections.ts has the full run). */
const REACHED_PK = 0.102;
const GUARD_MARGIN = 0.02;
const GUARD_ARTICLES = 150;
const GUARD_SEED = 2;

describe('segmentation scores', () => {
  test('Pk and WindowDiff are 0 for the truth and count misses otherwise', () => {
    assert.equal(pk(10, [5], [5]), 0);
    assert.equal(windowDiff(10, [5], [5]), 0);
    // k = round(10 / 4) = 3: probes (i, i+3) for i = 0..6; truth splits at 5, a guess of "no split" misses the
    // probes that straddle 5 (i = 2, 3, 4): 3 of 7.
    assert.equal(pk(10, [5], []), 3 / 7);
    assert.equal(windowDiff(10, [5], []), 3 / 7);
    // A near miss costs less than no boundary at all.
    assert.ok(pk(10, [5], [6]) < pk(10, [5], []));
    // WindowDiff, unlike Pk, sees two boundaries where one stands.
    assert.ok(windowDiff(10, [5], [4, 5]) > 0);
  });

  test('even split cuts as evenly as whole paragraphs allow', () => {
    assert.deepEqual(evenSplit(10, 2), [5]);
    assert.deepEqual(evenSplit(9, 3), [3, 6]);
    assert.deepEqual(evenSplit(2, 5), [1]);
  });

  test('synthetic articles are the same on every run and their boundaries fall between stories', () => {
    const stories = loadWikinewsParagraphs();
    const first = syntheticArticles(stories, 5, GUARD_SEED);
    assert.deepEqual(syntheticArticles(stories, 5, GUARD_SEED), first);
    for (const article of first) {
      assert.ok(article.boundaries.length >= 2 && article.boundaries.length <= 5);
      for (const start of article.boundaries) assert.ok(stories.some((s) => s.paragraphs[0] === article.paragraphs[start]));
    }
  });

  test(`our Pk on the synthetic set stays within ${GUARD_MARGIN} of what it reached, and beats both baselines`, () => {
    const articles = syntheticArticles(loadWikinewsParagraphs(), GUARD_ARTICLES, GUARD_SEED);
    const ours = scoreSegmenter(articles, (a) => findBoundaries(a.paragraphs, SECTION_RULES));
    const even = scoreSegmenter(articles, (a) => evenSplit(a.paragraphs.length, a.boundaries.length + 1));
    const tiling = scoreSegmenter(articles, (a) => textTiling(a.paragraphs));
    assert.ok(ours.pk <= REACHED_PK + GUARD_MARGIN, `Pk ${ours.pk.toFixed(3)} > ${REACHED_PK} + ${GUARD_MARGIN}`);
    assert.ok(ours.pk < even.pk && ours.pk < tiling.pk, `ours ${ours.pk}, even ${even.pk}, TextTiling ${tiling.pk}`);
    assert.ok(ours.windowDiff < tiling.windowDiff);
  });
});
