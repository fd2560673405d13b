import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphSection } from './article.ts';
import { bodyWordCount, publishBlockers } from './publishing.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

test('body words count the lede, paragraphs, list items, quotes and subheadings, not the headline', () => {
  const article = {
    headline: 'Many many words in this headline',
    lede: "O'Brien's well-known co-op, est. 1990.",
    body: [
      paragraphSection('Title words do not count', ['Two words.']),
      { title: null, blocks: [{ type: 'list' as const, ordered: false, items: ['one', 'two three'] }, { type: 'quote' as const, text: 'Four', cite: null }] },
    ],
  };
  assert.equal(bodyWordCount(article), 5 + 2 + 3 + 1);
});

test('a headline with a line of text is held back; 80 words pass; the rule is configurable', () => {
  const junk = { headline: '2 hello', lede: null, body: [], hero: null };
  assert.deepEqual(publishBlockers(junk), ['its body has 0 words; a published article needs at least 80']);
  const real = { headline: 'Council votes', lede: words(30), body: [paragraphSection(null, [words(50)])], hero: null };
  assert.deepEqual(publishBlockers(real), []);
  assert.equal(publishBlockers(real, { minBodyWords: 81 }).length, 1);
  assert.deepEqual(publishBlockers({ ...real, headline: '  ' }), ['it has no headline']);
});

test('every image needs alt text, every titled section text, and a stored article a section', () => {
  const real = { headline: 'Council votes', lede: words(30), body: [paragraphSection(null, [words(50)])], hero: null };
  const photo = { url: '/media/a.webp', alt: ' ', caption: null, credit: null };
  assert.deepEqual(publishBlockers({ ...real, hero: photo }), ['an image has no alt text (say what it shows, for readers who cannot see it)']);
  const figure = { title: 'Pictures', blocks: [{ type: 'figure' as const, image: photo }] };
  assert.match(publishBlockers({ ...real, hero: photo, body: [...real.body, figure] }).join(), /^2 images have no alt text/);
  assert.deepEqual(publishBlockers({ ...real, hero: { ...photo, alt: 'A vote by show of hands' } }), []);
  assert.deepEqual(publishBlockers({ ...real, body: [...real.body, paragraphSection('Reaction', [])] }), ['the titled section “Reaction” has no text']);
  assert.deepEqual(publishBlockers({ ...real, section: '' }), ['it has no section']);
  assert.deepEqual(publishBlockers({ ...real, section: 'politics' }), []);
});
