/** `newsdesk reindex --search` rebuilds a search index that lost its entries. */
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/index.ts';
import { insertArticle, storyDraft } from '../src/site/testing/store.ts';
import { newsdesk } from './helpers/cli.ts';

test('reindex --search rebuilds the index from the stored articles', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-reindex-search-'));
  const file = join(dataDir, 'newsdesk.db');
  try {
    const store = await openStore({ databaseUrl: null, sqliteFile: file });
    await insertArticle(store, storyDraft('Lighthouse keepers return', 'World'));
    await insertArticle(store, storyDraft('Lighthouse draft', 'World'), { status: 'draft' });
    await store.close();

    // An index emptied behind the store's back (a restore of the articles alone, say).
    const db = new BetterSqlite3(file);
    db.prepare(`insert into article_search (article_search) values ('delete-all')`).run();
    db.close();
    const found = async () => {
      const reopened = await openStore({ databaseUrl: null, sqliteFile: file });
      try {
        return (await reopened.search.search({ q: 'lighthouse', limit: 10, offset: 0 })).total;
      } finally {
        await reopened.close();
      }
    };
    assert.equal(await found(), 0);

    const run = newsdesk(['reindex', '--search'], { DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /search index rebuilt: 1 published article in/);
    assert.equal(await found(), 1);
    assert.match(newsdesk(['reindex'], { DATA_DIR: dataDir }).stdout, /--search to rebuild the search index/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
