import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { connectPostgres } from '../postgres.ts';
import { connectSqlite } from '../sqlite.ts';
import { migrations } from './index.ts';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';
const names = Object.keys(migrations);
const THIS = '0014_plain_text_fields';
const BEFORE = names[names.indexOf(THIS) - 1]!;

function migrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

const HOSTILE_BYLINE = '<b><noscript><p title="</noscript>"></noscript></b>Jane <img src=x onerror=alert(1)>Doe';
const FIGURE = { type: 'figure', image: { url: null, alt: 'A <i>bridge</i>', caption: 'The bridge &amp;amp; river', credit: '<b>AP</b>' } };
const PARAGRAPH = { type: 'paragraph', text: 'A story about the <script> tag keeps its words.' };

/** An article row as stored before 0014: text fields as the page had them, slugs made of their markup. */
function row(n: number, text: { headline: string; byline: string | null; bylineSlug: string | null }) {
  const at = '2024-05-01T00:00:00.000Z';
  return {
    slug: `row-${n}`, section: 'world', headline: text.headline, dek: 'A dek &lt;b&gt;with markup&lt;/b&gt;',
    body: JSON.stringify([{ title: 'Part <em>one</em>', blocks: [PARAGRAPH, FIGURE] }]),
    hero_url: null, hero_alt: 'Alt <svg onload=alert(1)>text', hero_caption: '<p>Caption</p>', hero_credit: '<b></b>',
    byline: text.byline, byline_slug: text.bylineSlug, source_name: '<b></b>', source_url: 'https://wire.example/story', source_slug: 'b-b',
    source_key: `row:${n}`, content_hash: `h${n}`, status: 'published', published_at: at, created_at: at, updated_at: at,
  };
}

const STORY = {
  id: 'story-1', opened: 1, headline: 'Bridge <script>alert(1)</script>reopens', member_count: 1, members: '["1"]',
  titles: JSON.stringify(['Bridge <script>alert(1)</script>reopens', 'Plain title']), centroid: '[]', centroid_norm: 1,
  vector_count: 1, revision: 'before',
};

async function cleansStoredText(db: Kysely<any>, schema?: string): Promise<void> {
  assert.equal((await migrator(db, schema).migrateTo(BEFORE)).error, undefined);
  await db.insertInto('articles').values([
    row(1, { headline: 'Bridge <b>reopens</b> &amp;amp; traffic flows', byline: HOSTILE_BYLINE, bylineSlug: 'b-noscript-p-title-noscript-jane-img-src-x-onerror-alert-1-doe' }),
    row(2, { headline: '<img src=x onerror=alert(1)>', byline: null, bylineSlug: null }),
  ]).execute();
  await db.insertInto('stories').values(STORY).execute();

  for (let round = 0; round < 2; round++) {
    assert.equal((await migrator(db, schema).migrateTo(THIS)).error, undefined);
    const [first, second] = (await db.selectFrom('articles').selectAll().orderBy('id').execute()) as [any, any];
    assert.deepEqual(
      [first.headline, first.dek, first.byline, first.byline_slug, first.source_name, first.source_slug],
      ['Bridge reopens & traffic flows', 'A dek with markup', 'Jane Doe', 'jane-doe', 'wire.example', 'wire-example'],
    );
    assert.deepEqual([first.hero_alt, first.hero_caption, first.hero_credit], ['Alt text', 'Caption', null]);
    assert.deepEqual(JSON.parse(first.body), [
      { title: 'Part <em>one</em>', blocks: [PARAGRAPH, { type: 'figure', image: { url: null, alt: 'A bridge', caption: 'The bridge & river', credit: 'AP' } }] },
    ], 'figures are plain; body text and section titles are left as they are');
    assert.equal(first.slug, 'row-1', 'an article keeps its address');
    assert.equal(second.headline, '<img src=x onerror=alert(1)>', 'a headline with no words is left as it was');

    const story = await db.selectFrom('stories').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([story.headline, JSON.parse(story.titles)], ['Bridge reopens', ['Bridge reopens', 'Plain title']]);
    assert.notEqual(story.revision, 'before', 'a cleaned story has a new revision');
    assert.equal((await migrator(db, schema).migrateTo(BEFORE)).error, undefined, 'and it comes down again');
  }
}

test('0014 makes the text fields of stored articles and stories plain, and their credit slugs with them, on SQLite', async () => {
  const db = connectSqlite(':memory:') as Kysely<any>;
  try {
    await cleansStoredText(db);
  } finally {
    await db.destroy();
  }
});

test('0014 makes the text fields of stored articles and stories plain, and their credit slugs with them, on PostgreSQL', async () => {
  const schema = `newsdesk_test_${randomBytes(6).toString('hex')}`;
  const db = (await connectPostgres(PG_URL, schema)) as Kysely<any>;
  try {
    await cleansStoredText(db, schema);
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
  }
});
