import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { paragraphSection, type ArticleDraft } from '../domain/index.ts';
import { htmlText, plainText, plainTextFields, plainTextOrNull } from './plainText.ts';

test('tags go, entities are decoded, whitespace is one space', () => {
  const cases: [string, string][] = [
    ['<b>Bold</b> move', 'Bold move'],
    ['Jane Doe<br>Reuters', 'Jane Doe Reuters'],
    ['Bike &amp; Style', 'Bike & Style'],
    ['Bike &amp;amp; Style', 'Bike & Style'],
    ['&lt;b&gt;escaped&lt;/b&gt; markup', 'escaped markup'],
    ['Byline <img src=x onerror=alert(1)>here', 'Byline here'],
    ['<script>alert(1)</script>Text', 'Text'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ''],
    ['Stories by <!DOCTYPE html>Jane', 'Stories by Jane'],
    ['Left open <!DOCTYPE x', 'Left open'],
    ['A photo <!-- a note -->of the bridge', 'A photo of the bridge'],
    ['  a \n\t b\u00a0 ', 'a b'],
    ['Bell\u0007 rings', 'Bell rings'],
  ];
  for (const [input, expected] of cases) assert.equal(plainText(input), expected, input);
});

test('text that only looks like markup to a pattern stays as written', () => {
  for (const text of ['Q&A: what next', 'AT&T', 'Is 1 < 2? And 3 > 2', 'I <3 news', 'Tom & Jerry', '&foo; is no entity']) {
    assert.equal(plainText(text), text);
  }
});

test('markup escaped deeper than any CMS escapes loses its markup characters instead', () => {
  const deep = '&amp;amp;amp;amp;amp;lt;img src=x onerror=alert(1)&amp;amp;amp;amp;amp;gt;';
  assert.doesNotMatch(plainText(deep), /[<>&]/);
});

test('htmlText reads HTML once: an escaped tag in it is text', () => {
  assert.equal(htmlText('<b>Q&amp;A</b> &amp;lt;b&amp;gt;'), 'Q&A &lt;b&gt;');
});

test('plainTextOrNull: nothing, or nothing left, is null', () => {
  assert.equal(plainTextOrNull(null), null);
  assert.equal(plainTextOrNull('<img src=x>'), null);
  assert.equal(plainTextOrNull(' Jane '), 'Jane');
});

test('plainTextFields: every text field of a draft, not the body', () => {
  const hostile = '<b>x</b>';
  const draft: ArticleDraft = {
    headline: `Headline ${hostile}`,
    sectionName: `World ${hostile}`,
    dek: `Dek ${hostile}`,
    summary: `Summary ${hostile}`,
    lede: `Lede ${hostile}`,
    body: [{ title: null, blocks: [...paragraphSection(null, [`Body ${hostile}`]).blocks, { type: 'figure', image: { url: null, alt: `Alt ${hostile}`, caption: `Caption ${hostile}`, credit: `Credit ${hostile}` } }] }],
    hero: { url: null, alt: `Alt ${hostile}`, caption: `Caption ${hostile}`, credit: `Credit ${hostile}` },
    byline: `Jane ${hostile}`,
    source: { name: `Wire ${hostile}`, url: null, attribution: null, licenseName: null, licenseUrl: null },
    publishedAt: null,
  };
  const plain = plainTextFields(draft);
  assert.deepEqual(
    [plain.headline, plain.sectionName, plain.dek, plain.byline, plain.source?.name, plain.hero],
    ['Headline x', 'World x', 'Dek x', 'Jane x', 'Wire x', { url: null, alt: 'Alt x', caption: 'Caption x', credit: 'Credit x' }],
  );
  assert.deepEqual(plain.body[0]!.blocks[1], { type: 'figure', image: { url: null, alt: 'Alt x', caption: 'Caption x', credit: 'Credit x' } });
  // Body text is text already; a story about markup may quote some.
  assert.deepEqual([plain.summary, plain.lede, plain.body[0]!.blocks[0]], [draft.summary, draft.lede, draft.body[0]!.blocks[0]]);
});

/** Strings made of the pieces markup is made of, so the generator reaches tags, comments and entities often. */
const markupish = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '&', '/', '!', '?', '-', '--', '[', ']', ';', '#', '=', '"', "'", ' ', '\n', '\u0001', '\u00a0'),
      fc.constantFrom('b', 'p', 'br', 'img', 'script', 'noscript', 'style', 'title', 'src=x', 'onerror=alert(1)'),
      fc.constantFrom('amp', 'lt', 'gt', 'quot', '#60', '#x3c', 'DOCTYPE', 'CDATA', 'xml', 'Jane', 'é'),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

test('property: plain text is a fixed point', () => {
  fc.assert(
    fc.property(fc.oneof(markupish, fc.string()), (input) => {
      const plain = plainText(input);
      assert.equal(plainText(plain), plain);
    }),
    { numRuns: 3000 },
  );
});

test('property: plain text read as HTML by a browser parser builds nothing and shows its own characters', () => {
  fc.assert(
    fc.property(markupish, (input) => {
      const plain = plainText(input);
      const fragment = JSDOM.fragment(plain);
      assert.ok([...fragment.childNodes].every((node) => node.nodeType === 3), `markup in ${JSON.stringify(plain)}`);
      assert.doesNotMatch(plain, /&(?:#\d+|#x[0-9a-f]+|lt|gt|amp|quot);/i, `an entity left in ${JSON.stringify(plain)}`);
    }),
    { numRuns: 3000 },
  );
});
