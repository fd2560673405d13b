/**
 * Time expressions chrono-node does not give as TIMEX3 values: lengths of time ("four years", "five-year",
 * "thirty minutes"), sets ("annual", "weekly"), the present, past and future as references ("now",
 * "recently", "very soon"), weeks, quarters, seasons and decades, and units counted from the publication
 * date ("last week", "next month", "three days ago"). Each rule is a pattern and the value it stands for;
 * a rule that needs the publication date gives an unspecified value (X) when it is unknown.
 */
import type { Timex } from './timex.ts';

const DAY_MS = 86_400_000;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, hundred: 100,
};
const NUMBER = String.raw`(\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')}|several|a few|few|many|a couple of|couple of)`;
const UNIT = String.raw`(minute|hour|day|week|month|quarter|year|decade|century)`;
/** Units of clock time are written after a T in a TIMEX3 duration (PT30M), units of calendar time are not. */
const UNIT_CODES: Record<string, string> = { minute: 'TM', hour: 'TH', day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE' };

interface Rule {
  pattern: RegExp;
  type: Timex['type'];
  value: (match: RegExpExecArray, published: Date | null) => string | null;
  /** Read before chrono, whose reading of these words is a day ("last week" → one day of it). */
  beforeChrono?: boolean;
}

function count(word: string): string {
  const lower = word.toLowerCase();
  if (/^\d/.test(lower)) return lower;
  return NUMBER_WORDS[lower]?.toString() ?? 'X';
}

function duration(n: string, unit: string): string {
  const code = UNIT_CODES[unit.toLowerCase()]!;
  return code.startsWith('T') ? `PT${n}${code.slice(1)}` : `P${n}${code}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 week of a day ("2004-W47"). */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of the week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return `${day.getUTCFullYear()}-W${pad(Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7))}`;
}

/** The publication date moved by whole units, as precise as the unit: a day, a week, a month, a year. */
function shifted(published: Date, unit: string, by: number): string {
  const y = published.getUTCFullYear();
  const m = published.getUTCMonth();
  switch (unit.toLowerCase()) {
    case 'day':
      return new Date(published.getTime() + by * DAY_MS).toISOString().slice(0, 10);
    case 'week':
      return isoWeek(new Date(published.getTime() + by * 7 * DAY_MS));
    case 'weekend':
      return `${isoWeek(new Date(published.getTime() + by * 7 * DAY_MS))}-WE`;
    case 'month': {
      const d = new Date(Date.UTC(y, m + by, 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    }
    case 'quarter': {
      const q = Math.floor(m / 3) + by;
      const year = y + Math.floor(q / 4);
      return `${year}-Q${(((q % 4) + 4) % 4) + 1}`;
    }
    case 'decade':
      return String(Math.floor(y / 10) + by).padStart(3, '0');
    default:
      return String(y + by);
  }
}

/** "ago" counts back whole units; a week or a few days back is a day, as in "a week ago". */
function ago(published: Date, n: number, unit: string): string {
  const lower = unit.toLowerCase();
  if (lower === 'day' || lower === 'week') return new Date(published.getTime() - n * (lower === 'week' ? 7 : 1) * DAY_MS).toISOString().slice(0, 10);
  if (lower === 'month') return shifted(published, 'month', -n);
  return String(published.getUTCFullYear() - n * (lower === 'decade' ? 10 : 1));
}

const SIDE: Record<string, number> = { last: -1, past: -1, previous: -1, this: 0, current: 0, next: 1, coming: 1 };
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
const QUARTERS: Record<string, number> = { first: 1, '1st': 1, q1: 1, second: 2, '2nd': 2, q2: 2, third: 3, '3rd': 3, q3: 3, fourth: 4, '4th': 4, q4: 4 };

/** In order: a longer or more specific rule comes first, and a later rule never takes words an earlier one took. */
export const TIMEX_RULES: readonly Rule[] = [
  {
    // "three days ago", "a week ago", "20 years ago"
    pattern: new RegExp(String.raw`\b${NUMBER}[\s-]${UNIT}s?\s+ago\b`, 'gi'),
    beforeChrono: true,
    type: 'DATE',
    value: (m, published) => (published && /^\d|^an?$|^one|^t|^f|^s|^e|^n/i.test(m[1]!) && count(m[1]!) !== 'X' ? ago(published, Number(count(m[1]!)), m[2]!) : 'XXXX-XX-XX'),
  },
  {
    // "the same period last year", "the end of last year": the year is what the phrase dates
    pattern: /\b(?:the\s+)?(?:same\s+(?:period|time|quarter|month)|(?:end|start|beginning|middle)\s+of)\s+(last|this|next)\s+year\b/gi,
    beforeChrono: true,
    type: 'DATE',
    value: (m, published) => (published ? String(published.getUTCFullYear() + SIDE[m[1]!.toLowerCase()]!) : 'XXXX'),
  },
  {
    // "last week", "this year", "next month", "the previous quarter", "this weekend", "the past decade"
    pattern: /\b(?:the\s+)?(last|past|previous|this|current|next|coming)\s+(day|week|weekend|month|quarter|year|decade)\b(?!s)|\bthe\s+()(weekend)\b/gi,
    beforeChrono: true,
    type: 'DATE',
    value: (m, published) => {
      const unit = (m[2] ?? m[4]!).toLowerCase();
      return published ? shifted(published, unit, SIDE[(m[1] ?? 'this').toLowerCase()] ?? 0) : 'XXXX-XX-XX';
    },
  },
  {
    pattern: /\b(?:the\s+)?(?:(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter|(Q[1-4]))(?:\s+of\s+((?:19|20)\d\d))?\b/gi,
    beforeChrono: true,
    type: 'DATE',
    value: (m, published) => {
      const named = (m[1] ?? m[2]!).toLowerCase();
      const year = m[3] ?? (published ? String(published.getUTCFullYear()) : 'XXXX');
      return `${year}-Q${QUARTERS[named] ?? 4}`;
    },
  },
  {
    // "the 1990s": a decade is written with its first three digits
    pattern: /\b(?:the\s+)?((?:1[6-9]|20)\d)0s\b/g,
    type: 'DATE',
    value: (m) => m[1]!,
  },
  {
    // "early 2009", "mid-2011", "late 2006": the year, less precise than the words
    pattern: /\b(?:early|late|mid)[\s-]((?:19|20)\d\d)\b/gi,
    beforeChrono: true,
    type: 'DATE',
    value: (m) => m[1]!,
  },
  {
    pattern: /\b(?:(?:this|last|next|the)\s+)?(spring|summer|autumn|winter|(?<=(?:this|last|next|the)\s+)fall)(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b/gi,
    type: 'DATE',
    value: (m, published) => `${m[2] ?? (published ? published.getUTCFullYear() : 'XXXX')}-${SEASONS[m[1]!.toLowerCase()]}`,
  },
  {
    // "16:08 UTC", "08:30 GMT": a clock time on the publication day
    pattern: /\b([01]?\d|2[0-3]):([0-5]\d)(?:\s*(UTC|GMT))?\b/g,
    type: 'TIME',
    value: (m, published) => `${published ? published.toISOString().slice(0, 10) : 'XXXX-XX-XX'}T${pad(Number(m[1]))}:${m[2]}${m[3] ? 'Z' : ''}`,
  },
  {
    // "four years", "five-year", "thirty minutes", "the past five trading days", "several years"
    pattern: new RegExp(String.raw`\b${NUMBER}[\s-](?:(?:trading|business|working|consecutive|straight|full)\s+)?${UNIT}s?\b(?![\s-]+old)`, 'gi'),
    type: 'DURATION',
    // "about a quarter of its dealers" is a share, not three months
    value: (m) => (/^an?\s+quarter/i.test(m[0]) ? null : duration(count(m[1]!), m[2]!)),
  },
  {
    // "for years", "within minutes", "decades-long": an unspecified length
    pattern: /\b(?:(?<=(?:for|within|over|in)\s+)(minutes|hours|days|weeks|months|years|decades)\b|(decades|years)-long\b)/gi,
    type: 'DURATION',
    value: (m) => duration('X', (m[1] ?? m[2]!).replace(/s$/, '').toLowerCase().replace('decade', 'year')),
  },
  { pattern: /\b(?:annual(?:ly)?|yearly|every year)\b/gi, type: 'SET', value: () => 'P1Y' },
  { pattern: /\b(?:monthly|every month)\b/gi, type: 'SET', value: () => 'P1M' },
  { pattern: /\b(?:weekly|every week)\b/gi, type: 'SET', value: () => 'P1W' },
  { pattern: /\b(?:daily|every day)\b/gi, type: 'SET', value: () => 'P1D' },
  { pattern: /\b(?:now(?!-)|currently|at present|nowadays|the time being|at the moment)\b/gi, type: 'DATE', value: () => 'PRESENT_REF' },
  { pattern: /\b(?:recently|lately|in the past|in recent (?:\w+\s+)?history)\b/gi, type: 'DATE', value: () => 'PAST_REF' },
  { pattern: /\b(?:(?:very\s+)?soon|in the (?:near\s+)?future|the near term|short-term|in the coming (?:days|weeks|months|years))\b/gi, type: 'DATE', value: () => 'FUTURE_REF' },
];
