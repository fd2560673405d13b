import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Search that costs the same at 100,000 articles as at 1,000 (see store/searchEngine.ts for the query policy
 * this serves: matches are walked newest first and counted only to the ranked window).
 *
 * SQLite: the FTS5 table gains prefix indexes. Without one, `pres*` merges the list of every indexed word that
 * begins "pres" (president, press, presence, …) into one list before the first match is read, on every query
 * and again for bm25's statistics: at 100,000 articles a four-letter prefix took 20–30 ms and a two-letter one
 * 80 ms. With an index for that length, a prefix reads one list, newest first, like a word. The table is built
 * again from the same view (0008's triggers name it, so they keep feeding it); the price is an index about
 * three times larger.
 *
 * PostgreSQL: three changes to what 0008 built, none to what is indexed.
 * - The tsvector stays in the row (storage MAIN) instead of TOAST. Walking matches newest first and ts_rank
 *   read each candidate's tsvector; out of line, every read was a TOAST index lookup and a decompression,
 *   about ten times the cost of the check itself. A vector only leaves the row when the row would not fit a
 *   page. CLUSTER rewrites the stored rows so this holds for them too (it also lays the table out by id, the
 *   order matches are walked in).
 * - Both GIN indexes are updated on write (fastupdate off). With the pending list on, new rows wait in an
 *   unsorted list that every search reads whole until a vacuum merges it: after a bulk import that was
 *   thousands of entries, and the cost of a search depended on when autovacuum last ran. Writes are few and
 *   searches many, so writes pay.
 */

/** Prefix lengths with their own FTS5 index; longer prefixes match few enough words to merge. */
export const FTS5_PREFIX_LENGTHS = [2, 3, 4] as const;

/**
 * 0008's table, as it was declared there, with or without prefix indexes, filled from its view. Migrations run
 * in a transaction (see ../sqlite.ts), so a failure leaves the old table in place.
 */
async function createSqliteTable(db: Kysely<any>, prefixes: readonly number[]): Promise<void> {
  const prefix = prefixes.length ? `, prefix = '${prefixes.join(' ')}'` : '';
  await sql.raw('drop table article_search').execute(db);
  await sql
    .raw(`create virtual table article_search using fts5(headline, standfirst, body,
      content = 'article_search_source', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'${prefix})`)
    .execute(db);
  await sql.raw(`insert into article_search (article_search, rank) values ('rank', 'bm25(10.0, 4.0, 1.0)')`).execute(db);
  await sql.raw(`insert into article_search (article_search) values ('rebuild')`).execute(db);
  await sql.raw(`insert into article_search (article_search) values ('optimize')`).execute(db);
}

const GIN_INDEXES = ['articles_search_idx', 'articles_headline_search_idx'];

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table articles alter column search_document set storage main').execute(db);
  for (const index of GIN_INDEXES) await sql.raw(`alter index ${index} set (fastupdate = off)`).execute(db);
  // Rewrites every row under the new storage and rebuilds the indexes, which empties their pending lists.
  await sql.raw('cluster articles using articles_pkey').execute(db);
  // A one-off layout: without this mark, a later database-wide CLUSTER would rewrite the table again.
  await sql.raw('alter table articles set without cluster').execute(db);
}

async function downPostgres(db: Kysely<any>): Promise<void> {
  for (const index of GIN_INDEXES) await sql.raw(`alter index ${index} reset (fastupdate)`).execute(db);
  await sql.raw('alter table articles alter column search_document set storage extended').execute(db);
}

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? upPostgres(db) : createSqliteTable(db, FTS5_PREFIX_LENGTHS));
}

export async function down(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? downPostgres(db) : createSqliteTable(db, []));
}
