import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Our own photos and their resized copies (see domain/image.ts). The bytes live in the database, not on one
 * machine's disk, so any number of web processes serve them; each variant is written once and then only read
 * (addresses are content-derived, so the files are cached for a year by browsers and CDNs).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('images')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    // What was uploaded ("jpeg", "png", …) and how big, for the newsroom's records; the upload itself is not kept.
    .addColumn('source_format', 'text', (col) => col.notNull())
    .addColumn('source_bytes', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('image_variants')
    .addColumn('image_key', 'text', (col) => col.notNull().references('images.key').onDelete('cascade'))
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('bytes', bytes, (col) => col.notNull())
    .addPrimaryKeyConstraint('image_variants_pk', ['image_key', 'format', 'width'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('image_variants').execute();
  await db.schema.dropTable('images').execute();
}
