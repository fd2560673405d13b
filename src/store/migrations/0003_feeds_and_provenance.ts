import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Ingest: the feeds Newsdesk follows, where each ingested article came from, and the revisions an article
 * keeps when its source updates it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (col: ColumnDefinitionBuilder) => (isPostgres ? col.primaryKey().generatedAlwaysAsIdentity() : col.primaryKey().autoIncrement());

  await db.schema
    .createTable('feeds')
    .addColumn('id', 'integer', id)
    .addColumn('url', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('site_url', 'text')
    // Where the feed's stories land when the page itself does not say; null: the page's hint or World.
    .addColumn('section', 'text', (col) => col.references('sections.slug'))
    .addColumn('source_name', 'text')
    .addColumn('publish_status', 'text', (col) => col.notNull())
    .addColumn('poll_interval_seconds', 'integer', (col) => col.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_poll_at', 'text', (col) => col.notNull())
    .addColumn('last_polled_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('error_streak', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('items_seen', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('feeds_publish_status_check', sql`publish_status in ('draft', 'published')`)
    .execute();
  // The poller's question: which feeds are due?
  await db.schema.createIndex('feeds_next_poll_idx').on('feeds').column('next_poll_at').execute();

  await db.schema
    .alterTable('articles')
    .addColumn('canonical_url', 'text')
    .execute();
  for (const column of ['fetched_at', 'source_modified_at', 'story_hash', 'extraction'] as const) {
    await db.schema.alterTable('articles').addColumn(column, 'text').execute();
  }
  // No foreign key: SQLite cannot add one to an existing table, and a removed feed must not take its
  // stories with it; the id simply stops resolving.
  await db.schema.alterTable('articles').addColumn('feed_id', 'integer').execute();
  // One article per canonical address (the first ingest key), found fast when a feed lists it again.
  await db.schema.createIndex('articles_canonical_url_idx').on('articles').column('canonical_url').unique().execute();
  // The second key: the same text under another address is the same story.
  await db.schema.createIndex('articles_story_hash_idx').on('articles').column('story_hash').execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id').onDelete('cascade'))
    // The article as it was before the change, as JSON: revisions are read whole and rarely.
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('article_revisions_article_idx').on('article_revisions').columns(['article_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_revisions').execute();
  await db.schema.dropIndex('articles_story_hash_idx').execute();
  await db.schema.dropIndex('articles_canonical_url_idx').execute();
  for (const column of ['feed_id', 'extraction', 'story_hash', 'source_modified_at', 'fetched_at', 'canonical_url']) {
    await db.schema.alterTable('articles').dropColumn(column).execute();
  }
  await db.schema.dropTable('feeds').execute();
}
