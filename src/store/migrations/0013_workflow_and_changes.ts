import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Two things the newsroom needs of every article and every process.
 *
 * `articles.workflow_state`: where an article stands editorially (draft, in review, scheduled, published,
 * unpublished, spiked), beside `status`, which stays what it always was: whether readers see it. Every reader
 * query, index and the search index keep reading `status` alone; the workflow says why a hidden article is
 * hidden (an unpublished one answers 410 Gone, a draft 404). Existing rows start in the state their status says.
 *
 * `content_changes`: a log of changes to published content that web processes poll, so a change made by another
 * process (a CLI command, a worker) reaches their page caches within a second even with no Redis to carry it.
 * Rows are pruned after a day; only the newest few seconds are ever read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('articles')
    .addColumn('workflow_state', 'text', (col) =>
      col
        .notNull()
        .defaultTo('draft')
        .check(sql`workflow_state in ('draft', 'in_review', 'scheduled', 'published', 'unpublished', 'spiked')`),
    )
    .execute();
  await db.updateTable('articles').set({ workflow_state: sql`status` }).execute();

  await db.schema
    .createTable('content_changes')
    .addColumn('id', 'integer', (col) => (isPostgres ? col.primaryKey().generatedAlwaysAsIdentity() : col.primaryKey().autoIncrement()))
    .addColumn('article_id', 'integer', (col) => col.notNull())
    .addColumn('section', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('changed_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_changes').execute();
  await db.schema.alterTable('articles').dropColumn('workflow_state').execute();
}
