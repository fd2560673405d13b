import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTimexes } from './timex.ts';

const valuesOf = (text: string, dct: string | null) =>
  findTimexes(text, dct ? new Date(`${dct}T12:00:00Z`) : null).map((t) => [t.text, t.type, t.value]);

test('Wikinews sentences: dates, weeks, lengths and references as TIMEX3 values', () => {
  assert.deepEqual(
    valuesOf('Senator John McCain entered them into the Congressional Record during a speech last week against the deal.', '2004-11-24'),
    [['last week', 'DATE', '2004-W47']],
  );
  assert.deepEqual(valuesOf('Congressional lawmakers rejected the proposal in October.', '2004-11-24'), [['October', 'DATE', '2004-10']]);
  assert.deepEqual(valuesOf('The transaction should be completed in October.', '2009-06-05'), [['October', 'DATE', '2009-10']]);
  assert.deepEqual(valuesOf('Sales were down 22% compared to the same period last year.', '2010-03-03'), [['the same period last year', 'DATE', '2009']]);
  assert.deepEqual(valuesOf('The airline will buy the aircraft over the next four years.', '2010-01-28'), [['four years', 'DURATION', 'P4Y']]);
  assert.deepEqual(valuesOf('Boeing currently has the aircraft under development.', '2007-06-10'), [['currently', 'DATE', 'PRESENT_REF']]);
  assert.deepEqual(valuesOf('The plane landed at 16:08 UTC.', '2008-09-17'), [['16:08 UTC', 'TIME', '2008-09-17T16:08Z']]);
  assert.deepEqual(valuesOf('Deliveries run from 2009 to 2011.', '2007-06-09'), [['2009', 'DATE', '2009'], ['2011', 'DATE', '2011']]);
});

test('offsets index the whole text, line after line', () => {
  const text = 'Boeing wins order\nNovember 24, 2004\nThe deal was signed yesterday.';
  for (const timex of findTimexes(text, new Date('2004-11-24T12:00:00Z'))) assert.equal(text.slice(timex.start, timex.end), timex.text);
  assert.deepEqual(valuesOf(text, '2004-11-24').map((t) => t[2]), ['2004-11-24', '2004-11-23']);
});

test('without a document date nothing is resolved against another day', () => {
  assert.deepEqual(valuesOf('Shares fell 4% on Friday and rose last week.', null), [['last week', 'DATE', 'XXXX-XX-XX']]);
  assert.deepEqual(valuesOf('The airline was founded in January 1984.', null), [['January 1984', 'DATE', '1984-01']]);
});
