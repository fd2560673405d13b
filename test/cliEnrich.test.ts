/** Enrichment from the command line: one page as JSON, and a resumable recompute over the store. */
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { newsdesk } from './helpers/cli.ts';



test('enrich prints the seed with its summary, entities and timeline; stores nothing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-enrich-'));
  try {
    const run = newsdesk(['enrich', SEED_PAGE_FILE, '--json'], { DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    const { article, paragraphs, enrichment } = JSON.parse(run.stdout);
    assert.equal(article.sectionName, 'Security');
    assert.ok(paragraphs.length >= 9);
    assert.ok(enrichment.summary.sentences.length >= 3);
    assert.ok(enrichment.entities.some((e: { slug: string }) => e.slug === 'kataib-hezbollah'));
    assert.ok(enrichment.timeline.length >= 7);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('reindex --enrich recomputes stale enrichment once; a second run has nothing to do', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-reindex-'));
  try {
    const env = { DATA_DIR: dataDir };
    assert.equal(newsdesk(['import', 'demo'], env).code, 0);
    // Imports enrich as they go: nothing is stale until the enrichment code moves on (here: an older version).
    assert.match(newsdesk(['reindex', '--enrich'], env).stdout, /enriched 0 articles/);
    const db = new BetterSqlite3(join(dataDir, 'newsdesk.db'));
    db.prepare('update article_enrichments set version = version - 1').run();
    db.close();
    const first = newsdesk(['reindex', '--enrich'], env);
    assert.equal(first.code, 0, first.stderr);
    const count = Number(/enriched (\d+) articles/.exec(first.stdout)?.[1]);
    assert.ok(count > 300, first.stdout);
    const second = newsdesk(['reindex', '--enrich'], env);
    assert.match(second.stdout, /enriched 0 articles/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
