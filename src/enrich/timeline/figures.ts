/**
 * The figures a dated fact carries: a number with its unit or the noun it counts ("170,000 US troops",
 * "2,500 personnel", "£39m", "5,000" when a verb follows). Cut from the sentence as written.
 */
import type { Span } from './words.ts';
import { FUNCTION_WORDS } from './wordLists.ts';

/** A number as news copy writes it, with a currency sign and a scale word when it has them. */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/:-])[$€£¥]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?` +
    String.raw`(?:\s?(?:%|per\s?cent|percent|million|billion|trillion|thousand|bn|m|k)(?![\p{L}\p{N}]))?`,
  'gu',
);

/** What follows a number when it is a time of day, not a figure. */
const CLOCK = /^\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|gmt\b|utc\b|o['’]clock|hours?\s+(?:gmt|utc|local))/i;

/** Up to two words naming what is counted: an optional name ("US") and a noun ("troops"). */
const COUNTED = /^\s+(?:([A-Z][\p{L}.-]*)\s+)?([a-z][\p{L}-]*)/u;

/** Words after a number that are verbs or adverbs, not what it counts ("5,000 returned"). */
const NOT_A_NOUN = /(?:ed|ly|ing)$/;

const MAX_FIGURES = 4;

/** The figures in a span of the sentence, leaving out the spans of its dates. */
export function findFigures(sentence: string, within: Span, dates: readonly Span[]): string[] {
  const figures: string[] = [];
  const text = sentence.slice(within.start, within.end);
  for (const match of text.matchAll(FIGURE)) {
    const start = within.start + match.index;
    let end = start + match[0].length;
    if (dates.some((d) => start < d.end && d.start < end)) continue;
    if (!/[1-9]/.test(match[0])) continue; // a lone zero is a score or a code, not a figure
    if (/\d[\s\u00a0]$/.test(sentence.slice(Math.max(0, start - 2), start))) continue; // "12 096": the tail of a number
    const rest = sentence.slice(end, within.end);
    if (/^[\p{L}\p{N}]/u.test(rest)) continue; // "1st", "F16s": part of a word
    if (CLOCK.test(rest)) continue;
    if (/^[-–]\d/.test(rest) || /^\s?[-–]year/.test(rest)) continue; // scores "3-1" and ages "45-year-old"
    if (/\p{Lu}[\p{L}.]*\s[+]?$/u.test(sentence.slice(Math.max(0, start - 20), start)) && start > 0) continue; // "Chapter 11", "UTC +9"
    const counted = COUNTED.exec(rest);
    const noun = counted?.[2];
    const countsSomething = noun !== undefined && !FUNCTION_WORDS.has(noun.toLowerCase()) && !NOT_A_NOUN.test(noun);
    // "the 2004 attempt": a year before a noun names a time; "2000 people" counts.
    if (/^(?:1[6-9]|20)\d\d$/.test(match[0]) && !(noun && /[^s]s$/.test(noun))) continue;
    if (countsSomething) end += counted![0].length;
    // A bare small number ("7", "13", "2010") is a day, a rank or a year; a bare count is written "5,000".
    else if (!/[,.%$€£¥]|\d\s?\p{L}/u.test(match[0])) continue;
    figures.push(sentence.slice(start, end));
    if (figures.length === MAX_FIGURES) break;
  }
  return figures;
}
