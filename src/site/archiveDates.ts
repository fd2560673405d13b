import type { TimeRange } from '../store/index.ts';

/**
 * The date archive's addresses as dates: /archive/<yyyy>/<mm>/<dd> is one UTC day, /archive/<yyyy>/<mm> one UTC
 * month. Only zero-padded digits make an address (one URL per day, no /archive/2026/1/5 beside
 * /archive/2026/01/05), and only dates the calendar has (no 30 February).
 */

export interface ArchiveDay {
  /** "2026-01-18" */
  day: string;
  /** That day's first instant up to the next day's. */
  range: TimeRange;
}

export interface ArchiveMonth {
  /** "2026-01" */
  month: string;
  range: TimeRange;
}

const YEAR = /^\d{4}$/;
const TWO_DIGITS = /^\d{2}$/;

/** The UTC day at yyyy/mm/dd, or null when the address is malformed or the calendar has no such day. */
export function archiveDay(year: string, month: string, day: string): ArchiveDay | null {
  if (!YEAR.test(year) || !TWO_DIGITS.test(month) || !TWO_DIGITS.test(day)) return null;
  const start = utcDate(Number(year), Number(month) - 1, Number(day));
  const iso = start.toISOString();
  // Date rolls 30 February over into March: a day that does not come back as written does not exist.
  if (iso.slice(0, 10) !== `${year}-${month}-${day}`) return null;
  const next = utcDate(Number(year), Number(month) - 1, Number(day) + 1);
  return { day: iso.slice(0, 10), range: { from: iso, to: next.toISOString() } };
}

/** The UTC month at yyyy/mm, or null when the address is malformed or there is no such month. */
export function archiveMonth(year: string, month: string): ArchiveMonth | null {
  if (!YEAR.test(year) || !TWO_DIGITS.test(month)) return null;
  const index = Number(month) - 1;
  if (index < 0 || index > 11) return null;
  const start = utcDate(Number(year), index, 1);
  return { month: `${year}-${month}`, range: { from: start.toISOString(), to: utcDate(Number(year), index + 1, 1).toISOString() } };
}

/** Midnight UTC; years below 100 stay themselves (Date.UTC would read 0026 as 1926). */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
