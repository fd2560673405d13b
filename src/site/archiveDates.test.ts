import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { archiveDay, archiveMonth } from './archiveDates.ts';

describe('archive dates', () => {
  it('turn an address into the UTC day it names, up to the next day', () => {
    assert.deepEqual(archiveDay('2026', '01', '18'), {
      day: '2026-01-18',
      range: { from: '2026-01-18T00:00:00.000Z', to: '2026-01-19T00:00:00.000Z' },
    });
    assert.deepEqual(archiveDay('2025', '12', '31')?.range.to, '2026-01-01T00:00:00.000Z', 'across a year end');
    assert.deepEqual(archiveDay('2024', '02', '29')?.range.to, '2024-03-01T00:00:00.000Z', 'a leap day');
    assert.equal(archiveDay('0026', '01', '01')?.day, '0026-01-01', 'an early year stays itself, not 1926');
  });

  it('and a month into its first instant up to the next month’s', () => {
    assert.deepEqual(archiveMonth('2026', '12'), {
      month: '2026-12',
      range: { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    });
  });

  it('refuse days the calendar has not and addresses not written with zero-padded digits', () => {
    for (const [y, m, d] of [['2026', '02', '29'], ['2026', '04', '31'], ['2026', '13', '01'], ['2026', '00', '10'], ['2026', '01', '00'],
      ['2026', '1', '01'], ['2026', '01', '1'], ['26', '01', '01'], ['２０２６', '01', '01'], ['2026', '01', '1e'], ['2026', '01', ' 1']] as const) {
      assert.equal(archiveDay(y, m, d), null, `${y}/${m}/${d}`);
    }
    for (const [y, m] of [['2026', '13'], ['2026', '00'], ['2026', '7'], ['20261', '01']] as const) assert.equal(archiveMonth(y, m), null, `${y}/${m}`);
  });
});
