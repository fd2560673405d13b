import type { Kysely } from 'kysely';
import { ValidationError, type ArticleLink } from '../domain/index.ts';
import type { Database } from './schema.ts';
import type { ReadConnection } from './sqlite.ts';
import { parseSearch } from './searchQuery.ts';
import { RANKED_WINDOW, type MarkedText, type SearchFilter } from './searchEngine.ts';
import { postgresSearchEngine } from './searchPostgres.ts';
import { sqliteSearchEngine } from './searchSqlite.ts';

/**
 * Full-text search over published articles, one interface over SQLite FTS5 and PostgreSQL tsvector (the index
 * itself is kept by the database: see migrations/0008_search.ts). The reader's query is parsed here and handed
 * to an engine as terms, never as text (see searchQuery.ts).
 */
export type { MarkedText } from './searchEngine.ts';

export interface SearchQuery {
  /** What the reader typed, as typed: anything at all. */
  q: string;
  /** Section slug. */
  section?: string | undefined;
  /** Published on or after this day, YYYY-MM-DD (UTC). */
  from?: string | undefined;
  /** Published on or before this day, YYYY-MM-DD (UTC). */
  to?: string | undefined;
  limit: number;
  offset: number;
}

export interface SearchHit {
  article: ArticleLink;
  /** The headline with its matching words marked. */
  headline: MarkedText;
  /** A short passage from the standfirst or text around the matching words; may be empty. */
  snippet: MarkedText;
}

export interface SearchResults {
  /** False when the query held nothing to search (no letters or digits); `notices` says so. */
  searched: boolean;
  /** Published articles matching, over every page, counted up to RANKED_WINDOW (see searchEngine.ts). */
  total: number;
  /** More articles match than `total`: the count stopped at the ranked window, as listing does. */
  moreThanTotal: boolean;
  /** Best first: headline matches before standfirst matches before text matches, then newest. */
  hits: SearchHit[];
  /** For the reader: parts of the query left out, or why nothing could be searched. */
  notices: string[];
}

export interface SearchRepository {
  /** A ValidationError for malformed dates or a bad page; any `q` at all gives results or notices. */
  search(query: SearchQuery): Promise<SearchResults>;
  /** Rebuilds the search index from the articles; returns how many published articles it holds. */
  rebuild(): Promise<number>;
}

/** Results a page may ask for: more is a scraper, not a reader. */
export const MAX_SEARCH_LIMIT = 100;
/** How deep results are listed: the ranked window (see searchEngine.ts). */
export const MAX_SEARCH_OFFSET = RANKED_WINDOW;

export function searchRepository(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', reader: ReadConnection | null = null): SearchRepository {
  const engine = dialect === 'sqlite' ? sqliteSearchEngine(db, reader) : postgresSearchEngine(db);
  return {
    async search(query) {
      const filter = searchFilter(query);
      requireCount(query.limit, 'limit', 1, MAX_SEARCH_LIMIT);
      requireCount(query.offset, 'offset', 0, MAX_SEARCH_OFFSET);
      const { terms, notices } = parseSearch(query.q);
      if (terms.length === 0) return { searched: false, total: 0, moreThanTotal: false, hits: [], notices };
      const page = await engine.rank(terms, filter, query.limit, query.offset);
      const passages = await engine.passages(terms, page.articles.map((article) => article.id));
      const hits = page.articles.map((article) => ({
        article,
        ...(passages.get(article.id) ?? { headline: [{ text: article.headline, marked: false }], snippet: [] }),
      }));
      return { searched: true, total: page.total, moreThanTotal: page.moreThanTotal, hits, notices };
    },
    rebuild: () => engine.rebuild(),
  };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day as its first instant, or a ValidationError a reader can act on. */
function dayStart(day: string, field: string): Date {
  const match = DAY.exec(day);
  const time = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // Date.UTC rolls 2024-02-31 over into March: a day that comes back different did not exist.
  if (!time || Number.isNaN(time.getTime()) || time.toISOString().slice(0, 10) !== day) {
    throw new ValidationError(`The ${field} date must be a day written as YYYY-MM-DD, like 2024-05-01.`);
  }
  return time;
}

const DAY_MS = 86_400_000;

function searchFilter({ section, from, to }: SearchQuery): SearchFilter {
  const fromTime = from ? dayStart(from, '“from”') : null;
  const toTime = to ? dayStart(to, '“to”') : null;
  if (fromTime && toTime && fromTime > toTime) throw new ValidationError('The “from” date is after the “to” date.');
  return {
    section: section || null,
    from: fromTime?.toISOString() ?? null,
    // Through the whole of the last day.
    to: toTime ? new Date(toTime.getTime() + DAY_MS).toISOString() : null,
  };
}

function requireCount(value: number, name: string, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(`${name} must be a whole number from ${min} to ${max}`);
  }
}
