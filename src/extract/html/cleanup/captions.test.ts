import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { removeCreditLines, removeNamedCaptions } from './captions.ts';
import { contentOf, linesOf, pageOf, prose } from './fixture.ts';

describe('captions and credits', () => {
  test('captions and credits named in the markup are removed before Readability', () => {
    const page = pageOf(`
      <article>
        <div class="Figure"><img src="a.jpg"><div class="Figure-caption"><p>Kevin Mayer at the launch.</p></div>
          <div class="Figure-credit"><p>(Walt Disney Co.)</p></div></div>
        <p>${prose(200)}</p>
      </article>`);
    removeNamedCaptions(page);
    assert.deepEqual(linesOf(page), [prose(200)]);
  });

  test('the figcaption of a figure with its photo stays: the figure block carries it', () => {
    const page = pageOf(`<figure><img src="a.jpg"><figcaption>Kristi Noem at the White House. <span class="credit">Alex Wong</span></figcaption></figure>`);
    removeNamedCaptions(page);
    assert.equal(page.querySelector('figcaption')?.textContent, 'Kristi Noem at the White House. Alex Wong');
  });

  test('a figcaption without a photo, and a gallery wrapper too long for a caption, are told apart', () => {
    const page = pageOf(`<figcaption>Stray caption</figcaption><div class="gallery-caption-wrapper"><p>${prose(700)}</p></div>`);
    removeNamedCaptions(page);
    assert.deepEqual(linesOf(page), [prose(700)]);
  });

  test('credit lines left in the article are removed; sentences about photos are kept', () => {
    const content = contentOf(`
      <p>(Image: © NASA/ESA/K. Retherford/SWRI)</p>
      <p>Image copyright Getty Images</p>
      <p>Photo: Reuters</p>
      <p>Photographers waited outside the court for hours.</p>
      <p>The image: a crowded square at dawn, described by witnesses.</p>`);
    removeCreditLines(content);
    assert.deepEqual(linesOf(content), [
      'Photographers waited outside the court for hours.',
      'The image: a crowded square at dawn, described by witnesses.',
    ]);
  });

  test('a caption box holding its photo keeps the photo and loses the words; "no_caption" names no caption', () => {
    const page = pageOf(`
      <p><span class="wf_caption"><a href="/big.jpg"><img src="map.jpg"></a><span>The first global map of Titan. (NASA)</span></span></p>
      <div class="item no_caption"><p>The mother described how her daughter was burning up.</p></div>`);
    removeNamedCaptions(page);
    assert.ok(page.querySelector('img[src="map.jpg"]'));
    assert.deepEqual(linesOf(page), ['The mother described how her daughter was burning up.']);
  });
});
