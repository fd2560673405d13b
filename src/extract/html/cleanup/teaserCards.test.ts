import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { removeTeaserCards } from './teaserCards.ts';
import { linesOf, pageOf, prose } from './fixture.ts';

describe('teaser cards', () => {
  test('short articles led by a linked headline go; the story and an unlinked box stay', () => {
    const card = (title: string) =>
      `<article class="card"><h2><a href="/${title}">${title}</a></h2><p>One line of blurb about it.</p></article>`;
    const page = pageOf(`
      <article><h1><a href="/story">Is Stadia Worth It?</a></h1><p>${prose(700)}</p></article>
      ${card('Watching This Koala Get Rescued')}
      ${card('Can Babies Learn To Love Vegetables?')}
      <article><h3>Editor's note</h3><p>This story was updated.</p></article>`);
    removeTeaserCards(page);
    assert.deepEqual(linesOf(page), ['Is Stadia Worth It?', prose(700), "Editor's note", 'This story was updated.']);
  });
});
