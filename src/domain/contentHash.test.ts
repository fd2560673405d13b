import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphSection, type ArticleDraft } from './article.ts';
import { contentHash } from './contentHash.ts';

const draft: ArticleDraft = {
  headline: 'Headline',
  sectionName: 'Security',
  dek: null,
  summary: 'Summary.',
  lede: 'Lede.',
  body: [paragraphSection('Background', ['One.', 'Two.'])],
  hero: { url: null, alt: 'Alt', caption: 'Caption.', credit: 'AP' },
  byline: null,
  source: null,
  publishedAt: null,
};

test('the same content hashes the same, whatever the key order', () => {
  const reordered = Object.fromEntries(Object.entries(draft).reverse()) as unknown as ArticleDraft;
  assert.equal(contentHash(reordered), contentHash(draft));
});

test('any visible change moves the hash', () => {
  const base = contentHash(draft);
  assert.notEqual(contentHash({ ...draft, headline: 'Headline!' }), base);
  assert.notEqual(contentHash({ ...draft, body: [paragraphSection('Background', ['One.', 'Two!'])] }), base);
  assert.notEqual(contentHash({ ...draft, hero: { ...draft.hero!, credit: 'Reuters' } }), base);
  // Moving text between paragraphs is a change too, even though the words are the same.
  assert.notEqual(contentHash({ ...draft, body: [paragraphSection('Background', ['One. Two.'])] }), base);
});
