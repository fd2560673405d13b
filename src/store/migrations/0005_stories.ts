import type { Kysely } from 'kysely';

/**
 * The story index (see domain/story.ts): what the clusterer remembers between articles, kept in tables so every
 * web and worker process shares it and no lookup scans the corpus.
 *
 * - story_counters: documents counted for IDF, and a sequence that orders posting lists newest first.
 * - story_terms: in how many documents each term stands (IDF).
 * - stories: each story's running state (centroid, members, time span); a merged story points to its survivor.
 * - story_postings: which stories used a term lately, read newest first by (term, seq).
 * - story_fingerprints + story_buckets: each article's wording fingerprint, filed under LSH bucket keys.
 * - article_copies: other sources' copies of a stored article (syndicated, wire rewrites), collapsed into it.
 *
 * Membership stays where the article page already reads it: article_enrichments.story_id. Related articles
 * are computed when an article is placed and kept as ids there too (`related`), so a page render ranks nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story_counters')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'bigint', (col) => col.notNull())
    .execute();
  await db.insertInto('story_counters').values([{ name: 'documents', value: 0 }, { name: 'postings', value: 0 }]).execute();

  await db.schema
    .createTable('story_terms')
    .addColumn('term', 'text', (col) => col.primaryKey())
    .addColumn('documents', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('opened', 'bigint', (col) => col.notNull())
    .addColumn('headline', 'text', (col) => col.notNull())
    .addColumn('member_count', 'integer', (col) => col.notNull())
    .addColumn('members', 'text', (col) => col.notNull())
    .addColumn('titles', 'text', (col) => col.notNull())
    .addColumn('centroid', 'text', (col) => col.notNull())
    .addColumn('centroid_norm', 'double precision', (col) => col.notNull())
    .addColumn('vector_count', 'integer', (col) => col.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('merged_into', 'text')
    // Changes on every save: a process that keeps parsed stories knows which are still current.
    .addColumn('revision', 'text', (col) => col.notNull())
    .execute();
  // `newsdesk stories` and the story list: the biggest live stories active lately.
  await db.schema.createIndex('stories_recent_idx').on('stories').columns(['merged_into', 'last_seen']).execute();

  await db.schema
    .createTable('story_postings')
    .addColumn('term', 'text', (col) => col.notNull())
    .addColumn('story_id', 'text', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('time', 'text')
    .addPrimaryKeyConstraint('story_postings_pk', ['term', 'story_id'])
    .execute();
  // Covering: a term's newest stories are read from the index alone.
  await db.schema.createIndex('story_postings_newest_idx').on('story_postings').columns(['term', 'seq', 'story_id', 'time']).execute();

  await db.schema
    .createTable('story_fingerprints')
    .addColumn('article_id', 'integer', (col) => col.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('simhash', 'text', (col) => col.notNull())
    .addColumn('minhash', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('story_buckets')
    .addColumn('bucket', 'text', (col) => col.notNull())
    .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('story_buckets_pk', ['bucket', 'article_id'])
    .execute();

  await db.schema
    .createTable('article_copies')
    .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('source_name', 'text')
    .addColumn('headline', 'text', (col) => col.notNull())
    .addColumn('seen_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('article_copies_pk', ['article_id', 'url'])
    .execute();

  await db.schema.alterTable('article_enrichments').addColumn('related', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('article_enrichments').dropColumn('related').execute();
  for (const table of ['article_copies', 'story_buckets', 'story_fingerprints', 'story_postings', 'stories', 'story_terms', 'story_counters']) {
    await db.schema.dropTable(table).execute();
  }
}
