import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { tsQuery, tsWordsQuery } from './searchQuery.ts';
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

/** The query's score for the article `a` (see RANK_WEIGHTS). */
const SCORE = `ts_rank('${RANK_WEIGHTS}', a.search_document, to_tsquery(${CONFIG}, $1))`;

/**
 * The page and the count in one statement, each step newest first and bounded by the ranked window (see
 * RANKED_WINDOW) rather than by the archive:
 * - matches: the newest window's matches and one more, which says whether there are more; counting them is the
 *   count. For a common word the planner walks the primary key backwards checking each row's tsvector (kept in
 *   the row, migrations/0011_search_scaling.ts, so a check is cheap) and stops at the window; for a rarer one
 *   it reads the GIN index's few matches. GIN lists matches in no useful order, so a word in between (one
 *   article in twenty) costs either way a few thousand rows at 100,000 articles, and more in a larger archive.
 *   The planner prices a phrase as if its words need only appear together, so a rare phrase of common words
 *   ("first state") is walked through the whole table. Each match is scored as it is read, its row at hand.
 * - headlines: the newest headline matches from the headline index, needed only when the window is full
 *   (otherwise every headline match is in it already). Those outside the window are scored after the cut:
 *   before it, ts_rank would run on every headline match the index gives. The index is asked for the query's
 *   words alone ($7), which it answers by itself; phrases ("al-Qaeda" is one) are then checked against the
 *   headline's words in the stored document ($8, weight A; null when there is no phrase). Asked for a phrase,
 *   the index had every candidate's headline tokenised again: 20 ms for a phrase of common words at 100,000
 *   articles. ts_match_vq is @@ written as a call, so the planner never hands the check to the document's
 *   index, whose candidates would be rechecked, headline included, in the same way.
 * - the page: the best of both, and only its own articles read again for their links.
 */
const RANK_SQL = `
  with matches as materialized (
    select a.id, a.published_at, ${SCORE} as score
    from articles a where a.search_document @@ to_tsquery(${CONFIG}, $1) and ${filters(2)}
    order by a.id desc limit ${RANKED_WINDOW + 1}),
  newest as (select * from matches order by id desc limit ${RANKED_WINDOW}),
  headlines as materialized (
    select a.id from articles a
    where (select count(*) from matches) > ${RANKED_WINDOW}
      and to_tsvector(${CONFIG}, a.headline) @@ to_tsquery(${CONFIG}, $7)
      and ($8::text is null or ts_match_vq(a.search_document, to_tsquery(${CONFIG}, $8))) and ${filters(2)}
    order by a.id desc limit ${RANKED_WINDOW}),
  candidates as (
    select * from newest
    union all
    select a.id, a.published_at, ${SCORE} from articles a
    where a.id in (select id from headlines except select id from newest)),
  page as (
    select id, score, published_at from candidates order by score desc, published_at desc, id desc limit $5 offset $6)
  select counted.matches, listed.id, listed.slug, listed.section, listed.headline, listed.published_at
  from (select count(*) as matches from matches) as counted
  left join lateral (
    select a.id, a.slug, a.section, a.headline, a.published_at
    from page join articles a on a.id = page.id
    order by page.score desc, page.published_at desc, page.id desc) as listed on true`;

/** One row per article on the page, each with the count; a page past the end is one row of the count alone. */
type RankedRow = { matches: string } & (LinkRow | { [column in keyof LinkRow]: null });

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
      const rows = await read<RankedRow>(RANK_SQL, [
        tsQuery(terms),
        section,
        from,
        to,
        limit,
        offset,
        tsWordsQuery(terms),
        terms.some((term) => term.kind === 'phrase') ? tsQuery(terms, { inHeadline: true }) : null,
      ]);
      const matches = Number(rows[0]?.matches ?? 0);
      const total = Math.min(matches, RANKED_WINDOW);
      // Listed to the count's depth, as on SQLite (headline matches may rank past it).
      const articles = offset >= total ? [] : rows.flatMap((row) => (row.id === null ? [] : [linkFromRow(row)]));
      return { total, moreThanTotal: matches > RANKED_WINDOW, articles };
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
