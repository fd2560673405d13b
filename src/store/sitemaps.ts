import { type AliasedSelectQueryBuilder, type Kysely, sql } from 'kysely';
import { ValidationError } from '../domain/index.ts';
import { preparedQuery } from './prepared.ts';
import type {
  SitemapArticle,
  SitemapListing,
  SitemapListingKind,
  SitemapPage,
  SitemapRepository,
} from './repository.ts';
import type { ReadConnection } from './sqlite.ts';
import type { Database } from './schema.ts';

/**
 * What the sitemaps read: published articles, and the list pages that show them (topics, stories, authors,
 * sources, archive days and months), each cut into pages of a fixed size.
 *
 * Everything is listed in the order of its first stored article (an article's own id; a list's lowest id), not
 * newest first: that order keeps a page's URLs the same as articles are added, so a crawler's copy of an old
 * page stays good and only the last page and the pages with edits change their lastmod.
 *
 * A list page is a GROUP BY over the published articles (for topics and stories, joined to the entity index
 * or the story column), one pass per read; the routes keep the documents in the page cache, so a crawler's
 * visits do not each pay for it. Every read runs on the read connection where there is one (SQLite), so a
 * long aggregate never holds up a writer.
 */

/** One URL as the paging reads it: its key, the id that orders it, and when it last changed. */
type ListedRow = { key: string; order_id: number; last_modified: string };
type Listed = AliasedSelectQueryBuilder<ListedRow, 'listed'>;

/** A story page lists one article like the article's own page does; the site links it from two articles on. */
export const MIN_STORY_ARTICLES = 2;

export function sitemapRepository(db: Kysely<Database>, reader: ReadConnection | null = null): SitemapRepository {
  const published = () => db.selectFrom('articles').where('articles.status', '=', 'published');
  // A list changes when one of its articles is published or edited, whichever came later (an import may stamp
  // updated_at before a source's own publication time). Times are ISO text in both dialects, so text order is
  // time order and max() of the text is the latest time.
  const articleChange = sql<string>`case when articles.updated_at > articles.published_at then articles.updated_at else articles.published_at end`;
  const listSummary = [sql<number>`min(articles.id)`.as('order_id'), sql<string>`max(${articleChange})`.as('last_modified')] as const;
  const byPrefixOfPublished = (length: number): Listed => {
    const prefix = sql<string>`substr(articles.published_at, 1, ${sql.lit(length)})`;
    return published().select([prefix.as('key'), ...listSummary]).groupBy(prefix).as('listed');
  };

  const listedRows: Record<SitemapListingKind, () => Listed> = {
    // Articles first (SQLite keeps the order of a cross join): reading each published article once and its
    // few entity rows by primary key costs a third of walking the entity index and fetching an article per row.
    topic: () =>
      published()
        .crossJoin('article_entities')
        .whereRef('article_entities.article_id', '=', 'articles.id')
        .select([sql<string>`article_entities.entity_slug`.as('key'), ...listSummary])
        .groupBy('article_entities.entity_slug')
        .as('listed'),
    // A merged story's members have moved to its survivor (see retireStory); the join leaves out any story
    // that merged all the same, since its page only redirects.
    story: () =>
      published()
        .crossJoin('article_enrichments')
        .whereRef('article_enrichments.article_id', '=', 'articles.id')
        .innerJoin('stories', 'stories.id', 'article_enrichments.story_id')
        .where('stories.merged_into', 'is', null)
        .select([sql<string>`article_enrichments.story_id`.as('key'), ...listSummary])
        .groupBy('article_enrichments.story_id')
        .having(sql`count(*)`, '>=', sql.lit(MIN_STORY_ARTICLES))
        .as('listed'),
    author: () =>
      published()
        .where('articles.byline_slug', 'is not', null)
        .select([sql<string>`articles.byline_slug`.as('key'), ...listSummary])
        .groupBy('articles.byline_slug')
        .as('listed'),
    source: () =>
      published()
        .where('articles.source_slug', 'is not', null)
        .select([sql<string>`articles.source_slug`.as('key'), ...listSummary])
        .groupBy('articles.source_slug')
        .as('listed'),
    // The first ten characters of a stored time are its UTC day, the first seven its month.
    day: () => byPrefixOfPublished(10),
    month: () => byPrefixOfPublished(7),
  };

  /**
   * One pass over the listed rows: each row's place in order gives its page, and a page's lastmod is its
   * newest change. Grouped by the output column's name: the page size is a parameter, and the same expression
   * written twice would be two parameters PostgreSQL cannot tell are equal.
   */
  const pagesOf = (rows: () => Listed) => {
    const read = preparedQuery<{ pageSize: number }, { page_index: number | string; url_count: number | string; last_modified: string }>(
      db,
      (param) => {
        const numbered = db
          .selectFrom(rows())
          .select((eb) => ['last_modified', eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('order_id').orderBy('key')).as('position')]);
        return db
          .selectFrom(numbered.as('numbered'))
          .select((eb) => [
            // cast: better-sqlite3 binds every number as a real, and a real divisor would not cut into pages.
            sql<number | string>`(position - 1) / cast(${param('pageSize')} as integer)`.as('page_index'),
            eb.fn.max('last_modified').as('last_modified'),
            eb.fn.countAll<number | string>().as('url_count'),
          ])
          .groupBy(sql`page_index`)
          .orderBy(sql`page_index`);
      },
      reader,
    );
    return async (pageSize: number): Promise<SitemapPage[]> => {
      requirePageSize(pageSize);
      const found = await read({ pageSize });
      return found.map((row) => ({ page: Number(row.page_index) + 1, urlCount: Number(row.url_count), lastModified: row.last_modified }));
    };
  };

  const listingsOf = (rows: () => Listed) => {
    const read = preparedQuery<{ limit: number; offset: number }, { key: string; last_modified: string }>(
      db,
      (param) =>
        db
          .selectFrom(rows())
          .select(['key', 'last_modified'])
          .orderBy('order_id')
          .orderBy('key')
          .limit(param('limit'))
          .offset(param('offset')),
      reader,
    );
    return async (page: number, pageSize: number): Promise<SitemapListing[]> => {
      requirePage(page, pageSize);
      const found = await read({ limit: pageSize, offset: (page - 1) * pageSize });
      return found.map((row) => ({ key: row.key, lastModified: row.last_modified }));
    };
  };

  const articlePages = pagesOf(() => published().select(['slug as key', 'id as order_id', 'updated_at as last_modified']).as('listed'));
  const onPage = preparedQuery<{ limit: number; offset: number }, { section: string; slug: string; updated_at: string }>(
    db,
    (param) =>
      published().select(['section', 'slug', 'updated_at']).orderBy('id').limit(param('limit')).offset(param('offset')),
    reader,
  );
  const listingPages = mapKinds((kind) => pagesOf(listedRows[kind]));
  const listings = mapKinds((kind) => listingsOf(listedRows[kind]));

  return {
    // An article's own page changes when it is edited: its lastmod is its updated_at alone.
    pages: articlePages,

    async articles(page, pageSize) {
      requirePage(page, pageSize);
      const rows = await onPage({ limit: pageSize, offset: (page - 1) * pageSize });
      return rows.map((row): SitemapArticle => ({ section: row.section, slug: row.slug, updatedAt: row.updated_at }));
    },

    listingPages: (kind, pageSize) => listingPages[kind](pageSize),
    listings: (kind, page, pageSize) => listings[kind](page, pageSize),
  };
}

const KINDS: readonly SitemapListingKind[] = ['topic', 'story', 'author', 'source', 'day', 'month'];

function mapKinds<T>(make: (kind: SitemapListingKind) => T): Record<SitemapListingKind, T> {
  return Object.fromEntries(KINDS.map((kind) => [kind, make(kind)])) as Record<SitemapListingKind, T>;
}

function requirePageSize(pageSize: number): void {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new ValidationError('pageSize must be a whole number ≥ 1');
}

function requirePage(page: number, pageSize: number): void {
  requirePageSize(pageSize);
  if (!Number.isSafeInteger(page) || page < 1) throw new ValidationError('page must be a whole number ≥ 1');
}
