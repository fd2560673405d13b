import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fts5Query, MAX_SEARCH_WORDS, parseSearch, tsQuery, tsWordsQuery } from './searchQuery.ts';

test('words, "phrases" and prefix* words', () => {
  const { terms, notices } = parseSearch('Election "vote count" turn*  Zürich');
  assert.deepEqual(terms, [
    { kind: 'word', word: 'election', prefix: false },
    { kind: 'phrase', words: ['vote', 'count'], prefix: false },
    { kind: 'word', word: 'turn', prefix: true },
    { kind: 'word', word: 'zürich', prefix: false },
  ]);
  assert.deepEqual(notices, []);
  assert.equal(fts5Query(terms), '"election" AND "vote count" AND "turn" * AND "zürich"');
  assert.equal(tsQuery(terms), "'election' & ('vote' <-> 'count') & 'turn':* & 'zürich'");
});

test('operators are words, punctuation is a word break, an unclosed quote runs to the end', () => {
  const words = (q: string) => parseSearch(q).terms;
  assert.deepEqual(words('NEAR(a b) OR NOT'), ['near', 'a', 'b', 'or', 'not'].map((word) => ({ kind: 'word', word, prefix: false })));
  assert.deepEqual(words('headline:fire'), [{ kind: 'word', word: 'headline', prefix: false }, { kind: 'word', word: 'fire', prefix: false }]);
  assert.deepEqual(words('fire "rescue team'), [{ kind: 'word', word: 'fire', prefix: false }, { kind: 'phrase', words: ['rescue', 'team'], prefix: false }]);
  assert.deepEqual(words('"one"'), [{ kind: 'word', word: 'one', prefix: false }], 'a phrase of one word is that word');
  assert.deepEqual(words('a* fire fire'), [{ kind: 'word', word: 'a', prefix: false }, { kind: 'word', word: 'fire', prefix: false }], 'a one-letter prefix would match too much; repeats go');
});

test('a name joined by hyphens or apostrophes is a phrase of its parts', () => {
  const phrase = (...words: string[]) => ({ kind: 'phrase', words, prefix: false });
  const terms = (q: string) => parseSearch(q).terms;
  assert.deepEqual(terms('Al-Asad'), [phrase('al', 'asad')]);
  assert.deepEqual(terms("O'Brien al-Qaeda Jean-Luc"), [phrase('o', 'brien'), phrase('al', 'qaeda'), phrase('jean', 'luc')]);
  assert.deepEqual(terms('O’Brien d’Alembert'), [phrase('o', 'brien'), phrase('d', 'alembert')], 'the typographic apostrophe too');
  assert.deepEqual(terms('Stratford\u2011upon\u2010Avon'), [phrase('stratford', 'upon', 'avon')], 'Unicode hyphens too');
  assert.deepEqual(terms('"General Al-Asad"'), [phrase('general', 'al', 'asad')], 'inside quotes, the name is part of the phrase');
  assert.deepEqual(terms('Al-Asad’s base'), [phrase('al', 'asad'), { kind: 'word', word: 'base', prefix: false }], 'a possessive is the name');
  assert.deepEqual(terms("Asad's"), [{ kind: 'word', word: 'asad', prefix: false }]);
  assert.deepEqual(
    terms('troops - left -x well--known'),
    ['troops', 'left', 'x', 'well', 'known'].map((word) => ({ kind: 'word', word, prefix: false })),
    'a hyphen with a space or another hyphen beside it joins nothing',
  );
  assert.deepEqual(terms('jean-lu*'), [{ kind: 'phrase', words: ['jean', 'lu'], prefix: true }], 'a starred name ends in a prefix');
  assert.deepEqual(terms('al-Qaeda al-Qaeda'), [phrase('al', 'qaeda')], 'repeats go');

  const names = terms("O'Brien jean-lu* Al-Asad");
  assert.equal(fts5Query(names), '"o brien" AND "jean lu" * AND "al asad"');
  assert.equal(tsQuery(names), "('o' <-> 'brien') & ('jean' <-> 'lu':*) & ('al' <-> 'asad')");
});

test("PostgreSQL's headline checks: the words alone for the index, the phrase within the headline's words", () => {
  const { terms } = parseSearch('"vote count" jean-lu* budget');
  assert.equal(tsWordsQuery(terms), "'vote' & 'count' & 'jean' & 'lu':* & 'budget'");
  assert.equal(tsQuery(terms, { inHeadline: true }), "('vote':A <-> 'count':A) & ('jean':A <-> 'lu':*A) & 'budget':A");
});

test('long queries are cut, with a notice that says so', () => {
  const many = parseSearch(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
  assert.equal(many.terms.length, MAX_SEARCH_WORDS);
  assert.match(many.notices.join(' '), /first 32 words/);
  const huge = parseSearch('x'.repeat(10_240));
  assert.deepEqual(huge.terms, []);
  assert.match(huge.notices.join(' '), /first 1,000 characters/);
  assert.match(huge.notices.join(' '), /longer than 64/);
});

test('whatever is typed, each engine receives only quoted letters, digits and its own operators', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (q) => {
      const { terms } = parseSearch(q);
      for (const term of terms) {
        for (const word of term.kind === 'word' ? [term.word] : term.words) assert.match(word, /^[\p{L}\p{N}\p{M}]{1,64}$/u);
      }
      // Between quotes only words; outside them only the operators we write.
      assert.match(fts5Query(terms), /^("[\p{L}\p{N}\p{M} ]+"( \*)?( AND "[\p{L}\p{N}\p{M} ]+"( \*)?)*)?$/u);
      for (const query of [tsQuery(terms), tsWordsQuery(terms), tsQuery(terms, { inHeadline: true }).replace(/:\*?A/g, '')]) {
        assert.doesNotMatch(query.replace(/'[\p{L}\p{N}\p{M}]+'/gu, ''), /[^()<>&:* -]/u);
      }
    }),
    { numRuns: 500 },
  );
});
