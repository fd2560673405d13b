/**
 * Feed dates → ISO-8601 UTC. RSS uses RFC 822 ("Wed, 02 Oct 2002 13:00:00 GMT"), with two-digit years, US zone
 * names and missing seconds in the wild; Atom, RDF (dc:date) and JSON Feed use ISO 8601 / W3C-DTF, often cut
 * short ("2003-12"). A date we cannot read is null, never an exception and never "now": a wrong date would
 * reorder the news.
 */
import { ownEntry } from '../../domain/index.ts';

/**
 * Month names by their first three letters: English as RFC 822 has them, and the Portuguese, Spanish, French,
 * German, Italian and Dutch abbreviations publishers localise them into ("Seg, 24 Set 2018").
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  fev: 2, abr: 4, mai: 5, ago: 8, set: 9, out: 10, dez: 12, // Portuguese
  ene: 1, dic: 12, // Spanish
  fév: 2, avr: 4, aoû: 8, déc: 12, // French (juin/juillet below)
  mär: 3, mrz: 3, okt: 10, // German
  gen: 1, mag: 5, giu: 6, lug: 7, ott: 10, // Italian
  mrt: 3, mei: 5, // Dutch
};
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('juin')) return 6;
  if (lower.startsWith('juil')) return 7;
  return ownEntry(MONTHS, lower.slice(0, 3));
}

/** RFC 822 zone names, and the North American ones feeds use besides (in minutes east of UTC). */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180,
  ast: -240, adt: -180, at: -240, est: -300, edt: -240, et: -300, cst: -360, cdt: -300, ct: -360,
  mst: -420, mdt: -360, mt: -420, pst: -480, pdt: -420, pt: -480, akst: -540, akdt: -480, hst: -600,
  jst: 540, kst: 540, ist: 330, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

/** Two-digit years: RFC 822 predates Y2K; "02" in a news feed is 2002, "99" is 1999. */
const TWO_DIGIT_YEAR_PIVOT = 50;

const RFC822 =
  /^(?:\p{L}+\.?,?\s*)?(\d{1,2})[\s-]+(\p{L}{3,9})\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(.*)$/u;
const ISO8601 =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** "Mon Jan 31 2018 20:15:15 GMT+0000", "January 31, 2018 8:15 pm EST": handed to Date.parse with a zone. */
const HAS_ZONE = /(?:\b(?:GMT|UTC|UT|Z)\b|[+-]\d{2}:?\d{2}\s*$)/i;

/** ISO-8601 UTC for a feed date, or null. */
export function parseFeedDate(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  // A date in one of the two formats that does not exist (30 February) is null: Date.parse would roll it over.
  const iso = fromIso(text);
  if (iso !== undefined) return iso;
  const rfc822 = fromRfc822(text);
  if (rfc822 !== undefined) return rfc822;
  return fromAnything(text);
}

/** undefined: not this format; null: this format, but not a real date. */
function fromIso(text: string): string | null | undefined {
  const m = ISO8601.exec(text);
  if (!m) return undefined;
  const [, year, month = '1', day = '1', hour = '0', minute = '0', second = '0', fraction, zone] = m;
  const millis = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  return build(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second), millis, zoneOffset(zone));
}

function fromRfc822(text: string): string | null | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const [, day, monthName, yearText, hour = '0', minute = '0', second = '0', zoneText = ''] = m;
  const month = monthNumber(monthName!);
  if (month === undefined) return null;
  let year = Number(yearText);
  if (yearText!.length === 2) year += year < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900;
  else if (yearText!.length === 3) year += 1900;
  const offset = zoneOffset(zoneText.trim() || 'GMT');
  if (offset === null) return null;
  return build(year, month, Number(day), Number(hour), Number(minute), Number(second), 0, offset);
}

function fromAnything(text: string): string | null {
  const ms = Date.parse(HAS_ZONE.test(text) ? text : `${text} UTC`);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999 ? date.toISOString() : null;
}

/** Minutes east of UTC for "Z", "+05:30", "-0800", "EST", "GMT+1"; null when not a zone we know. */
function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const text = zone.trim();
  const numeric = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (numeric) {
    const [, sign, hours, minutes = '0'] = numeric;
    if (Number(hours) > 14 || Number(minutes) > 59) return null;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }
  // "EST", "(EST)", "GMT (Eastern)": the first word decides.
  const name = /^\(?([A-Za-z]+)\)?/.exec(text)?.[1]?.toLowerCase();
  return name === undefined ? null : (ownEntry(ZONES, name) ?? null);
}

/** Earlier years are typos or placeholders ("0001-01-01"), and Date.UTC reads 0–99 as 1900–1999. */
const MIN_YEAR = 1000;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function build(
  year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number,
  offsetMinutes: number | null,
): string | null {
  if (offsetMinutes === null) return null;
  if (year < MIN_YEAR || year > 9999 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis) - offsetMinutes * 60_000;
  const date = new Date(utc);
  // Date.UTC rolls 29 February over into March in common years; such a date was never valid.
  if (month === 2 && day === 29 && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1) return null;
  return Number.isFinite(utc) ? date.toISOString() : null;
}
