/**
 * Feedback text is reader input, stored as text and shown only as text. Every XSS payload of the shared corpora
 * (DOMPurify's fixtures and the HTML5 Security Cheatsheet) is posted as a note through the real form endpoint;
 * it must be stored character for character (less control characters), come back inert wherever it shows — the
 * refusal page that gives a note back in its form, the thank-you page, `newsdesk feedback list` as text and as
 * JSON — and never add an element, attribute or URL that the same page with a harmless note lacks.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { decodeHTML } from 'entities';
import { sqliteFileOf } from '../src/config.ts';
import { articlePath, cleanText, type Article } from '../src/domain/index.ts';
import { registerErrorPages, sitePlugin } from '../src/site/index.ts';
import { SEED_DRAFT } from '../src/site/testing/seedArticle.ts';
import { FEEDBACK_THANKS } from '../src/site/views/FeedbackForm.tsx';
import { insertArticle } from '../src/site/testing/store.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { newsdesk } from './helpers/cli.ts';

const CORPORA = ['payloads.json', 'h5sc.json'].map((file) =>
  fileURLToPath(new URL(`../../shared/benchmarks/xss/${file}`, import.meta.url)),
);
const INVENTORY = fileURLToPath(new URL('./helpers/markup_inventory.py', import.meta.url));
const SITE_URL = 'https://news.example';
/** What a terminal would act on: ESC and the other C0 controls but tab and newline, DEL, C1, bidi overrides. */
const TERMINAL_ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

interface Payload {
  id: string;
  payload: string;
}

const payloads = CORPORA.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Payload[]);

let dataDir: string;
let store: Store;
let app: FastifyInstance;
let seed: Article;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-feedback-xss-'));
  store = await openStore({ databaseUrl: null, sqliteFile: sqliteFileOf({ dataDir }) });
  seed = await insertArticle(store, SEED_DRAFT);
  app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  // Limits out of the way: this test is about what the text becomes, not how often it may be sent.
  const generous = { capacity: 10_000, refillMs: 1 };
  await app.register(sitePlugin, {
    store,
    config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache: true, secret: 'xss-test' },
    feedbackLimits: { perSender: generous, perArticle: generous },
  });
});

after(async () => {
  await app?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function post(fields: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url: '/feedback',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE_URL },
    payload: new URLSearchParams(fields).toString(),
  });
}

function inventories(pages: string[]): { names: string[]; urls: string[] }[] {
  const run = spawnSync('python3', [INVENTORY], { input: JSON.stringify(pages), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/** The text inside the page's one feedback textarea, as a browser would give it back. */
function textareaText(html: string): string {
  const match = /<textarea id="feedback-text"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
  assert.ok(match, 'the refused note comes back in the form');
  return decodeHTML(match[1]!);
}

test('XSS payloads posted as feedback are stored as text and come back inert on every page and in the CLI', async () => {
  assert.ok(payloads.length > 350, `both corpora read (${payloads.length})`);
  const fields = (text: string) => ({ article: String(seed.id), revision: seed.contentHash, kind: 'other', text, email: '', website: '' });

  // Stored: every payload with some text left after cleaning is taken; the others are refused as empty.
  const expected = new Map<string, string>();
  for (const { id, payload } of payloads) {
    const response = await post(fields(payload));
    const text = cleanText(payload);
    if (text === '') {
      assert.equal(response.statusCode, 400, `${id}: an empty note is refused`);
      continue;
    }
    assert.equal(response.statusCode, 303, `${id}: stored`);
    expected.set(id, text);
  }
  const stored = await store.feedback.list({ articleId: seed.id, limit: 10_000 });
  assert.deepEqual(stored.map((note) => note.text).sort(), [...expected.values()].sort(), 'every note stored exactly as sent');

  // Shown: a refusal (no kind chosen) gives the note back in the form; compared with a harmless note's page.
  const refusals: string[] = [];
  for (const text of ['nothing hostile here', ...expected.values()]) {
    const response = await post({ ...fields(text), kind: '' });
    assert.equal(response.statusCode, 400);
    assert.equal(textareaText(response.body), text, 'given back as the same characters');
    refusals.push(response.body);
  }
  const thanks = await app.inject(`${articlePath(seed)}?feedback=thanks`);
  assert.equal(thanks.statusCode, 200);
  assert.ok(thanks.body.includes(FEEDBACK_THANKS), 'the thank-you page thanks, and shows no note');

  const [baseline, ...hostile] = inventories(refusals);
  const allowedNames = new Set(baseline!.names);
  const allowedUrls = new Set(baseline!.urls);
  const ids = [...expected.keys()];
  for (const [index, inventory] of hostile.entries()) {
    assert.deepEqual(inventory.names.filter((name) => !allowedNames.has(name)), [], `${ids[index]}: markup a harmless note's page does not have`);
    assert.deepEqual(inventory.urls.filter((url) => !allowedUrls.has(url)), [], `${ids[index]}: links a harmless note's page does not have`);
  }

  // Listed: the inbox as JSON holds every character; as text, nothing a terminal would act on.
  await app.close();
  await store.close();
  const env = { DATA_DIR: dataDir, SITE_URL };
  const json = newsdesk(['feedback', 'list', '--limit', '10000', '--json'], env);
  assert.equal(json.code, 0, json.stderr);
  assert.doesNotMatch(json.stdout, TERMINAL_ACTIVE);
  const listed: { text: string; url: string }[] = JSON.parse(json.stdout);
  assert.deepEqual(listed.map((note) => note.text).sort(), [...expected.values()].sort());
  assert.ok(listed.every((note) => note.url === `${SITE_URL}${articlePath(seed)}`));

  const table = newsdesk(['feedback', 'list', '--limit', '10000'], env);
  assert.equal(table.code, 0, table.stderr);
  assert.doesNotMatch(table.stdout, TERMINAL_ACTIVE);
  for (const [id, text] of expected) {
    const firstLine = text.split('\n')[0]!.replace(new RegExp(TERMINAL_ACTIVE, 'g'), '');
    assert.ok(table.stdout.includes(`  | ${firstLine}`), `${id}: listed as its own characters`);
  }
});
