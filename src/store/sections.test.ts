import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { ValidationError } from '../domain/index.ts';
import { openStore } from './index.ts';
import { connectSqlite } from './sqlite.ts';
import { describeOnBothDialects } from './testing/targets.ts';

describeOnBothDialects('sections at reserved addresses', (store) => {
  it('are refused with the reason, and nothing is stored', async () => {
    await assert.rejects(store().sections.ensure('Search'), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.message, /^Section "Search" cannot be created: its address \/search is where the site serves the search page\./);
      return true;
    });
    await assert.rejects(store().sections.ensure('  STORY '), /\/story is where the site serves story pages/);
    const slugs = (await store().sections.list()).map((section) => section.slug);
    assert.ok(!slugs.includes('search') && !slugs.includes('story'), slugs.join(', '));
  });

  it('leave names that only look alike to be created', async () => {
    assert.equal((await store().sections.ensure('Stories')).slug, 'stories');
    assert.equal((await store().sections.ensure('Video')).slug, 'video');
  });
});

it('a section stored under another slug is found by its name, even when the name would make a reserved slug', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-sections-'));
  const file = join(dir, 'newsdesk.db');
  const store = await openStore({ databaseUrl: null, sqliteFile: file });
  // As an editor would have fixed a section stored before the rule: a new slug, the old name.
  const db = connectSqlite(file);
  try {
    await db.insertInto('sections').values({ slug: 'archive-desk', name: 'Archive', position: 95 }).execute();
    assert.deepEqual(await store.sections.ensure('Archive'), { slug: 'archive-desk', name: 'Archive', position: 95 });
  } finally {
    await db.destroy();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
