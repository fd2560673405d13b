import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Share cards: the 1200×630 image drawn for an article without a photo of ours (site/shareCards). Drawn on the
 * first request for its address and kept here, beside the photos, so it is drawn once for all web processes and
 * survives restarts; the key changes with anything drawn, so a row is written once and then only read. An
 * article's cards go with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('share_cards')
    .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('bytes', bytes, (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('share_cards_pk', ['article_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('share_cards').execute();
}
