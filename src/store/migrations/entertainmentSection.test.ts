import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { connectSqlite } from '../sqlite.ts';
import { migrations } from './index.ts';

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
}

const sectionsOf = (db: Kysely<any>) =>
  db.selectFrom('sections').select(['slug', 'name', 'position']).orderBy('position').orderBy('slug').execute();

test('0006 adds Entertainment after every section there is, and takes it away again', async () => {
  const db = connectSqlite(':memory:') as Kysely<any>;
  try {
    assert.equal((await migrator(db).migrateTo('0004_enrichment')).error, undefined);
    // A site that grew a section of its own before the migration: Entertainment goes after it.
    await db.insertInto('sections').values({ slug: 'culture', name: 'Culture', position: 90 }).execute();
    assert.equal((await migrator(db).migrateTo('0006_entertainment_section')).error, undefined);
    const sections = await sectionsOf(db);
    assert.deepEqual(sections.at(-1), { slug: 'entertainment', name: 'Entertainment', position: 100 });
    assert.ok(sections.some((s) => s.slug === 'sport' && s.name === 'Sport'), 'Sport keeps its name and URL');

    assert.equal((await migrator(db).migrateTo('0004_enrichment')).error, undefined);
    assert.ok(!(await sectionsOf(db)).some((s) => s.slug === 'entertainment'));
  } finally {
    await db.destroy();
  }
});

test('0006 keeps an Entertainment section the site already made', async () => {
  const db = connectSqlite(':memory:') as Kysely<any>;
  try {
    assert.equal((await migrator(db).migrateTo('0004_enrichment')).error, undefined);
    await db.insertInto('sections').values({ slug: 'showbiz', name: 'Entertainment', position: 15 }).execute();
    assert.equal((await migrator(db).migrateTo('0006_entertainment_section')).error, undefined);
    const named = (await sectionsOf(db)).filter((s) => s.name === 'Entertainment' || s.slug === 'entertainment');
    assert.deepEqual(named, [{ slug: 'showbiz', name: 'Entertainment', position: 15 }]);
  } finally {
    await db.destroy();
  }
});
