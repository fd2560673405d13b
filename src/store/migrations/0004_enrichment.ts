import type { Kysely } from 'kysely';

/**
 * Enrichment: one row per article with what was derived from its text (summary, proposed sections, entities,
 * timeline, suggested section, fingerprint, story), plus the entity index topic pages read. Derived values are
 * JSON: they are written and read whole. Editor overrides sit in their own column so re-enrichment, which
 * rewrites the rest, never touches them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_enrichments')
    .addColumn('article_id', 'integer', (col) => col.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('enriched_at', 'text', (col) => col.notNull())
    .addColumn('summary', 'text')
    .addColumn('sections', 'text')
    .addColumn('entities', 'text', (col) => col.notNull())
    .addColumn('timeline', 'text', (col) => col.notNull())
    .addColumn('suggested_section', 'text')
    .addColumn('section_confidence', 'real')
    .addColumn('simhash', 'text')
    .addColumn('story_id', 'text')
    .addColumn('near_duplicate_of', 'integer')
    .addColumn('overrides', 'text', (col) => col.notNull().defaultTo('{}'))
    .execute();
  // Story pages: the members of a story.
  await db.schema.createIndex('article_enrichments_story_idx').on('article_enrichments').column('story_id').execute();
  // `reindex --enrich`: articles whose enrichment is older than the code.
  await db.schema.createIndex('article_enrichments_version_idx').on('article_enrichments').column('version').execute();

  await db.schema
    .createTable('entities')
    .addColumn('slug', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('entity_slug', 'text', (col) => col.notNull().references('entities.slug'))
    .addColumn('mentions', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_slug'])
    .execute();
  // Topic pages: an entity's articles.
  await db.schema.createIndex('article_entities_entity_idx').on('article_entities').columns(['entity_slug', 'article_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_entities').execute();
  await db.schema.dropTable('entities').execute();
  await db.schema.dropTable('article_enrichments').execute();
}
