/**
 * The newsroom's history and administration over HTTP: an article's revisions compared word by word and restored,
 * the audit log for admins, and the people page (invitations, roles, disabling, reset links). What anyone typed
 * comes out escaped.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { paragraphSection, type Role, type User } from '../src/domain/index.ts';
import { hashPassword } from '../src/newsroom/auth/passwords.ts';
import { createArticle, publishArticle, saveArticle, type Acting, type ArticleContent, type CommandContext } from '../src/newsroom/index.ts';
import { buildServer } from '../src/server.ts';
import { localContentChanges, openStore, type Store } from '../src/store/index.ts';
import { NewsroomBrowser } from './helpers/newsroom.ts';

const PASSWORD = 'correct horse battery staple';
const XSS = '<script>alert(1)</script>';
const words = (n: number, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function content(headline: string, body: string): ArticleContent {
  return { headline, dek: null, section: 'world', byline: 'By Ada', summary: null, lede: null, body: [paragraphSection(null, [body])], hero: null, source: null };
}

describe('newsroom history and people', () => {
  let store: Store;
  let app: FastifyInstance;
  let context: CommandContext;
  const config = loadConfig({ DATA_DIR: '/nonexistent', SECRET: 'test secret', SITE_URL: 'http://localhost:3000' });
  const people = new Map<Role, User>();
  let address = 10;

  before(async () => {
    store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
    await store.sections.ensure('World');
    const changes = localContentChanges();
    context = { store, changes, publishRules: config.publishRules };
    app = await buildServer({ config, store, logger: false, changes });
    for (const role of ['admin', 'editor', 'writer'] as const) {
      const user = await store.users.insert({ email: `${role}@example.org`, name: `The ${role}`, role, createdAt: new Date().toISOString() });
      await store.users.setPassword(user.id, await hashPassword(PASSWORD), new Date().toISOString());
      people.set(role, (await store.users.findById(user.id))!);
    }
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const acting = (role: Role): Acting => ({ actor: { kind: 'person', user: people.get(role)! }, address: '127.0.0.1' });

  /** A browser signed in (through the form) as `email`, from an address of its own. */
  async function signedIn(email: string, password = PASSWORD): Promise<NewsroomBrowser> {
    address += 1;
    const browser = new NewsroomBrowser(app, `192.0.2.${address}`);
    await browser.get('/newsroom/sign-in');
    const response = await browser.post('/newsroom/sign-in', { email, password });
    assert.equal(response.statusCode, 303, `${email} signs in`);
    return browser;
  }

  describe('revisions', () => {
    test('the list names every revision; the default comparison shows the words the last save changed', async () => {
      const article = await createArticle(context, acting('writer'), content('Council votes on the budget', `${words(100)} harbour`));
      const saved = await saveArticle(context, acting('writer'), { articleId: article.id, baseRevisionId: article.revisionId, content: content('Council approves the budget', `${words(100)} airport`) });
      const browser = await signedIn('writer@example.org');
      const page = await browser.get(`/newsroom/articles/${article.id}/revisions`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`${saved.revisionId}<strong> \\(current\\)`));
      assert.equal((page.body.match(/<td>saved<\/td>/g) ?? []).length, 2);
      assert.match(page.body, /<del><span class="visually-hidden">removed: <\/span>votes on<\/del>/);
      assert.match(page.body, /<ins><span class="visually-hidden">added: <\/span>approves<\/ins>/);
      assert.match(page.body, /<ins><span class="visually-hidden">added: <\/span>airport\s*<\/ins>/, 'the body is compared too');
      assert.match(page.body, /Unchanged:[^<]*Byline/);

      const same = await browser.get(`/newsroom/articles/${article.id}/revisions?from=${saved.revisionId}&to=${saved.revisionId}`);
      assert.match(same.body, /the same content/);
      const reversed = await browser.get(`/newsroom/articles/${article.id}/revisions?from=${saved.revisionId}&to=${article.revisionId}`);
      assert.match(reversed.body, /<ins><span class="visually-hidden">added: <\/span>harbour\s*<\/ins>/);
    });

    test('restoring makes a new revision with the old text, which readers see once it is published', async () => {
      const article = await createArticle(context, acting('editor'), content('Bridge reopens after repairs', `${words(100)} Tuesday`));
      const saved = await saveArticle(context, acting('editor'), { articleId: article.id, baseRevisionId: article.revisionId, content: content('Bridge stays closed', `${words(100)} Friday`) });
      const browser = await signedIn('editor@example.org');
      await browser.get(`/newsroom/articles/${article.id}/revisions`);
      const restored = await browser.post(`/newsroom/articles/${article.id}/revisions/${article.revisionId}/restore`, { baseRevisionId: String(saved.revisionId) });
      assert.equal(restored.statusCode, 303);
      assert.equal(restored.headers.location, `/newsroom/articles/${article.id}/revisions?restored=${article.revisionId}`);
      const now = (await store.articles.findById(article.id))!;
      assert.equal(now.headline, 'Bridge reopens after repairs');
      assert.ok(now.revisionId! > saved.revisionId!, 'a new revision, not a rewritten one');
      const page = await browser.get(restored.headers.location!);
      assert.match(page.body, new RegExp(`Revision ${article.revisionId} was restored`));
      assert.match(page.body, /<td>restored<\/td>/);

      await publishArticle(context, acting('editor'), article.id);
      const reader = await app.inject({ url: `/${now.section}/${now.slug}` });
      assert.equal(reader.statusCode, 200);
      assert.match(reader.body, /Bridge reopens after repairs/);
      assert.match(reader.body, /Tuesday/);
      assert.doesNotMatch(reader.body, /Friday/);
    });

    test('a restore over a save made meanwhile is a conflict (409), and nothing is overwritten', async () => {
      const article = await createArticle(context, acting('editor'), content('Library hours extended', words(100)));
      const browser = await signedIn('editor@example.org');
      await browser.get(`/newsroom/articles/${article.id}/revisions`);
      const saved = await saveArticle(context, acting('editor'), { articleId: article.id, baseRevisionId: article.revisionId, content: content('Library hours cut', words(100)) });
      const late = await browser.post(`/newsroom/articles/${article.id}/revisions/${article.revisionId}/restore`, { baseRevisionId: String(article.revisionId) });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /Someone saved this article/);
      assert.equal((await store.articles.findById(article.id))!.revisionId, saved.revisionId);
    });

    test("a writer may not open or restore others' articles (403)", async () => {
      const article = await createArticle(context, acting('editor'), content('Ferry timetable changes', words(100)));
      const writer = await signedIn('writer@example.org');
      assert.equal((await writer.get(`/newsroom/articles/${article.id}/revisions`)).statusCode, 403);
      await writer.get('/newsroom');
      const refused = await writer.post(`/newsroom/articles/${article.id}/revisions/${article.revisionId}/restore`, { baseRevisionId: String(article.revisionId) });
      assert.equal(refused.statusCode, 403);
      assert.equal((await store.articles.revisions(article.id)).length, 1, 'no revision was made');
    });

    test('signed out, the revisions page sends to sign in', async () => {
      const response = await new NewsroomBrowser(app).get('/newsroom/articles/1/revisions');
      assert.equal(response.statusCode, 303);
      assert.match(String(response.headers.location), /^\/newsroom\/sign-in\?next=/);
    });
  });
});
