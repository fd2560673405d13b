import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { ValidationError } from '../domain/index.ts';
import { preparedQuery } from './prepared.ts';
import type {
  SitemapArticle,
  SitemapKind,
  SitemapListing,
  SitemapListingKind,
  SitemapPage,
  SitemapRepository,
} from './repository.ts';
import type { ReadConnection } from './sqlite.ts';
import type { Database } from './schema.ts';

/**
 * What the sitemaps read: published articles, and the list pages that show them (topics, stories, authors,
 * sources, archive days and months), each kind cut into pages of a fixed size.
 *
 * Everything is listed in the order of its first stored article (an article's own id; a list's lowest id), not
 * newest first: that order keeps a page's URLs the same as articles are added, so a crawler's copy of an old
 * page stays good and only the last page and the pages with edits change their lastmod.
 *
 * A list page is a GROUP BY over the published articles (for topics and stories, joined to the entity index or
 * the story column). On SQLite most of a pass is reading updated_at, which no index holds and which sits after
 * the body in each row; so the index's page counts for every kind come from one statement that reads the
 * published articles once, where a statement per kind read them seven times (1.2 s against 2.2 s at 100,000
 * articles of 5 KB). An index holding every column the pass reads (status, id, published_at, updated_at,
 * byline_slug, source_slug) would spare it the rows altogether (0.85 s, most of it the topics' join).
 * The routes keep the documents in the page cache, and every read runs on the read connection where there is
 * one (SQLite), so a long aggregate never holds up a writer.
 */

/** A published article as every sitemap read sees it: the `published` table of its WITH clause. */
type PublishedRow = {
  id: number;
  byline_slug: string | null;
  source_slug: string | null;
  published_at: string;
  updated_at: string;
  /** When a list showing it last changed because of it (see publishedArticles). */
  changed_at: string;
};
/** One URL of a kind: its key, the id that orders it, and when it last changed. */
type ListedRow = { key: string; order_id: number; last_modified: string };
type Published = Kysely<Database & { published: PublishedRow }>;
type Listed = SelectQueryBuilder<Database & { published: PublishedRow }, 'published' | 'article_entities' | 'article_enrichments' | 'stories', ListedRow>;

/** A story page lists one article like the article's own page does; the site links it from two articles on. */
const MIN_STORY_ARTICLES = 2;

const LISTING_KINDS: readonly SitemapListingKind[] = ['topic', 'story', 'author', 'source', 'day', 'month'];
const KINDS: readonly SitemapKind[] = ['article', ...LISTING_KINDS];

/** Each kind's URLs, read from the `published` table the query's WITH clause defines. */
function listedRows(published: Published): Record<SitemapKind, () => Listed> {
  const from = () => published.selectFrom('published');
  const summary = [sql<number>`min(published.id)`.as('order_id'), sql<string>`max(published.changed_at)`.as('last_modified')] as const;
  const byColumn = (column: 'byline_slug' | 'source_slug') => () =>
    from()
      .where(`published.${column}`, 'is not', null)
      .select([sql<string>`${sql.ref(`published.${column}`)}`.as('key'), ...summary])
      .groupBy(`published.${column}`) as Listed;
  // The first ten characters of a stored time are its UTC day, the first seven its month.
  const byPublishedPrefix = (length: number) => () => {
    const prefix = sql<string>`substr(published.published_at, 1, ${sql.lit(length)})`;
    return from().select([prefix.as('key'), ...summary]).groupBy(prefix) as Listed;
  };
  return {
    // An article's own page changes when it is edited: its lastmod is its updated_at alone. Its id orders it
    // alone, so it needs no key (and the pass reads no column it does not need).
    article: () =>
      from().select([sql<string>`''`.as('key'), sql<number>`published.id`.as('order_id'), sql<string>`published.updated_at`.as('last_modified')]) as Listed,
    // Articles first, whatever the planner's statistics say (SQLite keeps a cross join's order): each published
    // article read once, its few entity rows by primary key. Walking the entity index and fetching an article
    // per row instead, as SQLite chose with some statistics, took 3.5 s at 100,000 articles against 0.9 s.
    topic: () =>
      from()
        .crossJoin('article_entities')
        .whereRef('article_entities.article_id', '=', 'published.id')
        .select([sql<string>`article_entities.entity_slug`.as('key'), ...summary])
        .groupBy('article_entities.entity_slug') as Listed,
    // A merged story's members have moved to its survivor (see retireStory); the join leaves out any story
    // that merged all the same, since its page only redirects.
    story: () =>
      from()
        .crossJoin('article_enrichments')
        .whereRef('article_enrichments.article_id', '=', 'published.id')
        .innerJoin('stories', 'stories.id', 'article_enrichments.story_id')
        .where('stories.merged_into', 'is', null)
        .select([sql<string>`article_enrichments.story_id`.as('key'), ...summary])
        .groupBy('article_enrichments.story_id')
        .having(sql`count(*)`, '>=', sql.lit(MIN_STORY_ARTICLES)) as Listed,
    author: byColumn('byline_slug'),
    source: byColumn('source_slug'),
    day: byPublishedPrefix(10),
    month: byPublishedPrefix(7),
  };
}

export function sitemapRepository(db: Kysely<Database>, reader: ReadConnection | null = null): SitemapRepository {
  // A list changes when one of its articles is published or edited, whichever came later (an import may stamp
  // updated_at before a source's own publication time). Times are ISO text in both dialects, so text order is
  // time order and max() of the text is the latest time.
  const publishedArticles = () =>
    db
      .selectFrom('articles')
      .where('status', '=', 'published')
      .select([
        'id',
        'byline_slug',
        'source_slug',
        sql<string>`published_at`.as('published_at'),
        'updated_at',
        sql<string>`case when updated_at > published_at then updated_at else published_at end`.as('changed_at'),
      ]);
  const rows = listedRows(db.withTables<{ published: PublishedRow }>());

  // Every kind's rows numbered in its order: a row's place gives its page, and a page's lastmod is its newest
  // change. Grouped by output columns' names: the page size is a parameter, and the same expression written
  // twice would be two parameters PostgreSQL cannot tell are equal. MATERIALIZED: the seven kinds read the
  // articles from one pass (SQLite would otherwise inline the WITH into each).
  const allPages = preparedQuery<{ pageSize: number }, { kind: SitemapKind; page_index: number | string; url_count: number | string; last_modified: string }>(
    db,
    (param) => {
      const listed = KINDS.map((kind) => rows[kind]().select(sql.lit(kind).as('kind'))).reduce((all, next) => all.unionAll(next));
      return db
        .with((cte) => cte('published').materialized(), publishedArticles)
        .selectFrom(
          db
            .selectFrom(listed.as('listed'))
            .select((eb) => [
              'kind',
              'last_modified',
              eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('kind').orderBy('order_id').orderBy('key')).as('position'),
            ])
            .as('numbered'),
        )
        .select((eb) => [
          'kind',
          // cast: better-sqlite3 binds every number as a real, and a real divisor would not cut into pages.
          sql<number | string>`(position - 1) / cast(${param('pageSize')} as integer)`.as('page_index'),
          eb.fn.max('last_modified').as('last_modified'),
          eb.fn.countAll<number | string>().as('url_count'),
        ])
        .groupBy([sql`kind`, sql`page_index`])
        .orderBy(sql`kind`)
        .orderBy(sql`page_index`);
    },
    reader,
  );

  // One kind's rows, a page of them: its WITH is left to the planner, which folds it into the one query.
  const listingsOf = (kind: SitemapListingKind) =>
    preparedQuery<{ limit: number; offset: number }, { key: string; last_modified: string }>(
      db,
      (param) =>
        db
          .with('published', publishedArticles)
          .selectFrom(rows[kind]().as('listed'))
          .select(['key', 'last_modified'])
          .orderBy('order_id')
          .orderBy('key')
          .limit(param('limit'))
          .offset(param('offset')),
      reader,
    );
  const listings = Object.fromEntries(LISTING_KINDS.map((kind) => [kind, listingsOf(kind)])) as Record<SitemapListingKind, ReturnType<typeof listingsOf>>;

  const onPage = preparedQuery<{ limit: number; offset: number }, { section: string; slug: string; updated_at: string }>(
    db,
    (param) =>
      db.selectFrom('articles').where('status', '=', 'published').select(['section', 'slug', 'updated_at']).orderBy('id').limit(param('limit')).offset(param('offset')),
    reader,
  );

  return {
    async pages(pageSize) {
      requirePageSize(pageSize);
      const pages = Object.fromEntries(KINDS.map((kind) => [kind, [] as SitemapPage[]])) as Record<SitemapKind, SitemapPage[]>;
      for (const row of await allPages({ pageSize })) {
        pages[row.kind].push({ page: Number(row.page_index) + 1, urlCount: Number(row.url_count), lastModified: row.last_modified });
      }
      return pages;
    },

    async articles(page, pageSize) {
      requirePage(page, pageSize);
      const found = await onPage({ limit: pageSize, offset: (page - 1) * pageSize });
      return found.map((row): SitemapArticle => ({ section: row.section, slug: row.slug, updatedAt: row.updated_at }));
    },

    async listings(kind, page, pageSize) {
      requirePage(page, pageSize);
      const found = await listings[kind]({ limit: pageSize, offset: (page - 1) * pageSize });
      return found.map((row): SitemapListing => ({ key: row.key, lastModified: row.last_modified }));
    },
  };
}

function requirePageSize(pageSize: number): void {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new ValidationError('pageSize must be a whole number ≥ 1');
}

function requirePage(page: number, pageSize: number): void {
  requirePageSize(pageSize);
  if (!Number.isSafeInteger(page) || page < 1) throw new ValidationError('page must be a whole number ≥ 1');
}
