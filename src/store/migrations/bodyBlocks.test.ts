import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { connectSqlite } from '../sqlite.ts';
import { migrations } from './index.ts';

const OLD_BODY = [
  { title: null, paragraphs: ['First.', 'Second.'] },
  { title: 'Last Units Leave Al-Asad', paragraphs: ['Third.'] },
];

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
}

test('0002 turns paragraph bodies into blocks and back, text untouched', async () => {
  const db = connectSqlite(':memory:') as Kysely<any>;
  try {
    assert.equal((await migrator(db).migrateTo('0001_sections_and_articles')).error, undefined);
    const now = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('articles')
      .values({
        slug: 'old',
        section: 'world',
        headline: 'Old',
        body: JSON.stringify(OLD_BODY),
        source_key: 'k',
        content_hash: 'h',
        status: 'draft',
        created_at: now,
        updated_at: now,
      })
      .execute();

    assert.equal((await migrator(db).migrateTo('0002_body_blocks')).error, undefined);
    const up = await db.selectFrom('articles').select('body').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(up.body), [
      { title: null, blocks: [{ type: 'paragraph', text: 'First.' }, { type: 'paragraph', text: 'Second.' }] },
      { title: 'Last Units Leave Al-Asad', blocks: [{ type: 'paragraph', text: 'Third.' }] },
    ]);

    assert.equal((await migrator(db).migrateTo('0001_sections_and_articles')).error, undefined);
    const down = await db.selectFrom('articles').select('body').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(down.body), OLD_BODY);
  } finally {
    await db.destroy();
  }
});
