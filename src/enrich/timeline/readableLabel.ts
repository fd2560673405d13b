/**
 * The label a reader sees on a timeline: a short statement of what happened, never a lone word, a verb of
 * saying, a weekday or a fragment with a dangling quote. In order of trust:
 *  1. an event the date itself names ("the 2003 invasion of Iraq", "Saturday’s unrest") — the date belongs to
 *     that noun, not to the clause's verb ("troops stayed since the 2003 invasion");
 *  2. the clause's statement, subject–verb–object ("Iran launched a ballistic-missile strike on US forces");
 *  3. the older event-phrase label, when it is readable.
 * A fact left with no readable label is not shown: a timeline entry a reader cannot understand is noise.
 * Dates after publication are plans or expectations, and say so.
 */
import { clauseAround, labelFor, modifiedNoun } from './label.ts';
import { statementFor, termsOf } from './statement.ts';
import { wordsOf, type Span, type Word } from './words.ts';
import { FUNCTION_WORDS, REPORTING_VERBS } from './wordLists.ts';

const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;
/** Words kept after a noun the date names ("invasion of Iraq"). */
const MAX_OWNED_TAIL_WORDS = 3;

export function readableLabel(sentence: string, words: readonly Word[], date: Span, otherDates: readonly Span[]): string | null {
  const owned = ownedEvent(sentence, words, date);
  if (owned && isReadable(owned)) return owned;
  const clause = clauseAround(sentence, words, date);
  const terms = termsOf(sentence);
  const dates = [date, ...otherDates];
  // A clause cut at an appositive's comma ("On October 19, Don Blankenship, the nominee, answered …") has no
  // verb of its own: the rest of the sentence has it.
  const found =
    statementFor(sentence, terms, clause, dates) ?? statementFor(sentence, terms, { start: clause.start, end: sentence.length }, dates);
  const statement = found && withoutDanglingQuote(found);
  if (statement && isReadable(statement)) return statement;
  const fallback = labelFor(sentence, words, clause, date, otherDates);
  return isReadable(fallback) ? fallback : null;
}

/** The lede's label: the statement of its main clause. */
export function newsLabel(sentence: string): string | null {
  const found = statementFor(sentence, termsOf(sentence), { start: 0, end: sentence.length }, []);
  const statement = found && withoutDanglingQuote(found);
  return statement && isReadable(statement) ? statement : null;
}

/** "2003 invasion of Iraq": the date, the noun it names, and an "of" phrase after it. */
function ownedEvent(sentence: string, words: readonly Word[], date: Span): string | null {
  const noun = modifiedNoun(sentence, words, date);
  if (!noun) return null;
  let end = noun.end;
  const after = words.filter((w) => w.start >= noun.end);
  if (after[0]?.lower === 'of' && /^\s+$/.test(sentence.slice(noun.end, after[0].start))) {
    const tail = after.slice(1, 1 + MAX_OWNED_TAIL_WORDS);
    let kept = 0;
    while (kept < tail.length && /^\s+$/.test(sentence.slice((tail[kept - 1] ?? after[0]).end, tail[kept]!.start)) && !FUNCTION_WORDS.has(tail[kept]!.lower)) kept++;
    if (kept) end = tail[kept - 1]!.end;
  }
  return sentence.slice(date.start, end);
}

/** "will revise their "everyday": a quote opened and not closed is cut off with the words before it that lean on it. */
function withoutDanglingQuote(label: string): string {
  if ((label.match(/["“”]/g) ?? []).length % 2 === 0) return label;
  const cut = label.slice(0, Math.max(label.lastIndexOf('"'), label.lastIndexOf('“'), label.lastIndexOf('”'))).trimEnd();
  const words = wordsOf(cut);
  while (words.length && FUNCTION_WORDS.has(words.at(-1)!.lower)) words.pop();
  return words.length ? cut.slice(0, words.at(-1)!.end) : '';
}

/** Two or more words, not only small words, a verb of saying or a weekday, with its quotes closed. */
export function isReadable(label: string): boolean {
  const words = wordsOf(label);
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.lower) && !REPORTING_VERBS.has(w.lower) && !WEEKDAY.test(w.text));
  if (words.length < 2 || content.length < 2 && words.length < 3) return false;
  if (content.length === 0) return false;
  const quotes = (label.match(/["“”]/g) ?? []).length;
  return quotes % 2 === 0;
}

/** "Planned: MPs will vote on the bill": a fact dated after publication is not a fact yet. */
export function asPlanned(label: string, sentence: string): string {
  return `${/\b(?:expect|forecast|predict|likely|project)/i.test(sentence) ? 'Expected' : 'Planned'}: ${label}`;
}
