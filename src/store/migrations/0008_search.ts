import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Full-text search over published articles (see store/search.ts), three fields by weight: the headline, the
 * standfirst (dek and summary), the text (lede and body). Drafts are never indexed. Existing rows are indexed
 * here, and the index keeps itself current from then on: no write path has to remember it.
 *
 * SQLite: an FTS5 table with external content. Its content is a view over published articles that flattens the
 * body's JSON to text. External content rather than contentless: snippet() and highlight() need each column's
 * text, which a contentless table does not keep, and external content reads it from the articles themselves
 * instead of storing a second copy of every body (the bulk of the database). The price is that the index must
 * be told a row's old text to forget it: triggers read it from the view before each change (see upSqlite),
 * and `newsdesk reindex --search` rebuilds the index from the view should they ever disagree.
 *
 * PostgreSQL: a stored generated tsvector column (headline A, standfirst B, text C) with a GIN index, and a GIN
 * index of the published headlines alone. Generated
 * rather than trigger-kept: PostgreSQL recomputes it on every write of the row, so it cannot go stale, and adding
 * the column fills it for every existing row.
 */

/** Porter stemming on Unicode word breaks, accents folded: "Zürich" finds "Zurich", "elections" finds "election". */
const FTS5_TOKENIZER = 'porter unicode61 remove_diacritics 2';
/** Headline hits weigh ten body hits, standfirst hits four: bm25's column weights, in column order. */
const FTS5_RANK = 'bm25(10.0, 4.0, 1.0)';

/**
 * The body's reading text in document order: section titles, paragraph/subheading/quote text and list items;
 * figure captions, quote attributions and block types are left out. Walked with a recursive CTE over JSON paths
 * rather than json_tree: FTS5 reads its content with virtual tables barred (no recursion into itself), and
 * json_tree is one. A body that is not JSON is indexed as is rather than failing the write (bodies are always
 * JSON; this only keeps one bad row from blocking a rebuild).
 */
const SQLITE_BODY_TEXT = `(case when not json_valid(articles.body) then articles.body else (
  select group_concat(piece, char(10)) from (
    with recursive
      part(i) as (
        select 0 where json_array_length(articles.body) > 0
        union all select i + 1 from part where i + 1 < json_array_length(articles.body)),
      block(i, j) as (
        select i, -1 from part
        union all select i, j + 1 from block where j + 1 < coalesce(json_array_length(articles.body, '$[' || i || '].blocks'), 0)),
      item(i, j, k) as (
        select i, j, -1 from block where j >= 0
        union all select i, j, k + 1 from item
          where k + 1 < coalesce(json_array_length(articles.body, '$[' || i || '].blocks[' || j || '].items'), 0))
    select case
        when j < 0 then json_extract(articles.body, '$[' || i || '].title')
        when k < 0 then json_extract(articles.body, '$[' || i || '].blocks[' || j || '].text')
        else json_extract(articles.body, '$[' || i || '].blocks[' || j || '].items[' || k || ']')
      end as piece
    from (select i, j, -1 as k from block where j < 0 union all select i, j, k from item)
    order by i, j, k)) end)`;

/** The columns an update must touch for the indexed text to change. */
const SQLITE_WATCHED = 'headline, dek, summary, lede, body, status';

/**
 * The view is the one definition of what is indexed: the triggers read a row's text from it, before a change
 * (to forget it) and after (to add it), so the old text handed to FTS5's 'delete' is exactly what was indexed.
 */
async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create view article_search_source (id, headline, standfirst, body) as
      select articles.id, articles.headline,
        trim(coalesce(articles.dek, '') || char(10) || coalesce(articles.summary, '')),
        trim(coalesce(articles.lede, '') || char(10) || coalesce(${SQLITE_BODY_TEXT}, ''))
      from articles where articles.status = 'published'`,
    )
    .execute(db);
  await sql.raw(`create virtual table article_search using fts5(headline, standfirst, body,
    content = 'article_search_source', content_rowid = 'id', tokenize = '${FTS5_TOKENIZER}')`).execute(db);
  await sql.raw(`insert into article_search (article_search, rank) values ('rank', '${FTS5_RANK}')`).execute(db);

  const forget = (row: 'old' | 'new') => `insert into article_search (article_search, rowid, headline, standfirst, body)
    select 'delete', id, headline, standfirst, body from article_search_source where id = ${row}.id;`;
  const add = `insert into article_search (rowid, headline, standfirst, body)
    select id, headline, standfirst, body from article_search_source where id = new.id;`;
  // BEFORE triggers forget: only then is the old row still there to read. They write another table, never the
  // row being changed, which is what SQLite asks of BEFORE triggers.
  await sql.raw(`create trigger article_search_insert after insert on articles begin ${add} end`).execute(db);
  await sql.raw(`create trigger article_search_forget before update of ${SQLITE_WATCHED} on articles begin ${forget('old')} end`).execute(db);
  await sql.raw(`create trigger article_search_update after update of ${SQLITE_WATCHED} on articles begin ${add} end`).execute(db);
  await sql.raw(`create trigger article_search_delete before delete on articles begin ${forget('old')} end`).execute(db);

  await sql.raw(`insert into article_search (article_search) values ('rebuild')`).execute(db);
}

async function downSqlite(db: Kysely<any>): Promise<void> {
  for (const trigger of ['article_search_insert', 'article_search_forget', 'article_search_update', 'article_search_delete']) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  await sql.raw('drop table if exists article_search').execute(db);
  await sql.raw('drop view if exists article_search_source').execute(db);
}

/** PostgreSQL's stemming and stop words for English, the site's language (see Layout's <html lang>). */
const PG_CONFIG = "'english'::regconfig";

async function upPostgres(db: Kysely<any>): Promise<void> {
  // The same text as SQLite's json_tree walk. IMMUTABLE so a generated column may call it: it reads its
  // argument only.
  await sql
    .raw(
      `create function article_body_text(body text) returns text language sql immutable strict parallel safe as $$
        select coalesce(string_agg(piece, E'\\n' order by sections.n, blocks.n), '')
        from jsonb_array_elements(case when jsonb_typeof(body::jsonb) = 'array' then body::jsonb else '[]' end)
          with ordinality as sections(section, n)
        cross join lateral (
          select 0::bigint, sections.section ->> 'title'
          union all
          select b.n, coalesce(b.block ->> 'text',
            (select string_agg(item, E'\\n') from jsonb_array_elements_text(
              case when jsonb_typeof(b.block -> 'items') = 'array' then b.block -> 'items' else '[]' end) as item))
          from jsonb_array_elements(
            case when jsonb_typeof(sections.section -> 'blocks') = 'array' then sections.section -> 'blocks' else '[]' end)
            with ordinality as b(block, n)
        ) as blocks(n, piece)
        where piece is not null
      $$`,
    )
    .execute(db);
  await sql
    .raw(
      `alter table articles add column search_document tsvector generated always as (
        case when status = 'published' then
          setweight(to_tsvector(${PG_CONFIG}, headline), 'A') ||
          setweight(to_tsvector(${PG_CONFIG}, coalesce(dek, '') || E'\\n' || coalesce(summary, '')), 'B') ||
          setweight(to_tsvector(${PG_CONFIG}, coalesce(lede, '') || E'\\n' || article_body_text(body)), 'C')
        end) stored`,
    )
    .execute(db);
  await sql.raw('create index articles_search_idx on articles using gin (search_document)').execute(db);
  // Headline matches on their own (search ranks the newest of them whatever their age): a weight-A query on
  // the document cannot use the index for its weight, so it read every match's tsvector.
  await sql
    .raw(`create index articles_headline_search_idx on articles using gin (to_tsvector(${PG_CONFIG}, headline)) where status = 'published'`)
    .execute(db);
}

async function downPostgres(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index if exists articles_headline_search_idx').execute(db);
  await sql.raw('drop index if exists articles_search_idx').execute(db);
  await sql.raw('alter table articles drop column if exists search_document').execute(db);
  await sql.raw('drop function if exists article_body_text(text)').execute(db);
}

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? upPostgres(db) : upSqlite(db));
}

export async function down(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? downPostgres(db) : downSqlite(db));
}
