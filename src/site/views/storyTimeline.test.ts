import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineFact } from '../../domain/index.ts';
import { storyTimeline, STORY_TIMELINE_LENGTH } from './storyTimeline.ts';

function fact(date: string, label: string, paragraph = 0): TimelineFact {
  return { date, precision: 'year', label, figures: [], sentence: { text: `${label}.`, paragraph, start: 0, end: label.length + 1 } };
}

test('facts from all articles come in date order, each told once, linked to its first teller', () => {
  const merged = storyTimeline([
    { articleId: 1, timeline: [fact('2011', 'withdrawal'), fact('2024-03-02', 'strike on the base')] },
    { articleId: 2, timeline: [fact('2003', 'invasion'), fact('2011', 'Withdrawal '), fact('2011', 'return of advisers')] },
  ]);
  assert.deepEqual(
    merged.map(({ fact, articleId }) => [fact.date, fact.label, articleId]),
    [
      ['2003', 'invasion', 2],
      ['2011', 'withdrawal', 1],
      ['2011', 'return of advisers', 2],
      ['2024-03-02', 'strike on the base', 1],
    ],
  );
});

test('a long story keeps a readable timeline', () => {
  const many = Array.from({ length: STORY_TIMELINE_LENGTH + 10 }, (_, n) => fact(String(1900 + n), `event ${n}`));
  assert.equal(storyTimeline([{ articleId: 1, timeline: many }]).length, STORY_TIMELINE_LENGTH);
});
