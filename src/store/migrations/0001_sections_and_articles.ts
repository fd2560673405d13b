import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { DEFAULT_SECTIONS } from '../../domain/index.ts';

/**
 * Sections and articles. Migrations take `Kysely<any>` on purpose: they describe the schema as it was when they
 * were written, not as `schema.ts` says it is today.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sections')
    .addColumn('slug', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();

  // Seeded from the domain's list as it stands when a database is first created; later edits to the list
  // need a migration of their own to reach existing databases.
  await db.insertInto('sections').values(DEFAULT_SECTIONS.map((s) => ({ ...s }))).execute();

  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('articles')
    // AUTOINCREMENT (SQLite) and identity (PostgreSQL) never hand out an id again, so old links stay dead
    // rather than pointing at a different article.
    .addColumn('id', 'integer', (col) =>
      isPostgres ? col.primaryKey().generatedAlwaysAsIdentity() : col.primaryKey().autoIncrement(),
    )
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('section', 'text', (col) => col.notNull().references('sections.slug'))
    .addColumn('headline', 'text', (col) => col.notNull())
    .addColumn('dek', 'text')
    .addColumn('summary', 'text')
    .addColumn('lede', 'text')
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('hero_url', 'text')
    .addColumn('hero_alt', 'text')
    .addColumn('hero_caption', 'text')
    .addColumn('hero_credit', 'text')
    .addColumn('byline', 'text')
    .addColumn('source_name', 'text')
    .addColumn('source_url', 'text')
    .addColumn('source_attribution', 'text')
    .addColumn('source_license_name', 'text')
    .addColumn('source_license_url', 'text')
    .addColumn('source_key', 'text', (col) => col.notNull().unique())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('articles_section_slug_unique', ['section', 'slug'])
    .addCheckConstraint('articles_status_check', sql`status in ('draft', 'published')`)
    .addCheckConstraint('articles_published_at_check', sql`status = 'draft' or published_at is not null`)
    .addCheckConstraint(
      'articles_hero_check',
      sql`hero_alt is not null or (hero_url is null and hero_caption is null and hero_credit is null)`,
    )
    .addCheckConstraint(
      'articles_source_check',
      sql`source_name is not null or (source_url is null and source_attribution is null
        and source_license_name is null and source_license_url is null)`,
    )
    .execute();

  // Home page, feeds and sitemaps: newest published first.
  await db.schema
    .createIndex('articles_published_idx')
    .on('articles')
    .columns(['status', 'published_at desc', 'id desc'])
    .execute();
  // Section fronts and "which sections have articles"; id breaks ties in the same order as listPublished.
  await db.schema
    .createIndex('articles_section_published_idx')
    .on('articles')
    .columns(['section', 'status', 'published_at desc', 'id desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('articles').execute();
  await db.schema.dropTable('sections').execute();
}
