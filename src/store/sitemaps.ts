import { type Kysely, sql } from 'kysely';
import { ValidationError } from '../domain/index.ts';
import { preparedQuery } from './prepared.ts';
import type { SitemapArticle, SitemapPage, SitemapRepository } from './repository.ts';
import type { ReadConnection } from './sqlite.ts';
import type { Database } from './schema.ts';

/**
 * What the sitemaps read: published articles in id order, cut into pages of a fixed size. Id order (not
 * newest first) keeps a page's URLs the same as articles are added, so a crawler's copy of an old page stays
 * good and only the last page and the pages with edits change their lastmod.
 */
export function sitemapRepository(db: Kysely<Database>, reader: ReadConnection | null = null): SitemapRepository {
  const published = () => db.selectFrom('articles').where('status', '=', 'published');

  const onPage = preparedQuery<{ limit: number; offset: number }, { section: string; slug: string; updated_at: string }>(
    db,
    (param) =>
      published().select(['section', 'slug', 'updated_at']).orderBy('id').limit(param('limit')).offset(param('offset')),
    reader,
  );

  return {
    // One pass over (id, updated_at): each article's place in id order gives its page, and a page's lastmod is
    // its newest edit. Times are ISO text in both dialects, so max() of the text is the latest time.
    async pages(pageSize) {
      requirePageSize(pageSize);
      const numbered = published().select((eb) => [
        'updated_at',
        eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('id')).as('position'),
      ]);
      const rows = await db
        .selectFrom(numbered.as('numbered'))
        .select((eb) => [
          sql<number | string>`(position - 1) / ${sql.lit(pageSize)}`.as('page_index'),
          eb.fn.max('updated_at').as('last_modified'),
          eb.fn.countAll<number | string>().as('url_count'),
        ])
        .groupBy(sql`(position - 1) / ${sql.lit(pageSize)}`)
        .orderBy('page_index')
        .execute();
      return rows.map(
        (row): SitemapPage => ({
          page: Number(row.page_index) + 1,
          urlCount: Number(row.url_count),
          lastModified: row.last_modified,
        }),
      );
    },

    async articles(page, pageSize) {
      requirePageSize(pageSize);
      if (!Number.isSafeInteger(page) || page < 1) throw new ValidationError('page must be a whole number ≥ 1');
      const rows = await onPage({ limit: pageSize, offset: (page - 1) * pageSize });
      return rows.map((row): SitemapArticle => ({ section: row.section, slug: row.slug, updatedAt: row.updated_at }));
    },
  };
}

function requirePageSize(pageSize: number): void {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new ValidationError('pageSize must be a whole number ≥ 1');
}
