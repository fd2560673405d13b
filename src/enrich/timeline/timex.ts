/**
 * Every time expression of a text as a TIMEX3 (TempEval's type and value): the calendar dates the timeline
 * reads (chrono-node and our year rules, `findDateMentions`, anchored on the publication date by tense), and
 * the lengths, sets and references to the present, past and future of `timexRules.ts`. Offsets are
 * characters into the text. Without a publication date, nothing is resolved against any other day: a
 * relative expression keeps an unspecified value ("XXXX-XX-XX").
 */
import { splitSentences } from '../sentences.ts';
import { formatDate } from './calendarDate.ts';
import { findDateMentions, type DateMention } from './dateMentions.ts';
import { TIMEX_RULES } from './timexRules.ts';

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
}

export function findTimexes(text: string, publishedAt: Date | null): Timex[] {
  const timexes: Timex[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const sentence of splitSentences(line)) timexes.push(...sentenceTimexes(sentence.text, publishedAt, offset + sentence.start));
    offset += line.length + 1;
  }
  return timexes;
}

function sentenceTimexes(sentence: string, publishedAt: Date | null, offset: number): Timex[] {
  const found: Timex[] = [];
  const free = (start: number, end: number) => !found.some((t) => start < t.end && t.start < end);
  // Rules first where they read more than chrono's day ("the same period last year", "three days ago", "last week").
  const add = (start: number, end: number, type: Timex['type'], value: string) => {
    if (free(start, end)) found.push({ start, end, text: sentence.slice(start, end), type, value });
  };
  const byRules = (beforeChrono: boolean) => {
    for (const rule of TIMEX_RULES.filter((r) => Boolean(r.beforeChrono) === beforeChrono)) {
      for (const match of sentence.matchAll(rule.pattern)) {
        const value = rule.value(match as RegExpExecArray, publishedAt);
        if (value !== null) add(match.index, match.index + match[0].length, rule.type, value);
      }
    }
  };
  byRules(true);
  for (const mention of findDateMentions(sentence, publishedAt)) {
    // "from 2009 to 2011": each end is a date of its own.
    if (mention.to) for (const end of rangeEnds(sentence, mention)) add(end.start, end.end, 'DATE', end.value);
    else add(mention.start, mention.end, 'DATE', formatDate(mention.from));
  }
  byRules(false);
  return found
    .sort((a, b) => a.start - b.start)
    .map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
}

/** The two years of a range mention, where the text writes them in full. */
function rangeEnds(sentence: string, mention: DateMention): { start: number; end: number; value: string }[] {
  const words = sentence.slice(mention.start, mention.end);
  return [...words.matchAll(/(?:1[6-9]|20)\d\d/g)].map((m) => ({
    start: mention.start + m.index,
    end: mention.start + m.index + 4,
    value: m[0],
  }));
}
