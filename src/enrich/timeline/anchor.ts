/**
 * Where a date the text gives without its year or week ("on Friday", "in January", "March 5") falls: always
 * counted from the source's own publication date, never from today, and on the side its verb points to. A past
 * or present verb ("rose in January", "holds its caucus on Monday") means the last such day or month up to the
 * publication date; a future one ("will vote in January") the next after it.
 */
import type { CalendarDate } from './calendarDate.ts';

export type Direction = 'back' | 'forward';

const DAY_MS = 86_400_000;

function utcDay(date: Date): CalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The weekday (0 = Sunday) nearest the publication date on the given side; the day itself counts as past. */
export function anchorWeekday(weekday: number, published: Date, direction: Direction): CalendarDate {
  const today = published.getUTCDay();
  const days = direction === 'back' ? -((today - weekday + 7) % 7) : ((weekday - today + 7) % 7) || 7;
  return utcDay(new Date(published.getTime() + days * DAY_MS));
}

/** A month (and day) without a year: in the publication year when that is on the right side, else the one beside. */
export function anchorYear(date: CalendarDate, published: Date, direction: Direction): CalendarDate {
  const year = published.getUTCFullYear();
  const key = (d: CalendarDate) => (d.month ?? 0) * 100 + (d.day ?? 0);
  const publishedKey = key(utcDay(published));
  // A bare month holds its whole length: "in January" said in January is this January either way.
  const sameMonth = date.day === undefined && date.month === published.getUTCMonth() + 1;
  if (direction === 'back') return { ...date, year: sameMonth || key(date) <= publishedKey ? year : year - 1 };
  return { ...date, year: sameMonth || key(date) >= publishedKey ? year : year + 1 };
}
