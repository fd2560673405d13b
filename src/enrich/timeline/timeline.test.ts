import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { sectionParagraphs } from '../../domain/index.ts';
import { parsePageText } from '../../extract/index.ts';
import { buildTimeline, type TimelineEntry } from './index.ts';

const SEED = new URL('../../../../shared/fixtures/crbc-security-article.txt', import.meta.url);
/** A Monday: the seed's "announced on Sunday" is the day before. */
const SEED_PUBLISHED_AT = '2026-01-19T10:00:00Z';

function seedParagraphs(withSummary: boolean): string[] {
  const draft = parsePageText(readFileSync(SEED, 'utf8'));
  return [...(withSummary ? [draft.summary!] : []), draft.lede!, ...draft.body.flatMap(sectionParagraphs)];
}

function timelineOf(text: string | string[], publishedAt: string | null = '2024-03-13T09:00:00Z'): TimelineEntry[] {
  return buildTimeline({ paragraphs: typeof text === 'string' ? [text] : text, publishedAt });
}

/** The seed's eight facts, in time order: date, words of the label, words of the source sentence. */
const SEED_FACTS: [date: string, label: RegExp, sentence: RegExp][] = [
  ['2003', /invasion/, /since the 2003 invasion/],
  ['2003/2011', /peak.*170,000/, /^At its peak, about 170,000 US troops/],
  ['2011', /US forces withdrew/, /^In 2011, US forces withdrew/],
  ['2014', /5,000 returned/, /approximately 5,000 returned in 2014/],
  ['2020-01', /ballistic-missile strike/, /^Notably, Iran launched/],
  ['2021-12', /end of its combat mission/, /^Since the US announced the end/],
  ['2024', /attack/, /an attack in 2024 reportedly injured/],
  ['2026-01-18', /withdrawal/, /^Iraq’s government announced on Sunday/],
];

describe('the seed article', () => {
  for (const withSummary of [false, true]) {
    test(`lists its eight dated facts in time order (${withSummary ? 'with' : 'without'} the summary)`, () => {
      const paragraphs = seedParagraphs(withSummary);
      const timeline = buildTimeline({ paragraphs, publishedAt: SEED_PUBLISHED_AT });
      assert.deepEqual(
        timeline.map((e) => e.date),
        SEED_FACTS.map(([date]) => date),
      );
      timeline.forEach((entry, i) => {
        const [, label, sentence] = SEED_FACTS[i]!;
        assert.match(entry.label, label);
        assert.match(entry.sentence.text, sentence);
        assert.equal(paragraphs[entry.sentence.paragraph]!.slice(entry.sentence.start, entry.sentence.end), entry.sentence.text);
      });
    });
  }

  test('dates as precise as the text, with the figures that stand in each fact', () => {
    const timeline = buildTimeline({ paragraphs: seedParagraphs(false), publishedAt: SEED_PUBLISHED_AT });
    const byDate = new Map(timeline.map((e) => [e.date, e]));
    assert.deepEqual(
      timeline.map((e) => e.precision),
      ['year', 'year', 'year', 'year', 'month', 'month', 'year', 'day'],
    );
    assert.deepEqual(byDate.get('2003/2011')!.figures, ['170,000 US troops']);
    assert.deepEqual(byDate.get('2014')!.figures, ['5,000']);
    assert.deepEqual(byDate.get('2011')!.figures, []);
    assert.deepEqual(byDate.get('2021-12')!.figures, ['2,500 personnel']);
  });

  test('without a publication time the undated news is left out rather than dated from today', () => {
    const timeline = buildTimeline({ paragraphs: seedParagraphs(true), publishedAt: null });
    assert.deepEqual(
      timeline.map((e) => e.date),
      ['2003', '2003/2011', '2011', '2014', '2020-01', '2021-12', '2024'],
    );
  });
});

describe('relative dates resolve against the publication time', () => {
  const wednesday = '2024-03-13T09:00:00Z';
  const cases: [sentence: string, date: string][] = [
    ['The minister resigned on Sunday after weeks of pressure.', '2024-03-10'],
    ['The minister resigned yesterday after weeks of pressure.', '2024-03-12'],
    ['Parliament approved the budget today.', '2024-03-13'],
    ['The strike began on Monday, union leaders said.', '2024-03-11'],
    ['Voters went to the polls on March 3 in a snap election.', '2024-03-03'],
    ['The company reported a loss last year.', '2023'],
  ];
  for (const [sentence, date] of cases) {
    test(sentence, () => {
      const [entry, ...rest] = timelineOf(sentence, wednesday);
      assert.equal(entry?.date, date);
      assert.equal(rest.length, 0);
      assert.equal(entry.precision, date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year');
    });
  }

  test('dates counted from another fact of the story are not read', () => {
    for (const sentence of [
      'He retires as acting president after 10 years.',
      'One year later he was fired from the company.',
      'The following year the operating system was released.',
    ]) {
      assert.deepEqual(timelineOf(['Nothing dated here.', sentence], wednesday).slice(1), [], sentence);
    }
  });

  test('a lower-case word after a date is not an era ("November 6 be free")', () => {
    const [entry] = timelineOf('Protesters demanded that elections to be held on November 6 be free and fair.', '2005-10-30');
    assert.equal(entry?.date, '2005-11-06');
  });

  test('a date that owns its event names it ("Saturday’s unrest")', () => {
    const [entry] = timelineOf('As a result of Saturday’s unrest, twenty people were arrested.', '2020-11-17');
    assert.equal(entry?.date, '2020-11-14');
    assert.equal(entry.label, 'Saturday’s unrest');
  });

  test('a weekday told in the past is the one before publication; in the future, the one after', () => {
    const thursday = '2006-10-26T08:00:00Z';
    assert.equal(timelineOf('He was found unconscious on Sunday morning.', thursday)[0]?.date, '2006-10-22');
    assert.equal(timelineOf('The leaders will meet on Sunday in Geneva.', thursday)[0]?.date, '2006-10-29');
  });

  test('"last October" is before publication; "set for March 31" may be after it', () => {
    const [murdered] = timelineOf('Khashoggi was murdered last October in the Saudi consulate.', '2019-09-29');
    assert.equal(murdered?.date, '2018-10');
    assert.equal(murdered.label, 'Khashoggi was murdered in the Saudi consulate');
    assert.equal(timelineOf(['The council met in the town hall.', 'The vote is set for March 31.'], '2005-03-18')[1]?.date, '2005-03-31');
  });

  test('"September 3rd last year" is last year; "the September 11 attack" is no date of this year', () => {
    const timeline = timelineOf(['The council met in the town hall.', 'Wilders left the VVD on September 3rd last year.'], '2005-03-14');
    assert.deepEqual(timeline.map((e) => e.date), ['2004-09-03', '2005-03-14']);
    assert.deepEqual(timelineOf(['The council met in the town hall.', 'Troops came after the September 11 attack on New York.'], '2005-04-02').slice(1), []);
  });

  test('a weekday after "on" is a date even before a name', () => {
    assert.equal(timelineOf('On Sunday President Bush said the war was over.', '2003-05-06')[0]?.date, '2003-05-04');
  });

  test('"USA Today" and "The Sunday Times" are names, not dates', () => {
    assert.deepEqual(timelineOf(['A quiet day.', 'USA Today noted the commission’s scope.'], wednesday).slice(1), []);
  });

  test('a relative date without a publication time gives no entry', () => {
    assert.deepEqual(timelineOf('The minister resigned on Sunday.', null), []);
    assert.deepEqual(timelineOf('Voters went to the polls on March 3.', null), []);
  });

  test('absolute dates keep their own year whatever the publication time', () => {
    const [entry] = timelineOf('The treaty was signed on Dec. 31, 2021 in Geneva.', null);
    assert.equal(entry?.date, '2021-12-31');
    assert.equal(entry.precision, 'day');
    assert.match(entry.label, /treaty/);
  });
});

describe('years, months and ranges', () => {
  const cases: [sentence: string, dates: string[], label: RegExp][] = [
    ['The museum has been closed since 2019 for repairs.', ['2019'], /museum has been closed/],
    ['By 2011, the last brigade had left.', ['2011'], /last brigade had left/],
    ['The war lasted from 1939 to 1945.', ['1939/1945'], /war/],
    ['Prices doubled between 2003 and 2011.', ['2003/2011'], /Prices doubled/],
    ['The 2008–09 recession cut output by 4%.', ['2008/2009'], /recession/],
    ['The plant opened in March 2015 and closed in December 2019.', ['2015-03', '2019-12'], /plant opened|closed/],
    ['The 2020 presidential election was contested.', ['2020'], /presidential election/],
    ['Investment rose by 19% in the first six months (January-July) of 2005.', ['2005-01/2005-07'], /Investment/],
  ];
  for (const [sentence, dates, label] of cases) {
    test(sentence, () => {
      const timeline = timelineOf(sentence, null);
      assert.deepEqual(timeline.map((e) => e.date), dates);
      assert.ok(timeline.some((e) => label.test(e.label)), timeline.map((e) => e.label).join(' | '));
    });
  }
});

describe('labels come from the clause of the date', () => {
  const cases: [sentence: string, label: string][] = [
    ['On February 27, 2006, police arrested a 23-year-old man at his home.', 'police arrested a 23-year-old man at his home'],
    ['India and China reopened the Nathula Pass in the state of Sikkim, on Thursday.', 'India and China reopened the Nathula Pass'],
    ['He entered politics in 1946 and served as foreign minister from 1967 to 1975.', 'served as foreign minister'],
  ];
  for (const [sentence, label] of cases) {
    test(sentence, () => {
      const labels = timelineOf(sentence, '2006-07-06T12:00:00Z').map((e) => e.label);
      assert.ok(labels.includes(label), labels.join(' | '));
    });
  }
});

test('figures are counts and amounts, not days, ranks or chapter numbers', () => {
  const [entry] = timelineOf(
    'In March 2020, PG&E, under Chapter 11 protection, cut power to 800 thousand customers and paid $7 billion on day 13.',
    null,
  );
  assert.deepEqual(entry?.figures, ['800 thousand customers', '$7 billion']);
});

describe('numbers that are not dates give no entry', () => {
  const sentences = [
    'About 2000 people marched through the capital.',
    'The army sent 1500 troops and 2,500 personnel to the border.',
    'The bridge is 2019 metres long.',
    'He scored 2014 points over his career.',
    'The meeting starts at 10 a.m. local time.',
    'The team won 3-1 and now leads 8/10 of the table.',
    'A 45-year-old man, aged 45, was arrested.',
    'Flight 2014 landed safely in Boston.',
    'The company paid $2015 in fines, up 2012% on the figure.',
    'Visitors may march along the river.',
    'Officers seized 1,999 kilograms of cocaine.',
    'The Sunday Times reported the story first.',
    'Room 2011 of the hotel was sealed off by police.',
    'Growth has been slow over the last 13 years.',
    'The concert was rescheduled at the last minute.',
    'Heading into Super Tuesday, the senator led the polls.',
  ];
  for (const sentence of sentences) {
    test(sentence, () => {
      assert.deepEqual(timelineOf(sentence, null), []);
      // With a publication time the first sentence is the news itself; the trap after it must stay undated.
      const timeline = timelineOf(['Officials spoke.', sentence], '2024-03-13T09:00:00Z');
      assert.deepEqual(timeline.map((e) => e.sentence.text), ['Officials spoke.']);
    });
  }
});

test('the same event told twice is one entry', () => {
  const timeline = timelineOf(
    [
      'Iran launched a ballistic-missile strike on the base in January 2020.',
      'The strike in January 2020 injured dozens of soldiers.',
    ],
    null,
  );
  assert.equal(timeline.length, 1);
  assert.equal(timeline[0]!.sentence.paragraph, 0);
});
