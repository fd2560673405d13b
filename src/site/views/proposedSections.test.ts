import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paragraphSection, type BodyBlock, type BodySection } from '../../domain/index.ts';
import { bodyWithProposedSections } from './proposedSections.ts';

const FIGURE: BodyBlock = { type: 'figure', image: { url: null, alt: 'A map', caption: null, credit: null } };

/** Lede p0, then p1…p5 with a figure after p2, all in one untitled section. */
function untitled(): { lede: string; body: BodySection[] } {
  const section = paragraphSection(null, ['p1', 'p2', 'p3', 'p4', 'p5']);
  section.blocks.splice(2, 0, FIGURE);
  return { lede: 'p0', body: [section] };
}

const texts = (sections: BodySection[] | null) =>
  sections?.map((s) => [s.title, s.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type))]);

test('an untitled body is grouped under the proposed titles; other blocks stay with the paragraph before them', () => {
  const article = untitled();
  const grouped = bodyWithProposedSections(article, [
    { title: null, paragraphs: [0, 1, 2] },
    { title: 'Talks Stall', paragraphs: [3, 4] },
    { title: 'What Comes Next', paragraphs: [5] },
  ]);
  assert.deepEqual(texts(grouped), [
    [null, ['p1', 'p2', 'figure']],
    ['Talks Stall', ['p3', 'p4']],
    ['What Comes Next', ['p5']],
  ]);
  // The article's own block objects: paragraph anchors keyed by block still find them.
  assert.equal(grouped![0]!.blocks[0], article.body[0]!.blocks[0]);
});

test('a proposed section holding only the lede drops out; the lede is shown above the body anyway', () => {
  const grouped = bodyWithProposedSections(untitled(), [
    { title: null, paragraphs: [0] },
    { title: 'Everything Else', paragraphs: [1, 2, 3, 4, 5] },
  ]);
  assert.deepEqual(texts(grouped), [['Everything Else', ['p1', 'p2', 'figure', 'p3', 'p4', 'p5']]]);
});

test('numbering starts at the first body paragraph when there is no lede', () => {
  const grouped = bodyWithProposedSections({ lede: null, body: [paragraphSection(null, ['a', 'b', 'c'])] }, [
    { title: null, paragraphs: [0] },
    { title: 'Later', paragraphs: [1, 2] },
  ]);
  assert.deepEqual(texts(grouped), [
    [null, ['a']],
    ['Later', ['b', 'c']],
  ]);
});

test('the body stays as it came when the proposal does not apply or does not fit', () => {
  const fits = [{ title: null, paragraphs: [0, 1, 2] }, { title: 'Later', paragraphs: [3, 4, 5] }];
  assert.equal(bodyWithProposedSections(untitled(), null), null);
  assert.equal(bodyWithProposedSections(untitled(), [{ title: null, paragraphs: [0, 1, 2, 3, 4, 5] }]), null, 'no titles');
  const titled = { lede: 'p0', body: [paragraphSection('Own Title', ['p1', 'p2', 'p3', 'p4', 'p5'])] };
  assert.equal(bodyWithProposedSections(titled, fits), null, 'the article has titled sections of its own');
  assert.equal(bodyWithProposedSections(untitled(), fits.slice(0, 1).concat({ title: 'Later', paragraphs: [3, 4] })), null, 'too few');
  assert.equal(bodyWithProposedSections(untitled(), [...fits, { title: 'Extra', paragraphs: [6] }]), null, 'too many');
  assert.equal(
    bodyWithProposedSections(untitled(), [{ title: 'Swapped', paragraphs: [0, 2, 1] }, { title: 'Later', paragraphs: [3, 4, 5] }]),
    null,
    'out of order',
  );
});
