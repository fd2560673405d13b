import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildTimeline, type TimelineEntry } from './index.ts';
import { isReadable } from './readableLabel.ts';
import { wordsOf } from './words.ts';

const WIKINEWS = new URL('../../../../shared/demo/wikinews/articles.jsonl', import.meta.url);

interface WikinewsStory {
  title: string;
  text: string;
  publishedAt: string | null;
}

function assertFromSource(paragraphs: readonly string[], entry: TimelineEntry): void {
  const { text, paragraph, start, end } = entry.sentence;
  assert.equal(paragraphs[paragraph]?.slice(start, end), text);
  const words = new Set(wordsOf(text).map((w) => w.text));
  // A plan is marked as one ("Planned: …"); the rest of the label is the sentence's words.
  for (const word of wordsOf(entry.label.replace(/^(?:Planned|Expected): /, ''))) assert.ok(words.has(word.text), `"${word.text}" of "${entry.label}" not in "${text}"`);
  for (const figure of entry.figures) assert.ok(text.includes(figure), `figure "${figure}" not in "${text}"`);
  assert.match(entry.date, /^\d{4}(?:-\d\d(?:-\d\d)?)?(?:\/\d{4}(?:-\d\d(?:-\d\d)?)?)?$/);
}

/** A statement a reader understands: never a lone word, a verb of saying, a weekday or a dangling quote. */
function assertReadable(entry: TimelineEntry): void {
  const label = entry.label.replace(/^(?:Planned|Expected): /, '');
  assert.ok(isReadable(label), `unreadable label "${label}" of "${entry.sentence.text}"`);
  assert.ok(wordsOf(label).length >= 2, label);
  assert.doesNotMatch(label, /^(?:said|says|reported|announced)$|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/);
}

/** Past the publication date only what the sentence plans, and labelled so. */
function assertNotAfterPublication(entry: TimelineEntry, publishedAt: string | null): void {
  if (!publishedAt) return;
  const published = publishedAt.slice(0, 10);
  const start = entry.date.split('/')[0]!;
  if (start.slice(0, 10) > published && !published.startsWith(start)) {
    assert.match(entry.label, /^(?:Planned|Expected): /, `${entry.date} after ${published}: "${entry.sentence.text}"`);
  }
}

/** Sentence pieces that carry dates, numbers and the traps between them. */
const PIECES = [
  'In 2011, US forces withdrew;',
  'approximately 5,000 returned in 2014',
  'on Sunday',
  'since the 2003 invasion.',
  'At its peak, about 170,000 US troops were stationed.',
  'in January 2020',
  'Dec. 31, 2021',
  'from 1939 to 1945',
  'at 10 a.m.',
  '3-1',
  '8/10',
  'Mr. Smith said',
  'the 2008–09 recession',
  'yesterday',
  '—',
  '; ',
  ', ',
  '. ',
];

test('property: every entry points at an exact slice of its paragraph and shows only its words', () => {
  const paragraph = fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 14 })
    .map((parts) => parts.join(' '));
  fc.assert(
    fc.property(
      fc.array(paragraph, { maxLength: 4 }),
      fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })),
      (paragraphs, published) => {
        const timeline = buildTimeline({ paragraphs, publishedAt: published ? published.toISOString() : null });
        for (const entry of timeline) assertFromSource(paragraphs, entry);
      },
    ),
    { numRuns: 300 },
  );
});

test('the Wikinews corpus: no throw, every entry from its source sentence', () => {
  const stories = readFileSync(WIKINEWS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WikinewsStory);
  let entries = 0;
  for (const story of stories) {
    const paragraphs = story.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const timeline = buildTimeline({ paragraphs, publishedAt: story.publishedAt });
    for (const entry of timeline) {
      assertFromSource(paragraphs, entry);
      assertReadable(entry);
      assertNotAfterPublication(entry, story.publishedAt);
    }
    entries += timeline.length;
  }
  // Nearly every story is dated by its publication time at least; a handful of facts each on average.
  assert.ok(entries > stories.length, `${entries} entries for ${stories.length} stories`);
});
