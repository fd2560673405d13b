import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BAD_PAGE_NUMBER, EXCERPT_CHARS, excerpt, schemaProblemWording, wordingFor } from './errorWording.ts';

describe('excerpt', () => {
  it('keeps a short request as it is', () => {
    assert.equal(excerpt('/%E0%A4%A'), '/%E0%A4%A');
  });

  it('cuts a long one to a short excerpt marked as cut', () => {
    const shown = excerpt(`/${'a'.repeat(10_240)}`);
    assert.equal(shown, `/${'a'.repeat(EXCERPT_CHARS - 1)}…`);
  });

  it('drops control characters and never splits a character in two', () => {
    assert.equal(excerpt('/a\u0000b\r\nc\u007f'), '/abc');
    const emoji = '😀'.repeat(EXCERPT_CHARS + 5);
    assert.equal(excerpt(emoji), `${'😀'.repeat(EXCERPT_CHARS)}…`);
    assert.equal(excerpt('/\uD800x'), '/x', 'an unpaired surrogate is not text');
  });
});

describe('schemaProblemWording', () => {
  it('says what was wrong with each query field in readers’ words', () => {
    assert.equal(schemaProblemWording([{ instancePath: '/page', params: { type: 'integer' } }], 'querystring'), BAD_PAGE_NUMBER);
    assert.match(schemaProblemWording([{ instancePath: '/q' }], 'querystring'), /one thing at a time/);
  });

  it('has a plain sentence for fields and parts it has no words of its own for', () => {
    assert.match(schemaProblemWording([{ instancePath: '/utm' }], 'querystring'), /after the “\?” is not something we can read/);
    assert.equal(schemaProblemWording([{ instancePath: '/text' }], 'body'), 'What your browser sent could not be read.');
  });
});

describe('wordingFor', () => {
  it('words every status a reader can meet, and falls back by class', () => {
    for (const status of [400, 404, 408, 413, 414, 415, 429, 431, 500]) {
      const { title, text } = wordingFor(status);
      assert.ok(title && text, String(status));
    }
    assert.equal(wordingFor(418).title, wordingFor(400).title);
    assert.equal(wordingFor(503).title, wordingFor(500).title);
  });
});
