import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isNamedFurniture, removeNamedFurniture } from './boilerplate.ts';
import { markupWords } from './markup.ts';
import { linesOf, pageOf, prose } from './fixture.ts';

describe('named furniture', () => {
  test('class and id words are split at dashes, underscores and camel case', () => {
    const page = pageOf('<div id="x" class="article__image-caption InlineImage-imageEmbedCredit"></div>');
    assert.deepEqual(markupWords(page.querySelector('div')!), [
      'article', 'image', 'caption', 'inline', 'image', 'image', 'embed', 'credit', 'x',
    ]);
  });

  test('share bars, newsletter boxes, related boxes, datelines and navigation are removed', () => {
    const page = pageOf(`
      <nav><p>Home</p><p>World</p></nav>
      <article>
        <div class="dateline"><p>Updated Nov 19, 9:41 AM</p></div>
        <p>${prose(400)}</p>
        <div class="share-tools"><p>Share on Facebook</p></div>
        <p>${prose(300)}</p>
        <aside class="newsletter-signup"><p>Get the morning briefing in your inbox.</p></aside>
        <div class="related-stories"><p>Council backs new school</p></div>
      </article>`);
    removeNamedFurniture(page);
    const lines = linesOf(page);
    assert.equal(lines.length, 2);
    assert.ok(lines.every((line) => line.startsWith('The council voted')));
  });

  test('a paragraph that merely talks about sharing or newsletters is kept', () => {
    const page = pageOf(`<article><p class="story-text">Shares of the newsletter company fell 5%.</p><p>${prose(300)}</p></article>`);
    removeNamedFurniture(page);
    assert.equal(linesOf(page)[0], 'Shares of the newsletter company fell 5%.');
  });

  test('words inside longer words do not count: "shareholder", "adventure", "commentary"', () => {
    for (const name of ['shareholder-letter', 'adventure', 'commentary', 'headline']) {
      const element = pageOf(`<div class="${name}"></div>`).querySelector('div')!;
      assert.equal(isNamedFurniture(element), false, name);
    }
    assert.equal(isNamedFurniture(pageOf('<div class="ad"></div>').querySelector('div')!), true);
    assert.equal(isNamedFurniture(pageOf('<div class="post-meta"></div>').querySelector('div')!), true);
  });

  test('an element holding most of the prose is the story, whatever its class says', () => {
    const page = pageOf(`<article class="entry author-jane-doe has-share-bar"><p>${prose(500)}</p><p>${prose(500)}</p></article>`);
    removeNamedFurniture(page);
    assert.equal(linesOf(page).length, 2);
  });

  test('a wrapper with several full paragraphs is kept even when it holds under half the story', () => {
    const chunk = `<p>${prose(200)}</p>`.repeat(3);
    const page = pageOf(`<article><div class="story-chunk">${chunk}</div><div class="ad-wrapper">${chunk}</div><div>${chunk}</div></article>`);
    removeNamedFurniture(page);
    assert.equal(linesOf(page).length, 9);
  });

  test('inside a paragraph only a hover card goes: a link styled "popup" is a word of the story', () => {
    const page = pageOf(`<article><p>I am a <a class="popup" href="/gloss">rather elderly</a> man, said
      <span class="rollover-people"><a href="/people/noem">Kristi Noem</a><span class="rollover-block"><a href="/x">Her other stories</a></span></span>.</p>
      <p>${prose(300)}</p></article>`);
    removeNamedFurniture(page);
    assert.equal(linesOf(page)[0], 'I am a rather elderly man, said Kristi Noem.');
  });

  test('a class that states what an element has or lacks ("has-comments", "no-ads") does not name it', () => {
    const page = pageOf(`<div class="story has-comments"><p>The board met on Tuesday.</p></div><div class="no-ads"><p>It voted.</p></div><p>${prose(300)}</p>`);
    removeNamedFurniture(page);
    assert.deepEqual(linesOf(page).slice(0, 2), ['The board met on Tuesday.', 'It voted.']);
  });
});
