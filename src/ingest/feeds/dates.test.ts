import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseFeedDate } from './index.ts';

test('RFC 822 dates, including the variants feeds publish', () => {
  const cases: [string, string][] = [
    ['Wed, 02 Oct 2002 13:00:00 GMT', '2002-10-02T13:00:00.000Z'],
    ['Wed, 02 Oct 2002 13:00:00 +0200', '2002-10-02T11:00:00.000Z'],
    ['Wed, 02 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00.000Z'],
    ['Wed, 5 Nov 2025 13:52:10  EST', '2025-11-05T18:52:10.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 PDT', '2003-06-10T11:00:00.000Z'],
    ['02 Oct 2002 13:00 UT', '2002-10-02T13:00:00.000Z'],
    ['Wed, 02 Oct 02 13:00:00 Z', '2002-10-02T13:00:00.000Z'],
    ['Thu, 31 December 2009 23:59:59 -05:00', '2010-01-01T04:59:59.000Z'],
    ['Sat, 28 Sep 2002', '2002-09-28T00:00:00.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Mi, 3 Mär 2021 10:00:00 +0100', '2021-03-03T09:00:00.000Z'],
  ];
  for (const [input, expected] of cases) assert.equal(parseFeedDate(input), expected, input);
});

test('ISO 8601 / W3C-DTF dates, complete and cut short (Atom, RDF dc:date, JSON Feed)', () => {
  const cases: [string, string][] = [
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31T10:14:55.25-08:00', '2003-12-31T18:14:55.250Z'],
    ['2003-12-31T10:14-0800', '2003-12-31T18:14:00.000Z'],
    ['2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['2003-12', '2003-12-01T00:00:00.000Z'],
    ['2003', '2003-01-01T00:00:00.000Z'],
    ['20031231T101455Z', '2003-12-31T10:14:55.000Z'],
    ['  2004-02-29T00:00:00+00:00 ', '2004-02-29T00:00:00.000Z'],
  ];
  for (const [input, expected] of cases) assert.equal(parseFeedDate(input), expected, input);
});

test('impossible or unreadable dates are null, never an exception or "now"', () => {
  for (const input of ['', '   ', 'yesterday', '2003-02-29', '2003-13-01', '31 Foo 2003', 'Wed, 02 Oct 2002 25:00:00 GMT',
    'Wed, 02 Oct 2002 13:00:00 XYZ', '0000-01-01', null, undefined]) {
    assert.equal(parseFeedDate(input), null, String(input));
  }
});

test('any string gives null or an ISO-8601 UTC timestamp', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (input) => {
      const date = parseFeedDate(input);
      return date === null || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(date) && new Date(date).toISOString() === date);
    }),
  );
});

test('zone and month words that name Object.prototype members are unknown words, not offsets', () => {
  assert.equal(parseFeedDate('Wed, 02 Oct 2002 13:00:00 constructor'), null);
  assert.equal(parseFeedDate('Wed, 02 Con 2002 13:00:00 GMT'), null);
  assert.equal(parseFeedDate('Wed, 02 Oct 2002 13:00:00 GMT'), '2002-10-02T13:00:00.000Z');
});
