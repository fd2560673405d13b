/**
 * POST /feedback through the whole app (buildServer: security headers, error pages, page cache): the no-script
 * flow, the script's JSON flow, and every refusal — origin, honeypot, rate limits, size caps, unknown articles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config.ts';
import { articlePath, contentHash, FEEDBACK_TEXT_MAX_CHARS, type Article } from '../../domain/index.ts';
import { buildServer } from '../../server.ts';
import type { Store } from '../../store/index.ts';
import { FEEDBACK_SCRIPT_SRC } from '../assets/feedbackScript.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { insertArticle, memoryStore, storyDraft } from '../testing/store.ts';
import { FEEDBACK_THANKS } from '../views/FeedbackForm.tsx';
import { DEFAULT_FEEDBACK_LIMITS, FEEDBACK_BODY_LIMIT } from './feedback.ts';

const SITE_URL = 'https://news.example';
const SAME_ORIGIN = { origin: SITE_URL };

let store: Store;
let seed: Article;
let other: Article;
let draft: Article;
const apps: FastifyInstance[] = [];

/** A fresh app (fresh rate limits) over the shared store, with the page cache on as in production. */
async function newApp(): Promise<FastifyInstance> {
  const app = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent', SITE_URL, SECRET: 'test-secret' }), store, logger: false });
  apps.push(app);
  return app;
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function note(article: Article, overrides: Record<string, string> = {}): Record<string, string> {
  return { article: String(article.id), revision: article.contentHash, kind: 'typo', text: 'The caption says 2019; the photo is from 2020.', email: '', website: '', ...overrides };
}

interface PostOptions {
  headers?: Record<string, string>;
  remoteAddress?: string;
  json?: boolean;
}

function post(app: FastifyInstance, fields: Record<string, string>, options: PostOptions = {}) {
  return app.inject({
    method: 'POST',
    url: '/feedback',
    remoteAddress: options.remoteAddress ?? '203.0.113.7',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'Mozilla/5.0 (test)',
      ...(options.json ? { accept: 'application/json' } : { accept: 'text/html,application/xhtml+xml' }),
      ...(options.headers ?? SAME_ORIGIN),
    },
    payload: form(fields),
  });
}

async function notesAbout(article: Article) {
  return store.feedback.list({ articleId: article.id, limit: 1_000 });
}

before(async () => {
  store = await memoryStore();
  other = await insertArticle(store, storyDraft('Another security story', 'Security'));
  draft = await insertArticle(store, storyDraft('Unpublished draft', 'Security'), { status: 'draft' });
  seed = await insertArticle(store, SEED_DRAFT);
});

after(async () => {
  for (const app of apps) await app.close();
  await store.close();
});

describe('without JavaScript', () => {
  it('stores the note and sends the reader back to the article, which thanks them', async () => {
    const app = await newApp();
    const response = await post(app, note(seed, { kind: 'missing-context', text: '  Say who\r\nleft first.  ', email: 'reader@example.com' }));
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${articlePath(seed)}?feedback=thanks#feedback`);
    assert.equal(response.headers['cache-control'], 'no-store');

    const [stored, ...rest] = await notesAbout(seed);
    assert.equal(rest.length, 0);
    assert.equal(stored!.kind, 'missing-context');
    assert.equal(stored!.text, 'Say who\nleft first.', 'CRLF from the browser stored as LF, trimmed');
    assert.equal(stored!.email, 'reader@example.com');
    assert.equal(stored!.articleRevision, seed.contentHash);
    assert.equal(stored!.userAgent, 'Mozilla/5.0 (test)');
    assert.match(stored!.ipHash, /^[0-9a-f]{32}$/);
    assert.ok(!stored!.ipHash.includes('203.0.113.7'));

    const thanks = await app.inject(response.headers.location!.replace(/#.*/, ''));
    assert.equal(thanks.statusCode, 200);
    assert.ok(thanks.body.includes(FEEDBACK_THANKS));
    assert.ok(thanks.body.includes('Help us improve.'));
    assert.ok(!thanks.body.includes('<form class="feedback-form"'), 'the thank-you takes the form’s place');
  });

  it('keeps the thank-you out of the plain page in the page cache, both ways round', async () => {
    const app = await newApp();
    const path = articlePath(other);
    const plainFirst = await app.inject(path);
    const thanks = await app.inject(`${path}?feedback=thanks`);
    const plainAgain = await app.inject(path);
    const thanksAgain = await app.inject(`${path}?feedback=thanks`);
    const otherQuery = await app.inject(`${path}?feedback=nonsense&utm_source=x`);
    assert.equal(app.pageCache.size, 2, 'two variants cached, whatever else the query says');
    for (const plain of [plainFirst, plainAgain, otherQuery]) {
      assert.ok(plain.body.includes('<form class="feedback-form"'));
      assert.ok(!plain.body.includes(FEEDBACK_THANKS));
    }
    for (const page of [thanks, thanksAgain]) assert.ok(page.body.includes(FEEDBACK_THANKS));
    assert.notEqual(thanks.headers.etag, plainFirst.headers.etag);
  });

  it('stores the version the reader saw when it is a real one, else the current one', async () => {
    const app = await newApp();
    const edited = await insertArticle(store, storyDraft('A story that will be corrected', 'Security'));
    const before = edited.contentHash;
    const correctedDraft = { ...storyDraft('A story that will be corrected', 'Security'), lede: 'Corrected lede.' };
    const { sectionName: _s, publishedAt: _p, ...content } = correctedDraft;
    await store.articles.update(edited.id, {
      ...content,
      section: edited.section,
      contentHash: contentHash(correctedDraft),
      status: 'published',
      publishedAt: edited.publishedAt!,
      updatedAt: '2026-01-19T10:00:00.000Z',
    });
    await post(app, note(edited, { revision: before, text: 'first' }), { remoteAddress: '198.51.100.1' });
    await post(app, note(edited, { revision: 'f'.repeat(64), text: 'second' }), { remoteAddress: '198.51.100.2' });
    const notes = await notesAbout(edited);
    const revisionOf = (text: string) => notes.find((n) => n.text === text)!.articleRevision;
    assert.equal(revisionOf('first'), before);
    assert.equal(revisionOf('second'), contentHash(correctedDraft));
  });
});

describe('with JavaScript', () => {
  it('answers JSON, and the article page loads the one small script from this origin', async () => {
    const app = await newApp();
    const response = await post(app, note(seed, { text: 'Sent in place' }), { json: true });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { ok: true, message: FEEDBACK_THANKS });
    assert.ok((await notesAbout(seed)).some((n) => n.text === 'Sent in place'));

    const refused = await post(app, note(seed, { kind: '' }), { json: true });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().message, /Choose what is wrong/);

    const page = await app.inject(articlePath(seed));
    const scripts = [...page.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes('feedback'));
    assert.deepEqual(scripts, [`<script src="${FEEDBACK_SCRIPT_SRC}" defer>`]);
    const script = await app.inject(FEEDBACK_SCRIPT_SRC);
    assert.equal(script.statusCode, 200);
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.match(String(script.headers['cache-control']), /immutable/);
    assert.match(script.body, /textContent/);
    assert.doesNotMatch(script.body, /innerHTML|insertAdjacentHTML|document\.write/, 'the script never writes markup');
    const revalidated = await app.inject({ url: FEEDBACK_SCRIPT_SRC, headers: { 'if-none-match': String(script.headers.etag) } });
    assert.equal(revalidated.statusCode, 304);
  });
});

describe('refusals', () => {
  it('refuses posts from other origins, and posts that say nowhere where they come from', async () => {
    const app = await newApp();
    const cases: Array<[string, Record<string, string>, number]> = [
      ['another site', { origin: 'https://evil.example' }, 403],
      ['a look-alike host', { origin: 'https://news.example.evil.example' }, 403],
      ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', origin: SITE_URL }, 403],
      ['no origin at all', {}, 403],
      ['a referer from another site', { referer: 'https://evil.example/page' }, 403],
      ['our own page as referer', { origin: 'null', referer: `${SITE_URL}${articlePath(seed)}` }, 303],
      ['the browser saying same-origin', { 'sec-fetch-site': 'same-origin', origin: 'null' }, 303],
      ['the address the request reached', { origin: 'http://localhost' }, 303],
    ];
    const before = (await notesAbout(seed)).length;
    for (const [name, headers, status] of cases) {
      const response = await post(app, note(seed, { text: name }), { headers, remoteAddress: `192.0.2.${cases.findIndex((c) => c[0] === name)}` });
      assert.equal(response.statusCode, status, name);
      if (status === 403) {
        assert.match(response.body, /Your note was not sent/);
        assert.match(response.body, /only be sent from the form under an article/);
        assert.equal(response.headers['cache-control'], 'no-store');
      }
    }
    assert.equal((await notesAbout(seed)).length, before + 3);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const app = await newApp();
    const before = (await notesAbout(seed)).length;
    const response = await post(app, note(seed, { website: 'http://spam.example', text: 'Buy now' }));
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${articlePath(seed)}?feedback=thanks#feedback`);
    assert.equal((await notesAbout(seed)).length, before);
  });

  it('limits one sender, then tells them to wait; others are not held up', async () => {
    const app = await newApp();
    const { capacity } = DEFAULT_FEEDBACK_LIMITS.perSender;
    for (let i = 0; i < capacity; i++) {
      assert.equal((await post(app, note(seed, { text: `note ${i}` }), { remoteAddress: '198.51.100.50' })).statusCode, 303);
    }
    const refused = await post(app, note(seed, { text: 'one too many' }), { remoteAddress: '198.51.100.50' });
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(refused.body, /Please wait a little/);
    assert.match(refused.body, /one too many<\/textarea>/, 'the note comes back in the form, not lost');
    assert.ok(!(await notesAbout(seed)).some((n) => n.text === 'one too many'));
    assert.equal((await post(app, note(seed), { remoteAddress: '198.51.100.51' })).statusCode, 303);
  });

  it('counts an IPv6 sender by its /64, so rotating addresses inside it does not help', async () => {
    const app = await newApp();
    const { capacity } = DEFAULT_FEEDBACK_LIMITS.perSender;
    for (let i = 1; i <= capacity; i++) {
      assert.equal((await post(app, note(seed), { remoteAddress: `2001:db8:5:6::${i.toString(16)}` })).statusCode, 303);
    }
    assert.equal((await post(app, note(seed), { remoteAddress: '2001:db8:5:6:ffff:1:2:3' })).statusCode, 429);
    assert.equal((await post(app, note(seed), { remoteAddress: '2001:db8:5:7::1' })).statusCode, 303, 'the next /64 is another sender');
  });

  it('limits one article across senders, and other articles still take notes', async () => {
    const app = await newApp();
    const { capacity } = DEFAULT_FEEDBACK_LIMITS.perArticle;
    for (let i = 0; i < capacity; i++) {
      const response = await post(app, note(other, { text: `campaign ${i}` }), { remoteAddress: `10.1.${i >> 8}.${i & 255}` });
      assert.equal(response.statusCode, 303, `note ${i}`);
    }
    const refused = await post(app, note(other, { text: 'over the article limit' }), { remoteAddress: '10.2.0.1' });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /This article has had many notes/);
    assert.equal((await post(app, note(seed), { remoteAddress: '10.2.0.1' })).statusCode, 303);
  });

  it('gives a clear 400 page, with the reader’s note back in the form, for a note that needs fixing', async () => {
    const app = await newApp();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ kind: 'spam' }, /Choose what is wrong/],
      [{ text: '   ' }, /the text box is empty/],
      [{ text: 'x'.repeat(FEEDBACK_TEXT_MAX_CHARS + 1) }, /2001 characters long; please keep it to 2000/],
      [{ email: 'not-an-address' }, /email address does not look complete/],
    ];
    for (const [fields, message] of cases) {
      const response = await post(app, note(seed, fields));
      assert.equal(response.statusCode, 400, JSON.stringify(fields).slice(0, 80));
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(response.body, message);
      assert.match(response.body, /<form class="feedback-form"/);
      assert.match(response.body, new RegExp(`href="${articlePath(seed)}#feedback"`));
      assert.doesNotMatch(response.body, /at \w+ \(|node:internal|\.ts:\d+/, 'never a stack trace');
    }
  });

  it('takes exactly the longest note, counted in characters, not bytes', async () => {
    const app = await newApp();
    const longest = '🚀é'.repeat(FEEDBACK_TEXT_MAX_CHARS / 2);
    assert.equal((await post(app, note(seed, { text: longest }), { remoteAddress: '198.51.100.60' })).statusCode, 303);
    assert.ok((await notesAbout(seed)).some((n) => n.text === longest));
  });

  it('refuses bodies over the size cap before reading them, with a page that says why', async () => {
    const app = await newApp();
    const response = await post(app, note(seed, { text: 'x'.repeat(FEEDBACK_BODY_LIMIT) }));
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /Your note is too long to send/);
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('refuses bodies it cannot read, and forms that name no article', async () => {
    const app = await newApp();
    const multipart = await app.inject({
      method: 'POST',
      url: '/feedback',
      headers: { ...SAME_ORIGIN, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--',
    });
    assert.equal(multipart.statusCode, 415);
    assert.match(multipart.body, /The form could not be read/);
    const noArticle = await post(app, { kind: 'typo', text: 'which one?' });
    assert.equal(noArticle.statusCode, 400);
    assert.match(noArticle.body, /does not say which article/);
  });

  it('answers 404 for an article that does not exist or is not published, and stores nothing', async () => {
    const app = await newApp();
    for (const id of ['999999', String(draft.id)]) {
      const response = await post(app, { ...note(seed), article: id });
      assert.equal(response.statusCode, 404, id);
      assert.match(response.body, /not on the site/);
    }
    assert.deepEqual(await notesAbout(draft), []);
  });

  it('leaves GET /feedback to the site: a 404 page, not a form handler', async () => {
    const app = await newApp();
    assert.equal((await app.inject('/feedback')).statusCode, 404);
  });
});
