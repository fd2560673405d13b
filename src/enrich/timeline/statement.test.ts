import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isReadable } from './readableLabel.ts';
import { buildTimeline } from './index.ts';

function labelsOf(sentence: string, publishedAt: string | null): string[] {
  return buildTimeline({ paragraphs: [sentence], publishedAt }).map((e) => e.label);
}

describe('a timeline entry reads as a statement of what happened', () => {
  const cases: [sentence: string, publishedAt: string, label: string][] = [
    // The seed article (CRBC News)
    ['Notably, Iran launched a ballistic-missile strike on US forces at Al-Asad in January 2020.', '2026-01-19T10:00:00Z', 'Iran launched a ballistic-missile strike on US forces'],
    ['Iraq’s government announced on Sunday that US forces have completed a full withdrawal from military facilities.', '2026-01-19T10:00:00Z', 'US forces have completed a full withdrawal from military facilities'],
    ['The base has also been struck by militias, and an attack in 2024 reportedly injured several US service members.', '2026-01-19T10:00:00Z', 'an attack reportedly injured several US service members'],
    // Wikinews
    ['India and China reopened the Nathula Pass in the state of Sikkim, on Thursday.', '2006-07-06T12:00:00Z', 'India and China reopened the Nathula Pass'],
    ['The plant opened in March 2015 and closed in December 2019.', '2024-03-13T09:00:00Z', 'The plant closed'],
    ['Iowa holds the first caucuses of the campaign on Monday.', '2008-01-08T09:00:00Z', 'Iowa holds the first caucuses of the campaign'],
    [
      "On October 19, Don Blankenship, the Constitution Party's 2020 presidential nominee, answered some questions about his campaign from Wikinews accredited reporter William S. Saturn.",
      '2020-10-25T09:00:00Z',
      'Don Blankenship answered some questions about his campaign from Wikinews',
    ],
    ['In August 2020, Collins lost the nomination to businessman Rocky De La Fuente in the primary.', '2020-10-01T09:00:00Z', 'Collins lost the nomination to businessman Rocky De La Fuente'],
  ];
  for (const [sentence, publishedAt, label] of cases) {
    test(sentence, () => assert.ok(labelsOf(sentence, publishedAt).includes(label), labelsOf(sentence, publishedAt).join(' | ')));
  }

  test('the date a noun names keeps the noun: "the 2003 invasion", not the clause around it', () => {
    assert.deepEqual(labelsOf('The US military presence in Iraq has fluctuated since the 2003 invasion.', null), ['2003 invasion']);
  });

  test('a verb of saying is not the event: the news it reports is', () => {
    const [label] = labelsOf('The Pentagon said on Tuesday that militias fired rockets at the embassy.', '2020-01-08T09:00:00Z');
    assert.equal(label, 'militias fired rockets at the embassy');
  });

  test('a quote opened and not closed is cut off', () => {
    const [label] = labelsOf('U.S. retail-chain Wal-mart Stores will revise their "everyday low price" strategy in March.', '2005-12-09T10:00:00Z');
    assert.doesNotMatch(label ?? '', /"/);
  });

  test('a future date is labelled as a plan; a past-tense one after publication is left out', () => {
    assert.deepEqual(labelsOf('MPs will vote on the bill in January 2027.', '2026-12-01T10:00:00Z'), ['Planned: MPs will vote on the bill']);
    assert.deepEqual(labelsOf('Prices rose sharply in January 2027.', '2026-12-01T10:00:00Z'), []);
  });
});

test('lone words, verbs of saying, weekdays and dangling quotes are not readable', () => {
  for (const label of ['said', 'vote', 'Tuesday', 'referred to as "Super', 'attacks', 'reported']) assert.equal(isReadable(label), false, label);
  for (const label of ['Iowa holds the first caucuses', 'Iran strikes Al-Asad with ballistic missiles']) assert.equal(isReadable(label), true, label);
});
