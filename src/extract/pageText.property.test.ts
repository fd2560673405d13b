import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { ExtractError, sectionParagraphs, type ArticleDraft } from '../domain/index.ts';
import { MAX_PAGE_TEXT_BYTES, normalizePageText, parsePageText } from './index.ts';

const SEED = readFileSync(new URL('../../../shared/fixtures/crbc-security-article.txt', import.meta.url), 'utf8');
const SEED_LINES = SEED.split('\n');

/** Every piece of text the draft carries, to check against the input. */
function textsOf(draft: ArticleDraft): string[] {
  return [
    draft.headline,
    draft.sectionName,
    draft.dek,
    draft.summary,
    draft.lede,
    draft.byline,
    draft.hero?.caption,
    draft.hero?.credit,
    ...draft.body.flatMap((section) => [section.title, ...sectionParagraphs(section)]),
  ].filter((text): text is string => typeof text === 'string');
}

/** parsePageText returns a draft made only of the input's own text, or throws ExtractError; nothing else. */
function checkPage(input: string): void {
  let draft: ArticleDraft;
  try {
    draft = parsePageText(input);
  } catch (error) {
    assert.ok(error instanceof ExtractError, `only ExtractError may escape, got ${String(error)}`);
    return;
  }
  const normalized = normalizePageText(input);
  assert.ok(draft.headline.length > 0, 'headline is not empty');
  assert.ok(normalized.includes(draft.headline), 'headline occurs in the input');
  for (const text of textsOf(draft)) {
    assert.ok(text.length > 0, 'no empty text');
    assert.ok(normalized.includes(text), `invented text: ${JSON.stringify(text)}`);
  }
  for (const section of draft.body) assert.ok(sectionParagraphs(section).length > 0 || section.title !== null);
}

/** Pieces a page is made of: seed lines, their fragments, dashes, credits, chrome, and noise. */
const lineArbitrary = fc.oneof(
  fc.constantFrom(...SEED_LINES),
  fc.constantFrom('', ' ', '\t', 'Help us improve.', 'Trending', 'Advertisement', 'Photo: Reuters', ' - ', ' — ', '—'),
  fc.constantFrom('Background', 'What changes', 'By Jane Doe', 'Daily Planet', 'Science', '(Credit: Getty Images)'),
  fc.tuple(fc.constantFrom(...SEED_LINES), fc.nat(), fc.nat()).map(([line, a, b]) => line.slice(Math.min(a, b) % 200, Math.max(a, b) % 200)),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(' — ', ' – ', ' - ', '—', ' | ', ' Photo: '), fc.string({ maxLength: 40 }))
    .map(([a, dash, b]) => a + dash + b),
);
const pageArbitrary = fc
  .tuple(fc.array(lineArbitrary, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\u2028'))
  .map(([lines, newline]) => lines.join(newline));

test('property: arbitrary strings give a draft of the input’s own text, or ExtractError', () => {
  fc.assert(fc.property(fc.string(), checkPage), { numRuns: 500 });
  fc.assert(fc.property(fc.string({ unit: 'binary' }), checkPage), { numRuns: 500 });
  fc.assert(
    fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }), checkPage),
    { numRuns: 500 },
  );
});

test('property: pages mixing seed lines, dashes, credits, chrome and noise never invent text or crash', () => {
  fc.assert(fc.property(pageArbitrary, checkPage), { numRuns: 2000 });
});

test('property: the seed with lines removed or shuffled never invents text or crashes', () => {
  fc.assert(
    fc.property(fc.shuffledSubarray(SEED_LINES), (lines) => checkPage(lines.join('\n'))),
    { numRuns: 500 },
  );
});

test('property: whatever follows the page chrome does not change the article', () => {
  const expected = parsePageText(SEED);
  fc.assert(
    fc.property(fc.array(lineArbitrary, { maxLength: 20 }), (tail) => {
      assert.deepEqual(parsePageText(`${SEED}\n${tail.join('\n')}`), expected);
    }),
    { numRuns: 300 },
  );
});

test('property: the draft is the same whatever the line endings and trailing whitespace', () => {
  const expected = parsePageText(SEED);
  fc.assert(
    fc.property(fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', ' ', '\t', ' \u00a0'), (newline, pad) => {
      const page = SEED_LINES.map((line) => line + pad).join(newline);
      assert.deepEqual(parsePageText(page), expected);
    }),
  );
});

/**
 * Inputs built to punish backtracking regexes and quadratic scans. A catastrophic pattern would run for hours on
 * these; the generous timeout is a hang guard, not a speed target (speed is measured by `npm run bench`).
 */
const PATHOLOGICAL: ReadonlyArray<[name: string, text: string]> = [
  ['one long line of dashes', `Headline\n${'- '.repeat(MAX_PAGE_TEXT_BYTES / 2 - 10)}`],
  ['one long line of periods', `Headline\n${'.'.repeat(MAX_PAGE_TEXT_BYTES - 10)}`],
  ['many run-in title look-alikes', `Headline\n${'A — '.repeat(300_000)}`],
  ['many short lines', `Headline\n${'Background\n'.repeat(150_000)}`],
  ['many caption look-alikes', `Headline\nHeadline\n${'x - Photo: '.repeat(150_000)}`],
  ['nested parentheses', `Headline\n${'('.repeat(1_000_000)}`],
  ['lone surrogates', `Headline\n${'\ud800'.repeat(500_000)}`],
  ['spaces and NBSP', `Headline\n${' \u00a0\t'.repeat(400_000)}x`],
  ['a first line that is too long', `${'word '.repeat(400_000)}`],
];

for (const [name, text] of PATHOLOGICAL) {
  test(`never hangs: ${name}`, { timeout: 60_000 }, () => {
    assert.ok(Buffer.byteLength(text) <= MAX_PAGE_TEXT_BYTES, 'the input must get past the size check');
    try {
      parsePageText(text);
    } catch (error) {
      assert.ok(error instanceof ExtractError);
    }
  });
}
