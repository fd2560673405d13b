import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { tsQuery } from './searchQuery.ts';
import { chooseSnippet, markedText, MARK_END, MARK_START, RANKED_WINDOW, type SearchEngine } from './searchEngine.ts';
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

/** Published, in the section and days asked for; `$n` numbers the section, then from, then to. */
function filters(n: number): string {
  return `a.status = 'published' and ($${n}::text is null or a.section = $${n})
    and ($${n + 1}::text is null or a.published_at >= $${n + 1}) and ($${n + 2}::text is null or a.published_at < $${n + 2})`;
}

const COUNT_SQL = `select count(*) as total from articles a where a.search_document @@ to_tsquery(${CONFIG}, $1) and ${filters(2)}`;

/**
 * ts_rank over the ranked window (see RANKED_WINDOW): the newest matches and the newest headline matches (from
 * the headline index), each candidate scored against the whole query. Scoring reads each match's tsvector,
 * which is what made ranking every match of a common word slow. Ordered by id, the planner walks the primary
 * key backwards for a common word and reads the GIN index for a rare one.
 */
const RANK_SQL = `
  with newest as materialized (
    select a.id from articles a where a.search_document @@ to_tsquery(${CONFIG}, $1) and ${filters(2)}
    order by a.id desc limit ${RANKED_WINDOW}),
  headlines as materialized (
    select a.id from articles a where to_tsvector(${CONFIG}, a.headline) @@ to_tsquery(${CONFIG}, $1) and ${filters(2)}
    order by a.id desc limit ${RANKED_WINDOW})
  select a.id, a.slug, a.section, a.headline, a.published_at
  from articles a
  where a.id in (select id from newest union select id from headlines)
  order by ts_rank('${RANK_WEIGHTS}', a.search_document, to_tsquery(${CONFIG}, $1)) desc, a.published_at desc, a.id desc
  limit $5 offset $6`;

/** ts_headline reads the whole text, so it runs for the page shown only. */
const PASSAGES_SQL = `
  select a.id,
    ts_headline(${CONFIG}, a.headline, query, $3) as headline,
    ts_headline(${CONFIG}, trim(coalesce(a.dek, '') || E'\\n' || coalesce(a.summary, '')), query, $4) as standfirst,
    ts_headline(${CONFIG}, trim(coalesce(a.lede, '') || E'\\n' || article_body_text(a.body)), query, $4) as body
  from articles a, to_tsquery(${CONFIG}, $1) as query
  where a.id = any($2::int[])`;

export function postgresSearchEngine(db: Kysely<Database>): SearchEngine {
  const read = async <Row>(text: string, parameters: readonly unknown[]): Promise<Row[]> =>
    (await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]))).rows;

  return {
    async rank(terms, { section, from, to }, limit, offset) {
      const query = tsQuery(terms);
      const [counted] = await read<{ total: number }>(COUNT_SQL, [query, section, from, to]);
      const total = Number(counted?.total ?? 0);
      if (total === 0 || offset >= total) return { total, articles: [] };
      const rows = await read<LinkRow>(RANK_SQL, [query, section, from, to, limit, offset]);
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
