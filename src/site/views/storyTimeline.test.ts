import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineFact } from '../../domain/index.ts';
import { storyTimeline, STORY_TIMELINE_LENGTH } from './storyTimeline.ts';

function fact(date: string, label: string, paragraph = 1): TimelineFact {
  return { date, precision: 'year', label, figures: [], sentence: { text: `${label}.`, paragraph, start: 0, end: label.length + 1 } };
}

test('facts from all articles come in date order, each event told once, linked to its first teller', () => {
  const merged = storyTimeline([
    { articleId: 1, timeline: [fact('2011', 'US forces withdrew from Iraq'), fact('2024-03-02', 'militias struck the base')] },
    { articleId: 2, timeline: [fact('2003', '2003 invasion of Iraq'), fact('2011', 'US forces withdrew'), fact('2011', 'advisers returned to Baghdad')] },
  ]);
  assert.deepEqual(
    merged.map(({ fact, articleId, reports }) => [fact.date, fact.label, articleId, reports]),
    [
      ['2003', '2003 invasion of Iraq', 2, 1],
      ['2011', 'US forces withdrew from Iraq', 1, 2],
      ['2011', 'advisers returned to Baghdad', 2, 1],
      ['2024-03-02', 'militias struck the base', 1, 1],
    ],
  );
});

test('the same event dated to the month by one article and to the day by another is one entry', () => {
  const merged = storyTimeline([
    { articleId: 1, timeline: [fact('2020-01', 'Iran launched a ballistic-missile strike on US forces')] },
    { articleId: 2, timeline: [fact('2020-01-08', 'Iran launched missiles at US forces in Iraq')] },
  ]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.reports, 2);
});

test('a long story keeps about a dozen entries: those most articles report, in date order', () => {
  const many = Array.from({ length: STORY_TIMELINE_LENGTH + 10 }, (_, n) => fact(String(1900 + n), `minor event number ${n} happened`));
  const reported = fact('1950', 'Iowa holds the first caucuses');
  const merged = storyTimeline([
    { articleId: 1, timeline: many },
    { articleId: 2, timeline: [reported] },
    { articleId: 3, timeline: [fact('1950', 'Iowa holds its first caucuses')] },
  ]);
  assert.equal(merged.length, STORY_TIMELINE_LENGTH);
  assert.ok(merged.some((f) => f.fact.label === 'Iowa holds the first caucuses' && f.reports === 2));
  const dates = merged.map((f) => f.fact.date);
  assert.deepEqual(dates, [...dates].sort());
});

test('a one-word label stored by older code is never shown', () => {
  const merged = storyTimeline([{ articleId: 1, timeline: [fact('2008-01-03', 'said'), fact('2008-01-03', 'Tuesday'), fact('2008-01-03', 'Iowa holds the first caucuses')] }]);
  assert.deepEqual(merged.map((f) => f.fact.label), ['Iowa holds the first caucuses']);
});
