/**
 * How a timeline fact's date reads: as precise as the text gave it, no more. "2003" stays a year, "2020-01"
 * is "January 2020", a day is "5 Dec 2021" (short month: a list of dates is scanned, not read aloud, and the
 * <time> element beside it carries the exact value). An interval joins its two ends with an en dash.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** One end of a timeline date: the machine value for <time datetime> and how it reads. */
export interface TimelineDatePart {
  /** Null when the value is not an ISO date: it is shown, but not claimed as a machine-readable time. */
  datetime: string | null;
  text: string;
}

/** "2003" → one part; "2003/2011" → two. A value of another form is shown as written (it is still the text's). */
export function timelineDateParts(date: string): TimelineDatePart[] {
  return date.split('/').map((end) => {
    const text = readableDate(end);
    return { datetime: text === null ? null : end, text: text ?? end };
  });
}

/** "2003", "2003–2011", "January 2020", "5 Dec 2021 – 3 Jan 2022". */
export function formatTimelineDate(date: string): string {
  const parts = timelineDateParts(date).map((part) => part.text);
  return parts.join(timelineDateSeparator(parts));
}

/** Bare years close up ("2003–2011"); ends with spaces in them get spaces around the dash, so it reads as a range. */
export function timelineDateSeparator(parts: readonly string[]): string {
  return parts.some((part) => part.includes(' ')) ? ' – ' : '–';
}

function readableDate(iso: string): string | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return year!;
  const monthIndex = Number(month) - 1;
  if (!MONTHS[monthIndex]) return null;
  if (day === undefined) return `${MONTHS[monthIndex]} ${year}`;
  return `${Number(day)} ${SHORT_MONTHS[monthIndex]} ${year}`;
}
