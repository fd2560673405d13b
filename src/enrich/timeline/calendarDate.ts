/**
 * A date as precise as the text gives it: "2003" is a year, "January 2020" a month, "December 31, 2021" a day.
 * A span ("from 2003 to 2011", or a fact placed between two dated ones) has an end as well.
 */

export type Precision = 'year' | 'month' | 'day';

export interface CalendarDate {
  year: number;
  /** 1–12, present for month and day precision. */
  month?: number;
  /** 1–31, present for day precision. */
  day?: number;
}

export interface DateSpan {
  from: CalendarDate;
  /** Present when the text gives a range; compared and printed as an ISO 8601 interval "2003/2011". */
  to?: CalendarDate;
}

export function precisionOf(date: CalendarDate): Precision {
  if (date.day !== undefined) return 'day';
  if (date.month !== undefined) return 'month';
  return 'year';
}

/** "2003", "2020-01", "2021-12-31". */
export function formatDate(date: CalendarDate): string {
  const parts = [String(date.year).padStart(4, '0')];
  if (date.month !== undefined) parts.push(String(date.month).padStart(2, '0'));
  if (date.day !== undefined) parts.push(String(date.day).padStart(2, '0'));
  return parts.join('-');
}

/** A point as its own date; a range as an ISO 8601 interval ("2003/2011"). */
export function formatSpan(span: DateSpan): string {
  return span.to ? `${formatDate(span.from)}/${formatDate(span.to)}` : formatDate(span.from);
}

/**
 * Sort key of the first moment a date covers: a bare year sorts before its months, a month before its days,
 * so "2020" < "2020-01" < "2020-01-08".
 */
function startKey(date: CalendarDate): number {
  return date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

/** Sort key of the last moment a date covers. */
function endKey(date: CalendarDate): number {
  return date.year * 10_000 + (date.month ?? 12) * 100 + (date.day ?? 31);
}

/** Time order: by start, then the shorter span first (the 2003 invasion before "between 2003 and 2011"). */
export function compareSpans(a: DateSpan, b: DateSpan): number {
  return (
    startKey(a.from) - startKey(b.from) || endKey(a.to ?? a.from) - endKey(b.to ?? b.from)
  );
}

/** Whether b starts strictly after a ends: the order a narrative paragraph tells its dated facts in. */
export function isBefore(a: DateSpan, b: DateSpan): boolean {
  return endKey(a.to ?? a.from) < startKey(b.from);
}

/** Days between two day-precise dates (absolute). */
export function daysApart(a: CalendarDate, b: CalendarDate): number {
  const ms = (d: CalendarDate) => Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1);
  return Math.abs(ms(a) - ms(b)) / 86_400_000;
}
