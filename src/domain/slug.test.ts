import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSlug, MAX_SLUG_LENGTH, SLUG_SUFFIX_ROOM, slugBase, slugify, uniqueSlug } from './slug.ts';

test('slugify makes readable, URL-safe slugs from headlines', () => {
  assert.equal(
    slugify('Iraq Says US Forces Have Withdrawn From Federal Territory; Troops Remain In Kurdistan'),
    'iraq-says-us-forces-have-withdrawn-from-federal-territory-troops-remain-in',
  );
  assert.equal(slugify('Iraq’s government: “Done”'), 'iraqs-government-done');
  assert.equal(slugify('Lula da Silva visits São Paulo'), 'lula-da-silva-visits-sao-paulo');
  assert.equal(slugify('  --  '), '');
  assert.equal(slugify('a'.repeat(200)).length, MAX_SLUG_LENGTH);
});

test('slugify never cuts a word in half when it can avoid it', () => {
  const slug = slugify('word '.repeat(40));
  assert.ok(slug.length <= MAX_SLUG_LENGTH);
  assert.ok(slug.split('-').every((w) => w === 'word'));
});

test('slugify output is always a valid slug or empty', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      const slug = slugify(text);
      assert.ok(slug === '' || isSlug(slug), JSON.stringify(slug));
    }),
  );
});

test('a slug base leaves room for a uniqueness suffix within the limit', () => {
  const long = 'A very long headline about the many twists and turns of a story that runs on and on';
  const base = slugBase(long);
  assert.ok(base.length <= MAX_SLUG_LENGTH - SLUG_SUFFIX_ROOM);
  assert.ok(isSlug(uniqueSlug(base, new Set([base, ...Array.from({ length: 99_998 }, (_, i) => `${base}-${i + 2}`)]))));
});

test('uniqueSlug appends the first free number', () => {
  assert.equal(uniqueSlug('story', new Set()), 'story');
  assert.equal(uniqueSlug('story', new Set(['story', 'story-2'])), 'story-3');
});

test('slugify makes a slug of the words a reader sees, never of markup stored with them', () => {
  assert.equal(slugify('<b><noscript>x</noscript></b>Jane <img src=x onerror=alert(1)>Doe'), 'jane-doe');
  assert.equal(slugify('&lt;script&gt;alert(1)&lt;/script&gt;Jane Doe'), 'jane-doe');
  assert.equal(slugify('R&amp;D budget'), 'r-d-budget');
  assert.equal(slugify('Script writers strike'), 'script-writers-strike', 'a word is a word when it is text');
});
