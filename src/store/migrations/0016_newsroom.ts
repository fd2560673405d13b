import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { eachRow } from './eachRow.ts';

/**
 * The newsroom: people and their sessions, one-time links (first admin, invitations, password resets), the
 * audit log, sign-in failure counters, and what the editorial workflow needs of articles and their revisions.
 *
 * Revisions change meaning here. Until now a row was the article as it was *before* an update; from now on a
 * row is a version as it was *saved* (by whom, from which base), and `articles.revision_id` names the current
 * one, so a save that started from an older revision is a conflict, never an overwrite. Existing rows stay, as
 * kind 'earlier'; every article gets a row for what it holds now.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (col: any) => (isPostgres ? col.primaryKey().generatedAlwaysAsIdentity() : col.primaryKey().autoIncrement());

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('contributor', 'writer', 'editor', 'admin')`))
    .addColumn('password_hash', 'text')
    .addColumn('password_set_at', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // The id itself is never stored, only its sha256: a leaked table signs nobody in.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('setup', 'reset')`))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('one_time_tokens_user_idx').on('one_time_tokens').columns(['user_id', 'purpose']).execute();

  // No foreign keys: the log outlives what it names, and it is written in the same transaction as the change.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('address', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'at']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target_type', 'target_id']).execute();

  // Failed sign-ins per key ("account:<email>", "address:<ip>") in the current window, and the lock they led to.
  await db.schema
    .createTable('auth_failures')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('window_started_at', 'text', (col) => col.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  // No foreign key to users for the same reason as feed_id (0003): SQLite cannot add one to a table.
  await db.schema.alterTable('articles').addColumn('owner_id', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('revision_id', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('scheduled_at', 'text').execute();
  await db.schema.createIndex('articles_desk_idx').on('articles').columns(['workflow_state', 'updated_at']).execute();
  await db.schema.createIndex('articles_owner_idx').on('articles').columns(['owner_id', 'workflow_state']).execute();

  await db.schema.alterTable('article_revisions').addColumn('kind', 'text', (col) => col.notNull().defaultTo('earlier')).execute();
  await db.schema.alterTable('article_revisions').addColumn('author_id', 'integer').execute();
  await db.schema.alterTable('article_revisions').addColumn('author_label', 'text').execute();
  await db.schema.alterTable('article_revisions').addColumn('base_revision_id', 'integer').execute();
  await recordCurrentVersions(db);
}

/** Every article's current content as its current revision. */
async function recordCurrentVersions(db: Kysely<any>): Promise<void> {
  await eachRow<any>(db, 'articles', 'all', { column: 'id', start: 0 }, async (row) => {
    const inserted = await db
      .insertInto('article_revisions')
      .values({
        article_id: row.id,
        snapshot: JSON.stringify(editorialFields(row)),
        content_hash: row.content_hash,
        created_at: row.updated_at,
        kind: 'import',
        author_label: row.feed_id === null ? 'system: import' : 'system: ingest',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('articles').set({ revision_id: inserted.id }).where('id', '=', row.id).execute();
  });
}

/** The editorial fields of an article row, as a revision keeps them (the shape of domain RevisionContent). */
function editorialFields(row: any) {
  const hero = row.hero_alt === null ? null : { url: row.hero_url, alt: row.hero_alt, caption: row.hero_caption, credit: row.hero_credit };
  const source =
    row.source_name === null
      ? null
      : { name: row.source_name, url: row.source_url, attribution: row.source_attribution, licenseName: row.source_license_name, licenseUrl: row.source_license_url };
  return {
    headline: row.headline,
    dek: row.dek,
    section: row.section,
    byline: row.byline,
    summary: row.summary,
    lede: row.lede,
    body: JSON.parse(row.body),
    hero,
    source,
  };
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('article_revisions').where('kind', '!=', 'earlier').execute();
  for (const column of ['base_revision_id', 'author_label', 'author_id', 'kind']) {
    await db.schema.alterTable('article_revisions').dropColumn(column).execute();
  }
  await db.schema.dropIndex('articles_owner_idx').execute();
  await db.schema.dropIndex('articles_desk_idx').execute();
  for (const column of ['scheduled_at', 'revision_id', 'owner_id']) await db.schema.alterTable('articles').dropColumn(column).execute();
  for (const table of ['auth_failures', 'audit_log', 'one_time_tokens', 'sessions', 'users']) await db.schema.dropTable(table).execute();
}
