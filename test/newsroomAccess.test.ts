/**
 * Every newsroom route × every kind of visitor: anonymous, contributor, writer, editor, admin, and the writer who
 * owns the article. The routes are read from the server itself, so a route added without a line here fails this
 * test; what each visitor should get is asked of the policy, not written down twice.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { paragraphSection, type Actor, type Article, type Role, type User } from '../src/domain/index.ts';
import { hashPassword } from '../src/newsroom/auth/index.ts';
import { can, createArticle, type Action } from '../src/newsroom/index.ts';
import { buildServer } from '../src/server.ts';
import { localContentChanges, openStore, type Store } from '../src/store/index.ts';
import { NewsroomBrowser } from './helpers/newsroom.ts';

const PASSWORD = 'correct horse battery staple';

/** What a route needs: nothing (the doors), a signed-in person, or a policy action (on the owner's draft). */
type Need = 'public' | 'signed-in' | Action | `view+${Action}`;

/** Every newsroom route, by method and path as the router prints it; `:id` is the owner's draft. */
const ROUTES: Record<string, { need: Need; body?: Record<string, string> }> = {
  'GET /newsroom': { need: 'signed-in' },
  'GET /newsroom/': { need: 'signed-in' },
  'GET /newsroom/assets/newsroom.css': { need: 'public' },
  'GET /newsroom/sign-in': { need: 'public' },
  'POST /newsroom/sign-in': { need: 'public', body: { email: 'nobody@example.org', password: 'not a password at all' } },
  'POST /newsroom/sign-out': { need: 'public' },
  'POST /newsroom/sign-out-everywhere': { need: 'public' },
  'GET /newsroom/forgot': { need: 'public' },
  'POST /newsroom/forgot': { need: 'public', body: { email: 'nobody@example.org' } },
  'GET /newsroom/setup/:token': { need: 'public' },
  'POST /newsroom/setup/:token': { need: 'public', body: { password: 'x', confirm: 'x' } },
  'GET /newsroom/reset/:token': { need: 'public' },
  'POST /newsroom/reset/:token': { need: 'public', body: { password: 'x', confirm: 'x' } },
  'GET /newsroom/articles': { need: 'signed-in' },
  'POST /newsroom/articles': { need: 'create', body: { headline: 'A new one', section: 'world', body: 'Text.' } },
  'GET /newsroom/articles/new': { need: 'create' },
  'GET /newsroom/articles/:id': { need: 'view' },
  'POST /newsroom/articles/:id': { need: 'view+edit', body: { headline: 'Edited', section: 'world', body: 'Text.' } },
  'GET /newsroom/articles/:id/preview': { need: 'view' },
  'POST /newsroom/articles/:id/preview': { need: 'view', body: { headline: 'Previewed', section: 'world', body: 'Text.' } },
  'POST /newsroom/articles/:id/submit': { need: 'view+submit' },
  'POST /newsroom/articles/:id/return': { need: 'view+review' },
  'POST /newsroom/articles/:id/publish': { need: 'view+publish' },
  'POST /newsroom/articles/:id/schedule': { need: 'view+schedule', body: { at: '2030-01-01T00:00:00Z' } },
  'POST /newsroom/articles/:id/unpublish': { need: 'view+unpublish' },
  'POST /newsroom/articles/:id/spike': { need: 'view+spike' },
  'POST /newsroom/articles/:id/restore': { need: 'view+restore' },
  'GET /newsroom/articles/:id/revisions': { need: 'view' },
  'POST /newsroom/articles/:id/revisions/:revisionId/restore': { need: 'view+edit' },
  'GET /newsroom/audit': { need: 'read_audit' },
  'GET /newsroom/people': { need: 'manage_people' },
  'POST /newsroom/people/invite': { need: 'manage_people', body: { email: 'new@example.org', name: 'New', role: 'nonsense' } },
  'POST /newsroom/people/:userId/role': { need: 'manage_people', body: { role: 'nonsense' } },
  'POST /newsroom/people/:userId/disabled': { need: 'manage_people', body: { disabled: '0' } },
  'POST /newsroom/people/:userId/reset-link': { need: 'manage_people' },
};

/** The routes the server has under /newsroom, as "METHOD /path" (HEAD left out: it answers as GET does). */
function newsroomRoutes(app: FastifyInstance): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack[depth] = match[2]!;
    const path = `/${stack.join('')}`.replace(/^\/+/, '/');
    if (!path.startsWith('/newsroom')) continue;
    for (const method of match[3]!.split(', ')) if (method !== 'HEAD') found.push(`${method} ${path}`);
  }
  return found;
}

describe('newsroom routes × visitors', () => {
  let store: Store;
  let app: FastifyInstance;
  const config = loadConfig({ DATA_DIR: '/nonexistent', SECRET: 'test secret', LOG_LEVEL: 'silent' });
  const visitors = new Map<string, { user: User | null; browser: NewsroomBrowser }>();
  let owner: User;

  before(async () => {
    store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
    await store.sections.ensure('World');
    app = await buildServer({ config, store, logger: false });
    const roles: [string, Role][] = [['contributor', 'contributor'], ['writer', 'writer'], ['editor', 'editor'], ['admin', 'admin'], ['owner', 'writer']];
    let address = 10;
    for (const [name, role] of roles) {
      const user = await store.users.insert({ email: `${name}@example.org`, name, role, createdAt: new Date().toISOString() });
      await store.users.setPassword(user.id, await hashPassword(PASSWORD), new Date().toISOString());
      const browser = new NewsroomBrowser(app, `192.0.2.${(address += 1)}`);
      await browser.get('/newsroom/sign-in');
      assert.equal((await browser.post('/newsroom/sign-in', { email: user.email, password: PASSWORD })).statusCode, 303);
      visitors.set(name, { user, browser });
      if (name === 'owner') owner = user;
    }
    visitors.set('anonymous', { user: null, browser: new NewsroomBrowser(app, '192.0.2.99') });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  test('the table names every newsroom route the server has, and no other', async () => {
    await app.ready();
    assert.deepEqual(newsroomRoutes(app).sort(), Object.keys(ROUTES).sort());
  });

  /** A fresh draft of the owner's for each request, so one visitor's move never changes what the next one meets. */
  async function ownersDraft() {
    const acting = { actor: { kind: 'person', user: owner } as Actor, address: null };
    const context = { store, changes: localContentChanges(), publishRules: config.publishRules };
    const words = Array.from({ length: 100 }, (_, n) => `word${n}`).join(' ');
    return createArticle(context, acting, {
      headline: 'The owner’s draft', dek: null, section: 'world', byline: null, summary: null, lede: null,
      body: [paragraphSection(null, [words])], hero: null, source: null,
    });
  }

  function expected(need: Need, user: User | null, article: Pick<Article, 'ownerId' | 'workflowState'>): 'public' | 'sign-in' | 'allowed' | 'refused' {
    if (need === 'public') return 'public';
    if (user === null) return 'sign-in';
    if (need === 'signed-in') return 'allowed';
    const actor: Actor = { kind: 'person', user };
    const actions = need.startsWith('view+') ? ['view', need.slice(5)] : [need];
    return actions.every((action) => can(actor, action as Action, article)) ? 'allowed' : 'refused';
  }

  test('each visitor gets what the policy says: sign in first, 403 when refused, never 403 or 5xx when allowed', async () => {
    const outcomes: string[] = [];
    for (const [route, { need, body }] of Object.entries(ROUTES)) {
      for (const [name, { user, browser }] of visitors) {
        const article = await ownersDraft();
        const [method, template] = route.split(' ') as ['GET' | 'POST', string];
        const url = template
          .replace(':id', String(article.id))
          .replace(':revisionId', String(article.revisionId))
          .replace(':userId', String(owner.id))
          .replace(':token', 'no-such-token');
        await browser.get(user ? '/newsroom' : '/newsroom/sign-in');
        const response = method === 'GET' ? await browser.get(url) : await browser.post(url, body ?? {});
        const status = response.statusCode;
        const want = expected(need, user, article);
        const ok =
          want === 'sign-in'
            ? status === 303 && String(response.headers.location).startsWith('/newsroom/sign-in')
            : want === 'refused'
              ? status === 403
              : status !== 403 && status < 500;
        if (!ok) outcomes.push(`${route} as ${name}: ${status} (expected ${want})`);
        if (user && method === 'POST' && route.includes('sign-out')) {
          // Signed out by the request itself: sign in again for the next route.
          await browser.get('/newsroom/sign-in');
          await browser.post('/newsroom/sign-in', { email: user.email, password: PASSWORD });
        }
      }
    }
    assert.deepEqual(outcomes, []);
  });
});
