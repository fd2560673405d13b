/** `reindex --enrich` suggests a section among the site's sections as stored, not the built-in list. */
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { newsdesk } from './helpers/cli.ts';



/** A page without a section line: the classifier files it, and only the stored list has Entertainment. */
const PREMIERE = `Festival Opens With Director’s New Film

The director’s new film opened the festival on Friday, and its lead actress walked the red carpet with the cast.

Critics called the movie the best drama of the year, and the studio expects strong box office takings.

The soundtrack album, with songs by the band, goes on sale next week ahead of the awards season.
`;

test('reindex suggests Entertainment, a section only the sections table has', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-reindex-sections-'));
  try {
    const env = { DATA_DIR: dataDir };
    const page = join(dataDir, 'premiere.txt');
    writeFileSync(page, PREMIERE);
    const imported = newsdesk(['import', 'page', page], env);
    assert.equal(imported.code, 0, imported.stderr);
    // Three short paragraphs: kept as a draft (under the publish checks' 80 words), and filed all the same.
    assert.match(imported.stdout, /\/entertainment\/festival-opens-with-directors-new-film(\n|$)/, 'filed by the classifier');

    const db = new BetterSqlite3(join(dataDir, 'newsdesk.db'));
    try {
      db.prepare('update article_enrichments set version = version - 1, suggested_section = null').run();
      const reindex = newsdesk(['reindex', '--enrich'], env);
      assert.equal(reindex.code, 0, reindex.stderr);
      const row = db.prepare('select suggested_section from article_enrichments').get() as { suggested_section: string };
      assert.equal(row.suggested_section, 'entertainment');
    } finally {
      db.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
