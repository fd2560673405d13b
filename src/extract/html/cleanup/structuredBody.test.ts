import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { removeBlocksOutsideStructuredBody } from './structuredBody.ts';
import { contentOf, linesOf } from './fixture.ts';

const PARAGRAPHS = [
  'Police released dramatic video showing the rescue of an eight-year-old girl who was kidnapped on Saturday.',
  'Officers found the car parked outside a motel and broke the window to reach the girl inside.',
  'The suspect was arrested at the scene and faces charges of aggravated kidnapping, the police chief said.',
  'The girl was taken to a hospital as a precaution and has since been reunited with her family, officials said.',
];
const PROMO = 'Watch the full rescue video on our app today';

describe('structured body', () => {
  test('where the stated body agrees, a block it does not contain goes', () => {
    const content = contentOf(`<p>${PARAGRAPHS[0]}</p><p>${PROMO}</p><p>${PARAGRAPHS.slice(1).join('</p><p>')}</p>`);
    removeBlocksOutsideStructuredBody(content, `<p>${PARAGRAPHS.join('</p><p>')}</p>`);
    assert.deepEqual(linesOf(content), PARAGRAPHS);
  });

  test('a stated body that is only a teaser judges nothing', () => {
    const content = contentOf(`<p>${PARAGRAPHS.join('</p><p>')}</p><p>${PROMO}</p>`);
    removeBlocksOutsideStructuredBody(content, PARAGRAPHS[0]!);
    assert.equal(linesOf(content).length, PARAGRAPHS.length + 1);
  });

  test('no stated body, nothing changes', () => {
    const content = contentOf(`<p>${PROMO}</p>`);
    removeBlocksOutsideStructuredBody(content, null);
    assert.deepEqual(linesOf(content), [PROMO]);
  });
});
