import type { Kysely } from 'kysely';

/**
 * Trending without Redis: views per article per clock hour, written in batches (see site/trending). Old hours
 * are deleted as they leave the window, so the table holds about a day of reading.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_views')
    .addColumn('hour', 'text', (col) => col.notNull())
    .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('views', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('article_views_pk', ['hour', 'article_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_views').execute();
}
