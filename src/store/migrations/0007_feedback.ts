import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The feedback inbox: readers' notes from the "Help us improve." form on every article.
 *
 * A note keeps the article's content hash as the reader saw it (the article may be corrected since), the
 * sender's address only as a keyed hash (enough to spot one sender flooding, useless to identify anyone), and
 * the user agent. Notes go with their article when it is deleted. The text is a column of plain text: nothing
 * stored here is markup, whatever characters it holds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'integer', (col) => (isPostgres ? col.primaryKey().generatedAlwaysAsIdentity() : col.primaryKey().autoIncrement()))
    .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('article_revision', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('error', 'typo', 'missing-context', 'other')`))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('ip_hash', 'text', (col) => col.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  // The inbox reads newest first, all of it or one article's.
  await db.schema.createIndex('feedback_created_idx').on('feedback').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('feedback_article_idx').on('feedback').columns(['article_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback').execute();
}
