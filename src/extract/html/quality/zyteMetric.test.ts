import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPage, sameTokens, shingleCounts, summariseMatches, zyteTokens } from './zyteMetric.ts';

describe('zyte metric', () => {
  test('tokens are runs of word characters in any script, case kept', () => {
    assert.deepEqual(zyteTokens("It's 2019—Müller, Сеул & 서울_1!"), ['It', 's', '2019', 'Müller', 'Сеул', '서울_1']);
  });

  test('identical texts match fully, whatever their spacing and punctuation', () => {
    const match = matchPage('One two three four five.', 'One two, three four\nfive');
    assert.deepEqual(match, { tp: 1, fp: 0, fn: 0 });
  });

  test('disjoint texts share nothing', () => {
    assert.deepEqual(matchPage('alpha beta gamma delta', 'one two three four'), { tp: 0, fp: 0.5, fn: 0.5 });
  });

  test('a text of one to three tokens is a single shorter shingle', () => {
    assert.deepEqual([...shingleCounts(['a'])], [['a', 1]]);
    assert.deepEqual([...shingleCounts(['a', 'b', 'c'])], [['a b c', 1]]);
    assert.deepEqual([...shingleCounts([])], []);
    assert.deepEqual(matchPage('Short note', 'Short note'), { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(matchPage('Short note', 'Short'), { tp: 0, fp: 0.5, fn: 0.5 });
  });

  test('shingles are a multiset: a repeated passage counts as surplus', () => {
    // truth: 2 shingles; predicted repeats the text → its shingles "a b c d" ×2, "b c d e" ×2 plus the seams
    const match = matchPage('a b c d e', 'a b c d e a b c d e');
    const predictedShingles = 7;
    assert.equal(match.tp, 2 / predictedShingles);
    assert.equal(match.fp, 5 / predictedShingles);
    assert.equal(match.fn, 0);
  });

  test('each page is normalised so a long page weighs no more than a short one', () => {
    const long = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    const shortHalf = matchPage('a b c d e f g', 'a b c d');
    const longPerfect = matchPage(long, long);
    assert.equal(longPerfect.tp, 1);
    const score = summariseMatches([shortHalf, longPerfect]);
    assert.equal(score.precision, 1);
    assert.equal(score.recall, (0.25 + 1) / 2);
  });

  test('F1 is taken from the mean precision and mean recall, not averaged per page', () => {
    const score = summariseMatches([
      { tp: 0.5, fp: 0.5, fn: 0 },
      { tp: 0.5, fp: 0, fn: 0.5 },
    ]);
    assert.equal(score.precision, 0.75);
    assert.equal(score.recall, 0.75);
    assert.equal(score.f1, 0.75);
  });

  test('an empty extraction costs recall but is skipped by precision; an empty page with an empty truth by both', () => {
    const score = summariseMatches([matchPage('some body text here', ''), matchPage('', ''), matchPage('a b c d', 'a b c d')]);
    assert.equal(score.precision, 1);
    assert.equal(score.recall, 0.5);
  });

  test('accuracy counts pages whose whole token sequence equals the truth', () => {
    assert.equal(sameTokens('Hello, world.', 'Hello world'), true);
    assert.equal(sameTokens('Hello world', 'hello world'), false);
    assert.equal(summariseMatches([{ tp: 1, fp: 0, fn: 0 }, { tp: 1, fp: 0, fn: 0 }], 1).accuracy, 0.5);
  });
});
