import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTimelineDate, timelineDateParts } from './timelineDates.ts';

test('a date reads as precisely as the text gave it', () => {
  assert.equal(formatTimelineDate('2003'), '2003');
  assert.equal(formatTimelineDate('2020-01'), 'January 2020');
  assert.equal(formatTimelineDate('2021-12-05'), '5 Dec 2021');
  assert.equal(formatTimelineDate('2021-12-31'), '31 Dec 2021');
});

test('an interval joins its ends with an en dash, spaced when the ends have spaces', () => {
  assert.equal(formatTimelineDate('2003/2011'), '2003–2011');
  assert.equal(formatTimelineDate('2020-01/2020-03'), 'January 2020 – March 2020');
  assert.equal(formatTimelineDate('2021-12-05/2022-01-03'), '5 Dec 2021 – 3 Jan 2022');
  assert.deepEqual(timelineDateParts('2003/2011'), [
    { datetime: '2003', text: '2003' },
    { datetime: '2011', text: '2011' },
  ]);
});

test('a value of another form is shown as written rather than guessed at', () => {
  assert.deepEqual(timelineDateParts('2020-13'), [{ datetime: null, text: '2020-13' }]);
  assert.deepEqual(timelineDateParts('spring 2020'), [{ datetime: null, text: 'spring 2020' }]);
});
