import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { ReadConnection } from './sqlite.ts';
import { fts5Query } from './searchQuery.ts';
import { chooseSnippet, markedText, MARK_END, MARK_START, type Passages, type SearchEngine } from './searchEngine.ts';
import { linkFromRow, type LinkRow } from './rows.ts';

/** Tokens of text around the matches in a result's passage: two lines or so on a results page. */
const SNIPPET_TOKENS = 32;

/**
 * FTS5 (see migrations/0008_search.ts). The rank is the table's bm25 with column weights; articles filter by
 * section and time. The window count gives the total in the same pass that ranks, so matches are read once.
 */
const RANK_SQL = `
  select a.id, a.slug, a.section, a.headline, a.published_at, count(*) over () as total
  from article_search s join articles a on a.id = s.rowid
  where article_search match ? and a.status = 'published'
    and (? is null or a.section = ?) and (? is null or a.published_at >= ?) and (? is null or a.published_at < ?)
  order by s.rank, a.published_at desc, a.id desc
  limit ? offset ?`;

const COUNT_SQL = `
  select count(*) as total
  from article_search s join articles a on a.id = s.rowid
  where article_search match ? and a.status = 'published'
    and (? is null or a.section = ?) and (? is null or a.published_at >= ?) and (? is null or a.published_at < ?)`;

/**
 * One article's marked headline and passages: a rowid lookup within the match, so no other row is read. The
 * cast matters: the driver binds a JavaScript number as a real, and FTS5 ignores a rowid constraint that is not
 * an integer, returning every match.
 */
const PASSAGES_SQL = `
  select highlight(article_search, 0, '${MARK_START}', '${MARK_END}') as headline,
    snippet(article_search, 1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) as standfirst,
    snippet(article_search, 2, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) as body
  from article_search where article_search match ? and rowid = cast(? as integer)`;

type RankRow = LinkRow & { total: number };

export function sqliteSearchEngine(db: Kysely<Database>, reader: ReadConnection | null): SearchEngine {
  // The reader connection when there is one (see sqlite.ts): searches never wait behind a writer's transaction.
  const read = async <Row>(text: string, parameters: readonly unknown[]): Promise<Row[]> =>
    reader ? (reader.all(text, parameters) as Row[]) : (await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]))).rows;

  return {
    async rank(terms, { section, from, to }, limit, offset) {
      const match = fts5Query(terms);
      const filters = [section, section, from, from, to, to];
      const rows = await read<RankRow>(RANK_SQL, [match, ...filters, limit, offset]);
      const total = rows[0]
        ? Number(rows[0].total)
        : offset > 0
          ? Number((await read<{ total: number }>(COUNT_SQL, [match, ...filters]))[0]?.total ?? 0)
          : 0;
      return { total, articles: rows.map(linkFromRow) };
    },

    async passages(terms, ids) {
      const match = fts5Query(terms);
      const passages = new Map<number, Passages>();
      for (const id of ids) {
        const [row] = await read<{ headline: string | null; standfirst: string | null; body: string | null }>(PASSAGES_SQL, [match, id]);
        if (!row) continue;
        passages.set(id, { headline: markedText(row.headline), snippet: chooseSnippet(markedText(row.standfirst), markedText(row.body)) });
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
