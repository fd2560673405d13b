import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleSentences, splitSentences } from './sentences.ts';

test('splits at sentence ends and keeps offsets into the paragraph', () => {
  const paragraph = 'The last units left on Friday. Officials said the base is now Iraqi!  Is it over? Yes.';
  const sentences = splitSentences(paragraph, 3);
  assert.deepEqual(
    sentences.map((s) => s.text),
    ['The last units left on Friday.', 'Officials said the base is now Iraqi!', 'Is it over?', 'Yes.'],
  );
  for (const s of sentences) {
    assert.equal(paragraph.slice(s.start, s.end), s.text);
    assert.equal(s.paragraph, 3);
  }
});

test('titles, initials and abbreviations do not end a sentence', () => {
  const text =
    'Mr. Smith met Gen. Jane Doe in Washington, D.C. on Friday. The U.S. Army said John F. Kennedy Jr. was cited. ' +
    'Talks resume on Jan. 5 at 10 a.m. local time.';
  assert.deepEqual(
    splitSentences(text).map((s) => s.text),
    [
      'Mr. Smith met Gen. Jane Doe in Washington, D.C. on Friday.',
      'The U.S. Army said John F. Kennedy Jr. was cited.',
      'Talks resume on Jan. 5 at 10 a.m. local time.',
    ],
  );
});

test('quotes and an article of paragraphs', () => {
  const sentences = articleSentences(['“We are leaving,” he said. It ended.', 'Second paragraph.']);
  assert.deepEqual(
    sentences.map((s) => [s.paragraph, s.text]),
    [
      [0, '“We are leaving,” he said.'],
      [0, 'It ended.'],
      [1, 'Second paragraph.'],
    ],
  );
  assert.deepEqual(splitSentences('   '), []);
});
