/**
 * The label of a dated fact: a short run of the sentence's own words naming what happened. In order of trust:
 *  1. the noun the date modifies ("the 2003 invasion" → "invasion");
 *  2. the event noun phrase nearest the date in its clause ("a ballistic-missile strike … in January 2020" →
 *     "ballistic-missile strike"; "the end of its combat mission in December 2021" → "end of its combat mission");
 *  3. the clause's own words beside the date, from its start ("In 2011, US forces withdrew" → "US forces withdrew").
 * A label is always one slice of the sentence, so it never shows a word the sentence does not have.
 */
import { adjacent, clausesOf, wordsIn, type Span, type Word } from './words.ts';
import { EVENT_NOUNS, FUNCTION_WORDS, NOT_EVENTS, OPENERS, REPORTING_VERBS } from './wordLists.ts';

/** Longest label, in words: a label names the fact, the sentence beside it tells it. */
export const MAX_LABEL_WORDS = 8;
/** Modifiers kept before an event noun ("full", "ballistic-missile"): more is a description, not a name. */
const MAX_MODIFIERS = 2;
/** Words kept after "of" ("end of its combat mission"). */
const MAX_OF_WORDS = 4;
/** Words that mark a determiner before a date used as a modifier ("the 2003 invasion", "Iraq’s 2005 vote"). */
const DETERMINERS = new Set('the a an its their his her this that our'.split(' '));
/** Words that qualify a date and stay behind when chrono takes only the date ("murdered last October"). */
const DATE_QUALIFIERS = new Set('last next early late mid earlier later this'.split(' '));
/** Determiners that may stand inside an "of" phrase ("end of its combat mission"). */
const OF_DETERMINERS = new Set('the a an its their his her this that these those our'.split(' '));

/**
 * The clause of the sentence that holds a date. A comma inside the date ("February 27, 2006") does not break
 * it; a clause that is only the date ("In 2011, …", "…, on Thursday.") joins the clause after it, or before it.
 */
export function clauseAround(sentence: string, words: readonly Word[], date: Span): Span {
  const clauses = clausesOf(sentence);
  const first = Math.max(0, clauses.findIndex((c) => date.start < c.end || c.end === sentence.length));
  let last = first;
  while (last + 1 < clauses.length && clauses[last]!.end < date.end) last++;
  const clause = { start: clauses[first]!.start, end: clauses[last]!.end };
  const rest = wordsIn(words, clause).filter((w) => w.end <= date.start || w.start >= date.end);
  if (!rest.every((w) => FUNCTION_WORDS.has(w.lower) || OPENERS.has(w.lower))) return clause;
  const next = clauses[last + 1];
  const previous = clauses[first - 1];
  if (next) return { start: clause.start, end: next.end };
  return previous ? { start: previous.start, end: clause.end } : clause;
}

/** A label for the fact dated at `date` within `clause`, bounded by the other dates of the sentence. */
export function labelFor(sentence: string, words: readonly Word[], clause: Span, date: Span, otherDates: readonly Span[] = []): string {
  // Another date of the same clause bounds this one's words ("entered politics in 1946 and served … from 1967").
  const from = Math.max(clause.start, ...otherDates.filter((d) => d.end <= date.start).map((d) => d.end));
  const to = Math.min(clause.end, ...otherDates.filter((d) => d.start >= date.end).map((d) => d.start));
  const span =
    phraseFor(sentence, wordsIn(words, { start: from, end: to }), date) ??
    phraseFor(sentence, wordsIn(words, clause), date) ??
    beside(wordsIn(words, clause).filter((w) => w.end <= date.start || w.start >= date.end), { start: 0, end: 0 });
  return span ? sentence.slice(span.start, span.end) : sentence.slice(date.start, date.end);
}

function phraseFor(sentence: string, words: readonly Word[], date: Span): Span | null {
  return modifiedNoun(sentence, words, date) ?? nearestEvent(sentence, words, date) ?? beside(words, date);
}

/** The event noun phrases of a run of words. */
export function eventPhrases(sentence: string, words: readonly Word[], skip: Span | null): Span[] {
  const phrases: Span[] = [];
  words.forEach((word, i) => {
    if (skip && word.start < skip.end && skip.start < word.end) return;
    if (!isEventNoun(word, word.start === 0)) return;
    let first = i;
    while (first > 0 && i - first < MAX_MODIFIERS && isModifier(words[first - 1]!) && adjacent(sentence, words[first - 1]!, words[first]!))
      first--;
    let last = i;
    const of = words[i + 1];
    if (of?.lower === 'of' && adjacent(sentence, word, of)) {
      let j = i + 2;
      while (j < words.length && j - i - 1 <= MAX_OF_WORDS && adjacent(sentence, words[j - 1]!, words[j]!)) {
        const w = words[j]!;
        if (skip && w.start < skip.end && skip.start < w.end) break;
        if (FUNCTION_WORDS.has(w.lower) && !OF_DETERMINERS.has(w.lower)) break;
        j++;
      }
      while (j > i + 2 && OF_DETERMINERS.has(words[j - 1]!.lower)) j--;
      if (j > i + 2) last = j - 1;
    }
    phrases.push({ start: words[first]!.start, end: words[last]!.end });
  });
  // "end of its combat mission" holds "combat mission": the whole phrase names the event.
  return phrases.filter((p) => !phrases.some((q) => q !== p && q.start <= p.start && p.end <= q.end));
}

function isEventNoun(word: Word, sentenceStart: boolean): boolean {
  // "the Department of Immigration", "the Commonwealth Games": a capital inside a sentence makes a name.
  if (!sentenceStart && /^\p{Lu}/u.test(word.text)) return false;
  const lower = word.lower.replace(/[’']s$/, '');
  const singular = lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
  if (NOT_EVENTS.has(singular) || NOT_EVENTS.has(lower)) return false;
  if (EVENT_NOUNS.has(lower) || EVENT_NOUNS.has(singular)) return true;
  return /[a-z]{3,}(?:tion|sion|ment)$/.test(singular);
}

/** A word that may stand before a noun in its phrase: not a small word, a number, an adverb or a verb. */
function isModifier(word: Word): boolean {
  if (FUNCTION_WORDS.has(word.lower) || /\d/.test(word.text) || /ly$/.test(word.lower)) return false;
  if (/[’']s$/.test(word.lower)) return false; // "Baghdad’s request": the owner is not part of the name
  return !/(?:ed|ing)$/.test(word.lower) || word.text.includes('-');
}

/** "the 2003 invasion", "the 2020 presidential election": the date stands inside the noun phrase. */
export function modifiedNoun(sentence: string, words: readonly Word[], date: Span): Span | null {
  const before = [...words].reverse().find((w) => w.end <= date.start);
  const firstAfter = words.findIndex((w) => w.start >= date.end);
  if (firstAfter < 0) return null;
  const gap = sentence.slice(date.end, words[firstAfter]!.start);
  // "Saturday’s unrest": the date owns the event; "the 2003 invasion": the date stands before the noun.
  const owner = /^['’]s\s+$/.test(gap);
  if (!owner && !/^\s+$/.test(gap)) return null;
  if (!owner && (!before || (!DETERMINERS.has(before.lower) && !/[’']s$/.test(before.lower)))) return null;
  let last = firstAfter;
  while (last < words.length && last - firstAfter < MAX_MODIFIERS + 1) {
    const w = words[last]!;
    if (FUNCTION_WORDS.has(w.lower) || /\d/.test(w.text) || /(?:ed|ly)$/.test(w.lower)) break;
    if (last > firstAfter && !adjacent(sentence, words[last - 1]!, w)) break;
    last++;
  }
  return last > firstAfter ? { start: words[firstAfter]!.start, end: words[last - 1]!.end } : null;
}

/** The event phrase nearest the date: before it, unless the date follows a verb of saying. */
function nearestEvent(sentence: string, words: readonly Word[], date: Span): Span | null {
  const phrases = eventPhrases(sentence, words, date);
  const before = phrases.filter((p) => p.end <= date.start);
  const after = phrases.filter((p) => p.start >= date.end);
  const reported = words.some((w) => w.end <= date.start && REPORTING_VERBS.has(w.lower));
  const lastBefore = before[before.length - 1] ?? null;
  const firstAfter = after[0] ?? null;
  return reported ? (firstAfter ?? lastBefore) : (lastBefore ?? firstAfter);
}

/** The clause's words beside the date: after it when the date opens the clause, else before it. */
function beside(words: readonly Word[], date: Span): Span | null {
  const trim = (run: Word[]): Word[] => {
    let from = 0;
    let to = run.length;
    while (from < to && (FUNCTION_WORDS.has(run[from]!.lower) || OPENERS.has(run[from]!.lower))) from++;
    while (to > from && (FUNCTION_WORDS.has(run[to - 1]!.lower) || DATE_QUALIFIERS.has(run[to - 1]!.lower))) to--;
    return run.slice(from, to);
  };
  let run = trim(words.filter((w) => w.end <= date.start));
  if (run.length === 0) run = trim(trim(words.filter((w) => w.start >= date.end)).slice(0, MAX_LABEL_WORDS));
  // The clause's opening words carry who did what ("India and China reopened the Nathula Pass …").
  else run = trim(run.slice(0, MAX_LABEL_WORDS));
  return run.length ? { start: run[0]!.start, end: run[run.length - 1]!.end } : null;
}
