import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { ReadConnection } from './sqlite.ts';
import { FTS5_PREFIX_LENGTHS } from './migrations/0011_search_scaling.ts';
import { fts5Query, type SearchTerm } from './searchQuery.ts';
import {
  chooseSnippet,
  markedText,
  MARK_END,
  MARK_START,
  RANKED_WINDOW,
  type Passages,
  type SearchEngine,
  type SearchFilter,
} from './searchEngine.ts';
import { linkFromRow, LINK_COLUMNS, type LinkRow } from './rows.ts';

/** Tokens of text around the matches in a result's passage: two lines or so on a results page. */
const SNIPPET_TOKENS = 32;

/** The table's bm25 with its column weights (see migrations/0008_search.ts), as an expression: see rank(). */
const SCORE = 'bm25(article_search, 10.0, 4.0, 1.0)';

/**
 * FTS5 (see migrations/0008_search.ts). Only the index is read per match: the articles table, whose status and
 * dates sit past each long body in overflow pages, is read for the page shown. Filters become a set of ids
 * read from the (section, status, published_at, id) and (status, published_at, id) indexes alone, which each
 * match is checked against. The index holds published articles only (its content is a view of them).
 *
 * `+rowid in (…)`: the plus keeps SQLite from handing the set to FTS5 as rowid constraints, which FTS5 answers
 * by running the whole MATCH again for each id (a hundred times slower); checked against each match instead,
 * the set costs a lookup per match. The set's lowest and highest ids are handed to FTS5 as a range, which it
 * seeks to: a month's articles are checked without walking past every newer match of the word first.
 */
function scoredMatchesSql({ section, from, to }: SearchFilter, limit: number): { text: string; parameters: (match: string) => unknown[] } {
  const filters: unknown[] = [];
  const conditions: string[] = [];
  if (section !== null) (conditions.push('section = ?'), filters.push(section));
  conditions.push(`status = 'published'`);
  if (from !== null) (conditions.push('published_at >= ?'), filters.push(from));
  if (to !== null) (conditions.push('published_at < ?'), filters.push(to));
  const select = `select rowid as id, ${SCORE} as score from article_search where article_search match ?`;
  const newest = `order by rowid desc limit ${limit}`;
  if (filters.length === 0) return { text: `${select} ${newest}`, parameters: (match) => [match] };
  return {
    text: `with within as materialized (select id from articles where ${conditions.join(' and ')})
      ${select} and +rowid in within and rowid between (select min(id) from within) and (select max(id) from within) ${newest}`,
    parameters: (match) => [...filters, match],
  };
}

/**
 * The page's articles, in one read of a few rows by id (the ids drive the join: \`id in (…)\` had SQLite scan
 * the table); still published, so an index that drifted never shows a draft.
 */
const LINKS_SQL = `select ${LINK_COLUMNS.map((column) => `a.${column}`).join(', ')}
  from json_each(?) as page cross join articles as a on a.id = page.value where a.status = 'published'`;

/**
 * Marked headline and passages; text is read (through the view) for the page's articles only. A rowid is cast:
 * the driver binds a JavaScript number as a real, and FTS5 ignores a rowid constraint that is not an integer.
 */
const PASSAGES_SELECT = `
  select rowid as id, highlight(article_search, 0, '${MARK_START}', '${MARK_END}') as headline,
    snippet(article_search, 1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) as standfirst,
    snippet(article_search, 2, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) as body
  from article_search where article_search match ?`;

/** A prefix with no index of its length (see migrations/0011_search_scaling.ts): FTS5 merges word lists for it. */
function mergesWordLists(term: SearchTerm): boolean {
  if (!term.prefix) return false;
  const prefix = term.kind === 'word' ? term.word : term.words[term.words.length - 1]!;
  return !FTS5_PREFIX_LENGTHS.some((length) => length === [...prefix].length);
}

type PassageRow = { id: number; headline: string | null; standfirst: string | null; body: string | null };

export function sqliteSearchEngine(db: Kysely<Database>, reader: ReadConnection | null): SearchEngine {
  // The reader connection when there is one (see sqlite.ts): searches never wait behind a writer's transaction.
  const read = async <Row>(text: string, parameters: readonly unknown[]): Promise<Row[]> =>
    reader ? (reader.all(text, parameters) as Row[]) : (await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]))).rows;

  return {
    /**
     * Two short reads of the index, each newest first (FTS5 walks a term's matches in rowid order, and bm25
     * scores only the rows it hands out): the window's matches with their bm25, one past the window to learn
     * whether more match, which is also the count; and, when more do, the newest headline matches in the
     * window, scored by the headline alone (older than the window, their other fields are not scored: a small
     * lean towards recent reporting). The page is the best of both, best score first.
     */
    async rank(terms, filter, limit, offset) {
      const scored = (query: string, rows: number) => {
        const { text, parameters } = scoredMatchesSql(filter, rows);
        return read<{ id: number; score: number }>(text, parameters(query));
      };
      const newest = await scored(fts5Query(terms), RANKED_WINDOW + 1);
      const moreThanTotal = newest.length > RANKED_WINDOW;
      const window = moreThanTotal ? newest.slice(0, RANKED_WINDOW) : newest;
      const total = window.length;
      if (total === 0 || offset >= total) return { total, moreThanTotal, articles: [] };
      const scores = new Map(window.map((row) => [row.id, row.score]));
      if (moreThanTotal) {
        for (const row of await scored(fts5Query(terms, 'headline'), RANKED_WINDOW)) if (!scores.has(row.id)) scores.set(row.id, row.score);
      }
      const page = [...scores]
        .sort(([idA, a], [idB, b]) => a - b || idB - idA)
        .slice(offset, offset + limit)
        .map(([id]) => id);
      const rows = await read<LinkRow>(LINKS_SQL, [JSON.stringify(page)]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return { total, moreThanTotal, articles: page.flatMap((id) => (byId.has(id) ? [linkFromRow(byId.get(id)!)] : [])) };
    },

    async passages(terms, ids) {
      const passages = new Map<number, Passages>();
      const match = fts5Query(terms);
      // Setting up a MATCH is cheap for words and indexed prefixes, and costly for a longer prefix (it merges
      // the lists of every word the prefix begins): those take one pass over the matches for the page, the
      // rest look each article up.
      const rows = terms.some(mergesWordLists)
        ? await read<PassageRow>(`${PASSAGES_SELECT} and +rowid in (select value from json_each(?))`, [match, JSON.stringify(ids)])
        : (await Promise.all(ids.map((id) => read<PassageRow>(`${PASSAGES_SELECT} and rowid = cast(? as integer)`, [match, id])))).flat();
      for (const row of rows) {
        passages.set(row.id, { headline: markedText(row.headline), snippet: chooseSnippet(markedText(row.standfirst), markedText(row.body)) });
      }
      return passages;
    },

    async rebuild() {
      await db.transaction().execute(async (trx) => {
        await trx.executeQuery(CompiledQuery.raw(`insert into article_search (article_search) values ('rebuild')`));
        // One b-tree instead of the many small ones a rebuild leaves: queries read one segment per term.
        await trx.executeQuery(CompiledQuery.raw(`insert into article_search (article_search) values ('optimize')`));
      });
      const { rows } = await db.executeQuery<{ total: number }>(
        CompiledQuery.raw(`select count(*) as total from articles where status = 'published'`),
      );
      return Number(rows[0]?.total ?? 0);
    },
  };
}
