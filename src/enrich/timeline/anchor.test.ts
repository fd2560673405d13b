import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTimeline } from './index.ts';
import { tenseAt } from './tense.ts';

function datesOf(sentence: string, publishedAt: string | null): string[] {
  // The first paragraph is the undated news (dated by publication); the sentence under test is the second.
  return buildTimeline({ paragraphs: ['No date here.', sentence], publishedAt })
    .filter((e) => e.sentence.paragraph === 1)
    .map((e) => e.date);
}

/** A Friday in December 2005, as in the BBC business stories the issue names. */
const DEC_2005 = '2005-12-09T10:00:00Z';

describe('a date without its year or week is counted from the publication date, on the side its verb points to', () => {
  test('"rose in January" is the January before publication', () => {
    assert.deepEqual(datesOf('UK house prices rose by 1.3% in January, according to the Nationwide.', DEC_2005), ['2005-01']);
  });

  test('"will vote in January" is the January after it', () => {
    assert.deepEqual(datesOf('MPs will vote on the bill in January, the government said.', DEC_2005), ['2006-01']);
  });

  test('a weekday in a past-tense sentence is the one before publication, the day itself included', () => {
    const wednesday = '2005-12-14T08:00:00Z';
    assert.deepEqual(datesOf('Shares in the airline fell 4% on Friday after the profit warning.', wednesday), ['2005-12-09']);
    assert.deepEqual(datesOf('Shares in the airline fell 4% on Wednesday after the profit warning.', wednesday), ['2005-12-14']);
  });

  test('a present-tense headline looks back: "Iowa holds its caucuses on Monday" in a Tuesday story', () => {
    assert.deepEqual(datesOf('Iowa holds the first caucuses of the campaign on Monday.', '2008-01-08T09:00:00Z'), ['2008-01-07']);
  });

  test('"said on Friday it will cut jobs in March": Friday is the saying, March the plan', () => {
    const dates = datesOf('The carmaker said on Friday it will cut 900 jobs in March.', DEC_2005);
    assert.deepEqual(dates, ['2005-12-09', '2006-03']);
  });
});

describe('without a publication date nothing relative is dated', () => {
  for (const sentence of [
    'Shares in the airline fell 4% on Friday after the profit warning.',
    'UK house prices rose by 1.3% in January, according to the Nationwide.',
    'The minister resigned yesterday after weeks of pressure.',
    'The company reported a loss last month.',
  ]) {
    test(sentence, () => assert.deepEqual(datesOf(sentence, null), []));
  }

  test('a date with its year still is', () => {
    assert.deepEqual(datesOf('The airline was founded in January 1984 by Richard Branson.', null), ['1984-01']);
  });
});

describe('tense of the verb nearest a date', () => {
  const at = (sentence: string, words: string) => {
    const start = sentence.indexOf(words);
    return tenseAt(sentence, { start, end: start + words.length });
  };
  test('past, present and future verbs', () => {
    assert.equal(at('Congressional lawmakers rejected the proposal in October.', 'October'), 'past');
    assert.equal(at('Iowa holds the first caucuses on Monday.', 'Monday'), 'present');
    assert.equal(at('The committee will vote in January on the bill.', 'January'), 'future');
    assert.equal(at('Protesters demanded that elections to be held on November 6 be free.', 'November 6'), 'future');
  });
});
