import type { ArticleLink } from '../domain/index.ts';
import type { SearchTerm } from './searchQuery.ts';

/**
 * What each dialect's search engine does (searchSqlite.ts, searchPostgres.ts) for the one interface in
 * search.ts, and the marked text both hand back.
 */

/** Text with the parts that matched the query marked; the view decides how a mark looks. */
export type MarkedText = ReadonlyArray<{ text: string; marked: boolean }>;

/** A page of results, before the passages around matches are cut (only for the page shown). */
export interface RankedPage {
  /** Matches counted: every one up to RANKED_WINDOW, and no further. */
  total: number;
  /** More articles match than `total`. */
  moreThanTotal: boolean;
  articles: ArticleLink[];
}

/** What differs between the dialects; bounds are ISO instants, from inclusive, to exclusive. */
export interface SearchEngine {
  rank(terms: readonly SearchTerm[], filter: SearchFilter, limit: number, offset: number): Promise<RankedPage>;
  /** Marked headline and passage of each article, by id. */
  passages(terms: readonly SearchTerm[], ids: readonly number[]): Promise<Map<number, Passages>>;
  rebuild(): Promise<number>;
}

export interface Passages {
  headline: MarkedText;
  snippet: MarkedText;
}

export interface SearchFilter {
  section: string | null;
  from: string | null;
  to: string | null;
}

/**
 * How many matches are ranked by relevance: the newest this many matches anywhere, and the newest this many
 * whose headline matches. Ranking is the costly step (bm25 / ts_rank read each match's positions), and a
 * common word matches a third of an archive: ranking every match made a search at 100,000 articles a hundred
 * times slower than at 1,000. News readers want recent reporting first anyway, and a headline match from any
 * year still competes. Results are listed to this depth.
 *
 * Matches are counted to the same depth, by the same walk (newest first, one past the window to learn whether
 * there are more): past it a reader is told "more than 500", since no page lists them. Counting every match
 * was the other cost that grew with the archive: a common word's count read a fifth of it.
 */
export const RANKED_WINDOW = 500;

/** Marks that no article text contains (Unicode private use): where an engine's highlight starts and stops. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** An engine's highlighted text, split at the marks. Text outside marks is never dropped. */
export function markedText(highlighted: string | null): MarkedText {
  if (!highlighted) return [];
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of highlighted.split(/([\uE000\uE001])/)) {
    if (piece === MARK_START) marked = true;
    else if (piece === MARK_END) marked = false;
    else if (piece) {
      const last = parts[parts.length - 1];
      if (last && last.marked === marked) last.text += piece;
      else parts.push({ text: piece, marked });
    }
  }
  return parts;
}

export function hasMark(text: MarkedText): boolean {
  return text.some((part) => part.marked);
}

/** The passage that shows why an article matched: its text's, else its standfirst's; the start of its text otherwise. */
export function chooseSnippet(standfirst: MarkedText, body: MarkedText): MarkedText {
  if (hasMark(body) || !hasMark(standfirst)) return body.length ? body : standfirst;
  return standfirst;
}
