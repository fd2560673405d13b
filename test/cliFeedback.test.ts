/** `newsdesk feedback list`: the inbox, filtered by article and kind, as text or JSON. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sqliteFileOf } from '../src/config.ts';
import { articlePath, type Article, type NewFeedback } from '../src/domain/index.ts';
import { insertArticle, storyDraft } from '../src/site/testing/store.ts';
import { openStore } from '../src/store/index.ts';
import { newsdesk } from './helpers/cli.ts';

const SITE_URL = 'https://news.example';
let dataDir: string;
let first: Article;
let second: Article;
const run = (args: string[]) => newsdesk(['feedback', 'list', ...args], { DATA_DIR: dataDir, SITE_URL });

function note(article: Article, minute: number, overrides: Partial<NewFeedback> = {}): NewFeedback {
  return {
    articleId: article.id,
    articleRevision: article.contentHash,
    kind: 'typo',
    text: `Note ${minute}`,
    email: null,
    createdAt: new Date(Date.UTC(2026, 0, 19, 8, minute)).toISOString(),
    ipHash: '0'.repeat(32),
    userAgent: null,
    ...overrides,
  };
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-feedback-'));
  const store = await openStore({ databaseUrl: null, sqliteFile: sqliteFileOf({ dataDir }) });
  first = await insertArticle(store, storyDraft('First noted story', 'Security'));
  second = await insertArticle(store, storyDraft('Second noted story', 'World'));
  await store.feedback.add(note(first, 1, { kind: 'error', text: 'The date is wrong.\nIt was a Monday.', email: 'reader@example.com' }));
  await store.feedback.add(note(second, 2, { text: 'Typo in the dek: "teh".' }));
  await store.feedback.add(note(first, 3, { kind: 'missing-context', text: 'Who paid for it?' }));
  await store.close();
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('lists every note newest first, each with its article and page', () => {
  const listed = run(['--json']);
  assert.equal(listed.code, 0, listed.stderr);
  const notes: { id: number; kind: string; text: string; email: string | null; url: string; article: { headline: string } }[] = JSON.parse(listed.stdout);
  assert.deepEqual(notes.map((n) => n.text), ['Who paid for it?', 'Typo in the dek: "teh".', 'The date is wrong.\nIt was a Monday.']);
  assert.equal(notes[2]!.url, `${SITE_URL}${articlePath(first)}`);
  assert.equal(notes[2]!.email, 'reader@example.com');
  assert.equal(notes[1]!.article.headline, 'Second noted story');

  const text = run([]);
  assert.equal(text.code, 0, text.stderr);
  const blocks = text.stdout.split('\n\n');
  assert.equal(blocks.length, 3);
  assert.match(blocks[2]!, /^#\d+ {2}error {2}2026-01-19 08:01 UTC {2}reader@example\.com\n {2}on: First noted story\n {6}https:\/\/news\.example\/security\/first-noted-story\n {2}\| The date is wrong\.\n {2}\| It was a Monday\.$/);
});

test('filters by article and by kind, and stops at the limit', () => {
  const byArticle: { text: string }[] = JSON.parse(run(['--article', String(first.id), '--json']).stdout);
  assert.deepEqual(byArticle.map((n) => n.text), ['Who paid for it?', 'The date is wrong.\nIt was a Monday.']);
  const byKind: { text: string }[] = JSON.parse(run(['--article', String(first.id), '--kind', 'error', '--json']).stdout);
  assert.deepEqual(byKind.map((n) => n.text), ['The date is wrong.\nIt was a Monday.']);
  const limited: { text: string }[] = JSON.parse(run(['--limit', '1', '--json']).stdout);
  assert.deepEqual(limited.map((n) => n.text), ['Who paid for it?']);
  assert.equal(run(['--article', String(second.id), '--kind', 'other']).stdout, 'no feedback yet');
});

test('bad options and unknown articles are refused with exit code 2', () => {
  const badKind = run(['--kind', 'spam']);
  assert.equal(badKind.code, 2);
  assert.match(badKind.stderr, /error, typo, missing-context, other/);
  assert.equal(run(['--article', 'x']).code, 2);
  assert.equal(run(['--limit', '0']).code, 2);
  const unknown = run(['--article', '999999']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no article with id 999999/);
});
