import type { Kysely } from 'kysely';
import { slugify } from '../../domain/slug.ts';

/**
 * Author and source pages (/author/<slug>, /source/<slug>) list the published articles whose byline or source
 * name makes that slug. The slug is stored beside the name, so a page is one indexed read instead of a scan
 * that slugs every byline; the store writes it with every insert and edit (see rows.ts), and this migration
 * fills it in for the articles already stored. A name with nothing to make a slug of (no letters or digits in
 * the Latin alphabet) gets none, and so no page.
 */

/** Rows are read and written in pages so a large archive never sits in memory at once. */
const PAGE_SIZE = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('byline_slug', 'text').execute();
  await db.schema.alterTable('articles').addColumn('source_slug', 'text').execute();
  await backfill(db);
  // Newest first within one author's or one source's published articles, ties broken as listPublished does.
  await db.schema
    .createIndex('articles_byline_published_idx')
    .on('articles')
    .columns(['byline_slug', 'status', 'published_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('articles_source_published_idx')
    .on('articles')
    .columns(['source_slug', 'status', 'published_at desc', 'id desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_source_published_idx').execute();
  await db.schema.dropIndex('articles_byline_published_idx').execute();
  await db.schema.alterTable('articles').dropColumn('source_slug').execute();
  await db.schema.alterTable('articles').dropColumn('byline_slug').execute();
}

/** The slug stored for a byline or source name, as rows.ts makes it: null when there is nothing to slug. */
function creditSlug(name: string | null): string | null {
  return name === null ? null : slugify(name) || null;
}

/**
 * Sets both slugs on every stored article, a page of rows at a time. Within a page, articles that share a
 * slug are written by one statement: an archive has far fewer bylines and sources than articles.
 */
async function backfill(db: Kysely<any>): Promise<void> {
  let afterId = 0;
  for (;;) {
    const rows: { id: number; byline: string | null; source_name: string | null }[] = await db
      .selectFrom('articles')
      .select(['id', 'byline', 'source_name'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(PAGE_SIZE)
      .execute();
    if (rows.length === 0) return;
    await writeSlugs(db, 'byline_slug', idsBySlug(rows.map((row) => [row.id, creditSlug(row.byline)])));
    await writeSlugs(db, 'source_slug', idsBySlug(rows.map((row) => [row.id, creditSlug(row.source_name)])));
    afterId = rows[rows.length - 1]!.id;
  }
}

function idsBySlug(pairs: ReadonlyArray<readonly [number, string | null]>): Map<string, number[]> {
  const ids = new Map<string, number[]>();
  for (const [id, slug] of pairs) {
    if (slug === null) continue; // the new column is already null
    const list = ids.get(slug);
    if (list) list.push(id);
    else ids.set(slug, [id]);
  }
  return ids;
}

async function writeSlugs(db: Kysely<any>, column: 'byline_slug' | 'source_slug', ids: Map<string, number[]>): Promise<void> {
  for (const [slug, articleIds] of ids) {
    await db.updateTable('articles').set({ [column]: slug }).where('id', 'in', articleIds).execute();
  }
}
