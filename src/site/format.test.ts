import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captionWithoutCredit, formatDate, formatDateTime, pageOfPages, safeUrl, snippet, storyCount, visibleUpdate } from './format.ts';

describe('format', () => {
  it('writes dates in UTC and says so', () => {
    assert.equal(formatDateTime('2026-01-18T09:30:00.000Z'), '18 January 2026, 09:30 UTC');
    assert.equal(formatDate('2026-01-18T23:59:00.000Z'), '18 January 2026');
  });

  it('cuts snippets at a word and marks the cut', () => {
    assert.equal(snippet('short text'), 'short text');
    const cut = snippet('one two three four five', 12);
    assert.equal(cut, 'one two…');
    assert.ok(snippet('x'.repeat(500)).length <= 221);
    // Long texts are tidied from their opening only, with the same result as tidying all of them.
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    assert.equal(snippet(words.join('  \n ')), snippet(words.join(' ')));
    const spacey = `${' '.repeat(1000)}a few words then ${'more '.repeat(100)}`;
    assert.match(snippet(spacey), /^a few words then more more/);
    assert.ok(snippet(spacey).endsWith('…'));
  });

  it('drops a credit the source page appended to the caption', () => {
    const credit = 'Nasser Nasser/AP/File';
    assert.equal(captionWithoutCredit(`A base in Anbar. - ${credit}`, credit), 'A base in Anbar.');
    assert.equal(captionWithoutCredit(`A base in Anbar. — ${credit}`, credit), 'A base in Anbar.');
    assert.equal(captionWithoutCredit('A base in Anbar.', credit), 'A base in Anbar.');
    assert.equal(captionWithoutCredit('A base in Anbar.', null), 'A base in Anbar.');
  });

  it('shows an update only for an edit after publication', () => {
    const publishedAt = '2026-01-18T09:30:00.000Z';
    assert.equal(visibleUpdate({ publishedAt, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' }), null);
    assert.equal(visibleUpdate({ publishedAt, createdAt: publishedAt, updatedAt: '2026-01-18T09:30:30.000Z' }), null);
    assert.equal(visibleUpdate({ publishedAt, createdAt: publishedAt, updatedAt: '2026-01-19T00:00:00.000Z' }), '2026-01-19T00:00:00.000Z');
  });

  it('lets only http(s) URLs and paths on this site into links and images', () => {
    for (const url of ['https://en.wikinews.org/wiki/X', 'http://example.com/a?b=c', '/media/placeholder/world.svg']) {
      assert.equal(safeUrl(url), url);
    }
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', '//evil.example/x', '/\\evil.example', 'vbscript:x', 'not a url', '', null, undefined]) {
      assert.equal(safeUrl(url), null, String(url));
    }
  });
});

describe('story counts', () => {
  it('say one story, many stories, and the page only when there are several', () => {
    assert.equal(storyCount(1), '1 story');
    assert.equal(storyCount(0), '0 stories');
    assert.equal(storyCount(12), '12 stories');
    assert.equal(pageOfPages(2, 5), ' · page 2 of 5');
    assert.equal(pageOfPages(1, 1), '');
  });
});
