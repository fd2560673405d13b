/**
 * A sentence as words with offsets, and its clauses: the timeline's labels and figures are always cut from
 * these spans, so every word they show stands in the source sentence.
 */

export interface Word {
  text: string;
  /** Lower-cased, for the word lists. */
  lower: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

/** A word keeps its inner apostrophes, hyphens, dots and thousands commas ("Baghdad’s", "170,000", "U.S"). */
const WORD = /[\p{L}\p{N}]+(?:[’'.,-][\p{L}\p{N}]+)*/gu;

/** Where one clause ends and the next begins: semicolons, colons, dashes, brackets, and commas. */
const CLAUSE_BREAK = /[;:—–()[\]]|,\s/g;

export function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The clause spans of a sentence, in order, covering it whole. */
export function clausesOf(sentence: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: sentence.length });
  return spans;
}

/** Whether only spaces stand between two words: a comma or a dash between them breaks a phrase. */
export function adjacent(text: string, left: Word, right: Word): boolean {
  return /^\s+$/.test(text.slice(left.end, right.start));
}

/** Words inside a span. */
export function wordsIn(words: readonly Word[], span: Span): Word[] {
  return words.filter((w) => w.start >= span.start && w.end <= span.end);
}
