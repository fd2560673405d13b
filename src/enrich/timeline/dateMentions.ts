/**
 * Where a sentence names a date, and which date. chrono-node reads month and day expressions ("January 2020",
 * "Dec. 31, 2021", "on Sunday"); our own rules read bare years ("in 2014", "since the 2003 invasion") and year
 * ranges, which chrono leaves alone, and refuse what only looks like a date (a time of day, a score, "8/10",
 * "2000 people").
 */
import * as chrono from 'chrono-node';
import { anchorWeekday, anchorYear, type Direction } from './anchor.ts';
import type { CalendarDate, DateSpan } from './calendarDate.ts';
import { tenseAt } from './tense.ts';

export interface DateMention extends DateSpan {
  /** Offsets of the date words in the sentence. */
  start: number;
  end: number;
  /** Resolved against the publication time ("on Sunday", "yesterday", "March 5" without a year). */
  relative: boolean;
}

/** Years a news story plausibly names; a four-digit number outside this is a count or a code. */
const YEAR = String.raw`(?:1[6-9]\d\d|20\d\d)`;

/** A bare year, or a range of years ("2003–2011", "2003-04"), standing alone as a number. */
const YEAR_PATTERN = new RegExp(String.raw`(?<![\d$£€¥.,/:#-])(${YEAR})(?:\s?[–-]\s?(${YEAR}|\d\d)(?!\d))?(?![\d%]|[.,:]\d|s\b|-year)`, 'g');

/** Words before a number that make it a date: "in 2014", "since 2003", "the 2003 invasion", "spring of 2003". */
const YEAR_LEAD_WORDS = new Set(
  (
    'in since by until till from during through throughout before after of to around circa early late mid ' +
    'the between and or year years spring summer autumn fall winter fiscal ending starting beginning its ' +
    'their his her than'
  ).split(' '),
);

/**
 * Nouns after a number that make it a count or a measure, not a year ("2000 people", "1500 troops",
 * "2000 km"). Plurals are caught by rule; these are the singular and uncountable ones.
 */
const MEASURE_WORDS = new Set(
  (
    'people personnel staff police km kg mph ft lb lbs m cm mm mi ha acres metres meters feet miles tons tonnes ' +
    'percent per hours hrs gmt utc bst est cet local am pm a.m p.m dollars euros pounds yen yuan rupees ' +
    'votes residents troops soldiers workers'
  ).split(' '),
);

/** Plural nouns that are events, so "the 2014 elections" is a year and not a count. */
const EVENT_PLURALS = new Set(
  'elections games olympics riots protests talks floods attacks polls championships midterms finals primaries'.split(' '),
);

/** chrono components that pin a calendar date; a mention with none of them is a time of day or "this week". */
const CALENDAR_COMPONENTS = ['year', 'month', 'day', 'weekday'] as const;

/** A reference far from any real one: a date that moves with the reference was read relative to it. */
const PROBE_OFFSET_DAYS = 400;

/** Month names, whose bare use ("in March") needs a preposition before it to count as a date. */
const MONTH_ONLY = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const MONTH_LEAD = /\b(?:in|since|by|until|till|from|during|through|before|after|of|early|late|mid|last|next|this|between|and)[\s-]+$/i;

/**
 * Relative dates that count from the day of publication. "One year later", "the following year" and "after
 * 10 years" count from another fact of the story, which chrono cannot know, so they are not read.
 */
const PUBLICATION_RELATIVE =
  /\b(?:today|tonight|yesterday|tomorrow|ago|last|this|next|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** "over the last 13 years", "at the last minute": a length of time, not a date. */
const DURATION = /\b(?:last|past|next|previous)\s+(?:\S+\s+)?(?:minutes?|seconds?|hours|days|weeks|months|years|decades)\b/i;

/** "Super Tuesday", "Good Friday", "Easter Sunday": a capitalised word inside the sentence makes a name. */
const NAMED_DAY = /\S\s+\p{Lu}\p{Ll}+\s+$/u;

/** "Sunday Times", "Friday Prayers": a weekday that starts a name ("on Sunday President Bush said" is a date). */
const WEEKDAY_IN_NAME = /^(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day\s+\p{Lu}/u;

/**
 * The date mentions of a sentence, in text order. `reference` is the publication time; without it, dates
 * that need one (weekdays, "yesterday", a day without a year) are left out rather than guessed from today.
 */
export function findDateMentions(sentence: string, reference: Date | null): DateMention[] {
  const mentions = chronoMentions(sentence, reference);
  for (const year of yearMentions(sentence)) {
    if (!mentions.some((m) => year.start < m.end && m.start < year.end)) mentions.push(year);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function chronoMentions(sentence: string, reference: Date | null): DateMention[] {
  // Without a publication time chrono still needs an instant; the probe below throws away what depends on it.
  const instant = reference ?? new Date(Date.UTC(2000, 0, 1));
  const probe = new Date(instant.getTime() + PROBE_OFFSET_DAYS * 86_400_000);
  let probed: chrono.ParsedResult[] | null = null; // read again only when chrono found something
  const mentions: DateMention[] = [];
  for (const found of chrono.parse(sentence, { instant, timezone: 0 })) {
    const kept = withoutEra(found, instant);
    if (!kept) continue;
    const { result, index } = kept;
    // chrono may take the comma after a date ("January,"): what follows the date is read after the comma.
    const text = result.text.replace(/[\s,;]+$/, '');
    if (!CALENDAR_COMPONENTS.some((c) => result.start.isCertain(c))) continue;
    if (/^[\d\s/.-]+$/.test(text) && !/\d{4}/.test(text)) continue; // "8/10", "3-1": a score or a fraction
    if (MONTH_ONLY.test(text.trim()) && !MONTH_LEAD.test(sentence.slice(0, index))) continue;
    if (WEEKDAY_IN_NAME.test(sentence.slice(index))) continue;
    if (index > 0 && /^(?:Today|Tonight|Tomorrow)\b/.test(text)) continue; // "USA Today": a name
    if (DURATION.test(text)) continue;
    if (NAMED_DAY.test(sentence.slice(0, index)) && /^(?:mon|tues|wednes|thurs|fri|satur|sun)day/i.test(text)) continue;
    const after = sentence.slice(index + text.length);
    // "(January–July) of 2005": chrono leaves the year outside its reading.
    const yearAfter = result.start.isCertain('year') || result.start.isCertain('weekday') ? null : YEAR_AFTER.exec(after);
    probed ??= chrono.parse(sentence, { instant: probe, timezone: 0 });
    const same = probed.find((p) => p.index === index && p.text === result.text);
    // Not found again, or moved with the reference: the text leaned on the publication time.
    const relative = !yearAfter && (!same || same.start.date().getTime() !== result.start.date().getTime());
    if (relative && (!reference || !PUBLICATION_RELATIVE.test(text))) continue;
    let from = componentsDate(result.start);
    if (!from) continue;
    // "the September 11 attacks", "the July 7 bombings": a day named for an event of some other year.
    const determinerBefore = /\b(?:the|a|an|its|their|his|her|this|that)\s+$/i.test(sentence.slice(0, index));
    if (relative && determinerBefore && !result.start.isCertain('weekday') && /^\s+[a-z]{3,}/.test(after) && !FOLLOWING_SMALL_WORD.test(after)) continue;
    const lastYearAfter = result.start.isCertain('year') ? null : LAST_YEAR_AFTER.exec(after);
    const lastBefore = /\blast\s+$/i.test(sentence.slice(0, index));
    // "September 3rd last year" names its year itself (the publication year's, less one), so it is not anchored.
    if (reference && relative && !lastYearAfter) from = anchored(from, result, reference, directionOf(sentence, result.text, index, lastBefore));
    let to = result.end ? componentsDate(result.end) : undefined;
    if (lastYearAfter && reference) from = { ...from, year: reference.getUTCFullYear() - 1 }; // "on September 3rd last year"
    if (yearAfter) {
      from = { ...from, year: Number(yearAfter[1]) };
      if (to) to = { ...to, year: from.year };
    }
    const end = index + text.length + (lastYearAfter?.[0].length ?? yearAfter?.[0].length ?? 0);
    if (mentions.some((m) => m.end > index)) continue;
    mentions.push({ from, ...(to ? { to } : {}), start: index, end, relative });
  }
  return mentions;
}

/** "September 3rd last year": chrono reads the day and "last year" apart. */
/** A year standing just after a year-less date ("January–July) of 2005"). */
const YEAR_AFTER = /^\)?,?\s+(?:of\s+)?((?:1[6-9]|20)\d\d)(?!\d)/;
const LAST_YEAR_AFTER = /^,?\s+(?:of\s+)?last\s+year\b/i;
/** Small words that may follow a date without making it a modifier ("on May 21 to participate"). */
const FOLLOWING_SMALL_WORD = /^\s+(?:and|or|to|in|at|on|for|when|after|before|while|with|by|from|as|the|a|an|but|that|this|last|next|until|through)\b/;

/** Years a timeline shows; chrono reads "on November 6 be free" as 537 BC in the Buddhist era. */
const MIN_YEAR = 1000;
const MAX_YEAR = 2200;
/** An era suffix chrono may take from an ordinary word ("be", "ad"): written in capitals it is an era. */
const ERA_SUFFIX = /\s+(?:be|bc|ad|ce|bce)$/;

/** The result without a lower-case "era" that is only the next word; null when no plausible date is left. */
function withoutEra(result: chrono.ParsedResult, instant: Date): { result: chrono.ParsedResult; index: number } | null {
  const era = ERA_SUFFIX.exec(result.text);
  if (era) {
    const again = chrono.parse(result.text.slice(0, era.index), { instant, timezone: 0 })[0];
    return again && again.index === 0 ? { result: again, index: result.index } : null;
  }
  const year = result.start.get('year') ?? 0;
  return year >= MIN_YEAR && year <= MAX_YEAR ? { result, index: result.index } : null;
}

/** Words that fix the side themselves ("next Friday", "tomorrow"): chrono has read them already. */
const EXPLICIT_SIDE = /\b(?:next|coming|tomorrow|yesterday|ago|last)\b/i;

const DEADLINE_LEAD = /\b(?:by|until|till)\s+(?:(?:early|mid|late|the end of)[\s-]+)?$/i;

/** "last October" looks back; otherwise the verb nearest the date decides ("rose" back, "will vote" forward). */
function directionOf(sentence: string, text: string, index: number, saidLast: boolean): Direction | null {
  if (saidLast) return 'back';
  if (EXPLICIT_SIDE.test(text)) return null;
  const tense = tenseAt(sentence, { start: index, end: index + text.length });
  // "wants to cut dealers by early June": a deadline told in the present is ahead.
  const deadline = tense === 'present' && DEADLINE_LEAD.test(sentence.slice(0, index));
  return tense === 'future' || deadline ? 'forward' : 'back';
}

/**
 * A weekday or a year-less date placed on its side of the publication date. chrono picks the nearest one,
 * which may lie after publication for a past fact ("rose in January" in a December story).
 */
function anchored(date: CalendarDate, result: chrono.ParsedResult, reference: Date, direction: Direction | null): CalendarDate {
  if (!direction) return date;
  const weekday = result.start.get('weekday');
  if (result.start.isCertain('weekday') && !result.start.isCertain('day') && weekday !== null) {
    return anchorWeekday(weekday, reference, direction);
  }
  if (!result.start.isCertain('year') && date.month !== undefined) return anchorYear(date, reference, direction);
  return date;
}

type ChronoComponents = chrono.ParsedResult['start'];

/** The date a chrono result pins, as precisely as the text gave it (implied parts only when relative). */
function componentsDate(components: ChronoComponents): CalendarDate | null {
  const year = components.get('year');
  if (year === null) return null;
  const certainDay = components.isCertain('day') || components.isCertain('weekday');
  const certainMonth = components.isCertain('month') || certainDay;
  const date: CalendarDate = { year };
  if (certainMonth) date.month = components.get('month') ?? undefined;
  if (certainDay && date.month !== undefined) date.day = components.get('day') ?? undefined;
  return date;
}

function yearMentions(sentence: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of sentence.matchAll(YEAR_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = /([A-Za-z]+)\W*$/.exec(sentence.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
    const after = /^\s*([A-Za-z.]+)/.exec(sentence.slice(end))?.[1]?.toLowerCase() ?? '';
    const atSentenceStart = sentence.slice(0, start).trim() === '';
    if (!atSentenceStart && (before === undefined || !YEAR_LEAD_WORDS.has(before))) continue;
    if (isMeasure(after)) continue;
    const from: CalendarDate = { year: Number(match[1]) };
    const to = match[2] ? rangeEnd(from.year, match[2]) : undefined;
    if (match[2] && !to) continue;
    mentions.push({ from, ...(to ? { to } : {}), start, end, relative: false });
  }
  return joinRanges(sentence, mentions);
}

function isMeasure(word: string): boolean {
  const bare = word.replace(/\.$/, '');
  if (MEASURE_WORDS.has(bare)) return true;
  return /^[a-z]{3,}s$/.test(bare) && !/ss$/.test(bare) && !EVENT_PLURALS.has(bare);
}

/** "2003–04" ends in 2004; "2003–2011" in 2011; an end before the start is not a range but two numbers. */
function rangeEnd(startYear: number, end: string): CalendarDate | undefined {
  const year = end.length === 2 ? Math.floor(startYear / 100) * 100 + Number(end) : Number(end);
  return year > startYear ? { year } : undefined;
}

/** "from 2003 to 2011", "between 2003 and 2011": two year mentions that make one span. */
function joinRanges(sentence: string, years: DateMention[]): DateMention[] {
  const joined: DateMention[] = [];
  for (let i = 0; i < years.length; i++) {
    const first = years[i]!;
    const second = years[i + 1];
    if (second && !first.to && !second.to && second.from.year > first.from.year) {
      const lead = sentence.slice(Math.max(0, first.start - 8), first.start).toLowerCase();
      const link = sentence.slice(first.end, second.start).toLowerCase().trim();
      if ((/from\s+$/.test(lead) && /^(?:to|until|till|through)$/.test(link)) || (/between\s+$/.test(lead) && link === 'and')) {
        joined.push({ from: first.from, to: second.from, start: first.start, end: second.end, relative: false });
        i++;
        continue;
      }
    }
    joined.push(first);
  }
  return joined;
}
