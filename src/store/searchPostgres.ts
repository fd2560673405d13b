import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { tsQuery } from './searchQuery.ts';
import { chooseSnippet, markedText, MARK_END, MARK_START, type Passages, type SearchEngine } from './searchEngine.ts';
import { linkFromRow, type LinkRow } from './rows.ts';

/**
 * ts_rank's weights for D, C, B, A: text 0.2, standfirst 0.4, headline 1.0 (PostgreSQL's defaults, named here
 * because the ranking rests on them: a headline hit outweighs several hits in the text).
 */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

/** ts_headline's passage: up to two short fragments around matches, like FTS5's snippet. */
const PASSAGE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxFragments=2, MaxWords=20, MinWords=8, FragmentDelimiter=" … "`;
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;

/** The same configuration the index was built with (migrations/0008_search.ts). */
const CONFIG = `'english'::regconfig`;

const FILTERS = `a.status = 'published'
    and ($2::text is null or a.section = $2) and ($3::text is null or a.published_at >= $3) and ($4::text is null or a.published_at < $4)`;

const RANK_SQL = `
  select a.id, a.slug, a.section, a.headline, a.published_at, count(*) over () as total
  from articles a, to_tsquery(${CONFIG}, $1) as query
  where a.search_document @@ query and ${FILTERS}
  order by ts_rank('${RANK_WEIGHTS}', a.search_document, query) desc, a.published_at desc, a.id desc
  limit $5 offset $6`;

const COUNT_SQL = `
  select count(*) as total from articles a, to_tsquery(${CONFIG}, $1) as query
  where a.search_document @@ query and ${FILTERS}`;

/** ts_headline reads the whole text, so it runs for the page shown only. */
const PASSAGES_SQL = `
  select a.id,
    ts_headline(${CONFIG}, a.headline, query, $3) as headline,
    ts_headline(${CONFIG}, trim(coalesce(a.dek, '') || E'\\n' || coalesce(a.summary, '')), query, $4) as standfirst,
    ts_headline(${CONFIG}, trim(coalesce(a.lede, '') || E'\\n' || article_body_text(a.body)), query, $4) as body
  from articles a, to_tsquery(${CONFIG}, $1) as query
  where a.id = any($2::int[])`;

type RankRow = LinkRow & { total: number };

export function postgresSearchEngine(db: Kysely<Database>): SearchEngine {
  const read = async <Row>(text: string, parameters: readonly unknown[]): Promise<Row[]> =>
    (await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]))).rows;

  return {
    async rank(terms, { section, from, to }, limit, offset) {
      const query = tsQuery(terms);
      const rows = await read<RankRow>(RANK_SQL, [query, section, from, to, limit, offset]);
      const total = rows[0]
        ? Number(rows[0].total)
        : offset > 0
          ? Number((await read<{ total: number }>(COUNT_SQL, [query, section, from, to]))[0]?.total ?? 0)
          : 0;
      return { total, articles: rows.map(linkFromRow) };
    },

    async passages(terms, ids) {
      if (ids.length === 0) return new Map();
      const rows = await read<{ id: number; headline: string; standfirst: string; body: string }>(PASSAGES_SQL, [
        tsQuery(terms),
        ids,
        HEADLINE_OPTIONS,
        PASSAGE_OPTIONS,
      ]);
      return new Map(
        rows.map((row) => [row.id, { headline: markedText(row.headline), snippet: chooseSnippet(markedText(row.standfirst), markedText(row.body)) }]),
      );
    },

    async rebuild() {
      // The column is generated, so it is never stale; what can decay is the index (bloat after many edits).
      await db.executeQuery(CompiledQuery.raw('reindex index articles_search_idx'));
      const [row] = await read<{ total: number }>(`select count(*) as total from articles where status = 'published'`, []);
      return Number(row?.total ?? 0);
    },
  };
}
