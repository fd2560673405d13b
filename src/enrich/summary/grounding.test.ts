import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOwnSentence } from './grounding.ts';

const paragraph = 'Ant &amp; Dec won again.  The show (ITV1, Saturdays) drew 9m viewers.';

test('a sentence that is its span, whitespace aside, is the source’s own', () => {
  assert.ok(isOwnSentence([paragraph], { text: 'Ant &amp; Dec won again.', paragraph: 0, start: 0, end: 24 }));
  const spaced = 'The show (ITV1, Saturdays)\ndrew 9m viewers.';
  assert.ok(isOwnSentence(['The show (ITV1, Saturdays) \n drew 9m viewers.'], { text: spaced, paragraph: 0, start: 0, end: 45 }));
});

test('a decoded entity, a dropped parenthetical or a cut label is not', () => {
  assert.ok(!isOwnSentence([paragraph], { text: 'Ant & Dec won again.', paragraph: 0, start: 0, end: 24 }));
  assert.ok(!isOwnSentence([paragraph], { text: 'The show drew 9m viewers.', paragraph: 0, start: 26, end: paragraph.length }));
  assert.ok(!isOwnSentence([paragraph], { text: 'Dec won again.', paragraph: 0, start: 0, end: 24 }));
});

test('a pointer outside the article is not', () => {
  assert.ok(!isOwnSentence([paragraph], { text: 'Ant &amp; Dec won again.', paragraph: 1, start: 0, end: 24 }));
  assert.ok(!isOwnSentence([paragraph], { text: 'x', paragraph: 0, start: 5, end: 500 }));
});
