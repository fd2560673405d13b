/**
 * Publication times as pages write them ("2021-11-01T10:52:50+0100", "2017-11-03 03:01:00.000000",
 * "2018-04-05T06:00", "Mon, 21 Oct 2019 10:00:00 GMT") turned into ISO-8601 UTC. A time written without a zone
 * is read as UTC: the page's zone is unknown, and reading it in the server's zone would make the stored time
 * depend on where the extractor ran.
 */

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Dates outside this range are typos or placeholders ("0001-01-01", "9999-12-31"), not publication times. */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2200;

/** ISO-8601 UTC ("2021-11-01T09:52:50.000Z") for a date string, or null when it is not a plausible date. */
export function toIsoUtc(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const iso = ISO_LIKE.exec(trimmed);
  const millis = iso ? isoMillis(iso) : looseMillis(trimmed);
  if (millis === null || !Number.isFinite(millis)) return null;
  const date = new Date(millis);
  const year = date.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  return date.toISOString();
}

function isoMillis(match: RegExpExecArray): number | null {
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const m = Number(month);
  const d = Number(day);
  const h = Number(hour);
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 24 || Number(minute) > 59 || Number(second) > 60) return null;
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(Number(year), m - 1, d, h, Number(minute), Number(second), millis);
  return utc - zoneOffsetMinutes(zone) * 60_000;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || /^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/** Anything else JavaScript's parser reads (RFC 2822 and its cousins), only when it names a zone. */
function looseMillis(value: string): number | null {
  if (!/(?:GMT|UTC|Z\b|[+-]\d{2}:?\d{2}\b|\b[ECMP][SD]T\b)/.test(value)) {
    // No zone: parse the wall time as UTC by saying so.
    const parsed = Date.parse(`${value} UTC`);
    return Number.isNaN(parsed) ? null : parsed;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}
