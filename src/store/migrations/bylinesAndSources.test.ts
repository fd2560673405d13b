import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { connectPostgres } from '../postgres.ts';
import { connectSqlite } from '../sqlite.ts';
import { migrations } from './index.ts';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';
const names = Object.keys(migrations);
const BEFORE = names[names.indexOf('0010_bylines_and_sources') - 1]!;
/** More than one page of the backfill (500 rows), so the second page is read from where the first ended. */
const ROWS = 1_203;

function migrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** An article row as stored before 0010: bylines and sources cycle through a few names, one of them unsluggable. */
function row(n: number) {
  const bylines = ['Zoë Adler', 'ZOE ADLER', null, '李明'];
  const sources = [null, 'Río Times', 'Wikinews'];
  const sourceName = sources[n % sources.length]!;
  return {
    slug: `row-${n}`, section: 'world', headline: `Row ${n}`, body: '[]',
    byline: bylines[n % bylines.length], source_name: sourceName,
    source_key: `row:${n}`, content_hash: `h${n}`, status: 'published',
    published_at: '2024-05-01T00:00:00.000Z', created_at: '2024-05-01T00:00:00.000Z', updated_at: '2024-05-01T00:00:00.000Z',
  };
}

/** Migrates to just before 0010, stores rows, migrates on: every row has both slugs; down and up again. */
async function backfillsExistingRows(db: Kysely<any>, schema?: string): Promise<void> {
  assert.equal((await migrator(db, schema).migrateTo(BEFORE)).error, undefined);
  const rows = Array.from({ length: ROWS }, (_, n) => row(n));
  for (let at = 0; at < rows.length; at += 400) await db.insertInto('articles').values(rows.slice(at, at + 400)).execute();
  for (let round = 0; round < 2; round++) {
    assert.equal((await migrator(db, schema).migrateTo('0010_bylines_and_sources')).error, undefined);
    const stored: { slug: string; byline_slug: string | null; source_slug: string | null }[] = await db
      .selectFrom('articles')
      .select(['slug', 'byline_slug', 'source_slug'])
      .orderBy('id')
      .execute();
    assert.equal(stored.length, ROWS);
    const expectedByline = ['zoe-adler', 'zoe-adler', null, null];
    const expectedSource = [null, 'rio-times', 'wikinews'];
    stored.forEach((r, n) => {
      assert.equal(r.byline_slug, expectedByline[n % 4], `byline slug of ${r.slug}`);
      assert.equal(r.source_slug, expectedSource[n % 3], `source slug of ${r.slug}`);
    });
    assert.equal((await migrator(db, schema).migrateTo(BEFORE)).error, undefined, 'and it comes down again');
  }
}

test('0010 gives the articles already stored their byline and source slugs, on SQLite', async () => {
  const db = connectSqlite(':memory:') as Kysely<any>;
  try {
    await backfillsExistingRows(db);
  } finally {
    await db.destroy();
  }
});

test('0010 gives the articles already stored their byline and source slugs, on PostgreSQL', async () => {
  const schema = `newsdesk_test_${randomBytes(6).toString('hex')}`;
  const db = (await connectPostgres(PG_URL, schema)) as Kysely<any>;
  try {
    await backfillsExistingRows(db, schema);
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
  }
});
