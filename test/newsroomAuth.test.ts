/**
 * The newsroom's doors, over HTTP: the first admin's set-up link, sign-in and out, forms that must come from this
 * site with the page's token, generic refusals, lockout, password reset by a single-use link, and the headers that
 * keep newsroom pages private.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { firstAdminSetup, openPeopleContext } from '../src/newsroom/index.ts';
import { buildServer } from '../src/server.ts';
import { localContentChanges, openStore, type Store } from '../src/store/index.ts';
import { NewsroomBrowser } from './helpers/newsroom.ts';

const PASSWORD = 'correct horse battery staple';

describe('newsroom sign-in', () => {
  let store: Store;
  let app: FastifyInstance;
  const logged: string[] = [];
  const config = loadConfig({ DATA_DIR: '/nonexistent', SECRET: 'test secret', SIGN_IN_MAX_FAILURES: '3', LOG_LEVEL: 'info' });

  before(async () => {
    store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
    const sink = new Writable({ write: (chunk, _encoding, done) => (logged.push(String(chunk)), done()) });
    app = await buildServer({ config, store, logger: pino({ level: 'info' }, sink) });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  async function setupPath(): Promise<string> {
    const context = openPeopleContext(config, store, localContentChanges(), { info: () => {} });
    const issued = await firstAdminSetup(context);
    await context.close();
    assert.ok(issued, 'an empty site has a set-up link');
    return new URL(issued.link).pathname;
  }

  test('the first admin sets up their account by the one-time link and lands on the desk; the link then is gone', async () => {
    const path = await setupPath();
    const browser = new NewsroomBrowser(app, '192.0.2.1');
    assert.equal((await browser.get(path)).statusCode, 200);
    assert.match(browser.lastPage, /name="email"/, 'the first admin gives their own address');
    const weak = await browser.post(path, { name: 'Ada', email: 'ada@example.org', password: 'qwertyqwerty', confirm: 'qwertyqwerty' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /common/i, 'a common password is refused, in words');
    const done = await browser.post(path, { name: 'Ada', email: 'ada@example.org', password: PASSWORD, confirm: PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/newsroom');
    const desk = await browser.get('/newsroom');
    assert.equal(desk.statusCode, 200);
    assert.match(desk.body, /My drafts/);
    assert.equal((await new NewsroomBrowser(app, '192.0.2.1').get(path)).statusCode, 410, 'single use');
    assert.equal(await firstAdminSetup(openPeopleContext(config, store, localContentChanges(), { info: () => {} })), null, 'printed once');
  });

  test('newsroom pages are private: no-store, noindex; anonymous visitors are sent to sign in', async () => {
    const browser = new NewsroomBrowser(app, '192.0.2.2');
    const desk = await browser.get('/newsroom');
    assert.equal(desk.statusCode, 303);
    assert.equal(desk.headers.location, '/newsroom/sign-in?next=%2Fnewsroom');
    const page = await browser.get('/newsroom/sign-in');
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['x-robots-tag'], 'noindex, nofollow');
    assert.match(page.body, /<meta name="robots" content="noindex, nofollow"/);
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.doesNotMatch(page.body, /<script/);
    const css = /href="(\/newsroom\/assets\/newsroom\.css\?v=\w+)"/.exec(page.body)?.[1];
    const sheet = await app.inject({ url: css! });
    assert.equal(sheet.statusCode, 200);
    assert.match(String(sheet.headers['cache-control']), /immutable/, 'the stylesheet is shared and cached, unlike pages');
    assert.equal(sheet.headers['set-cookie'], undefined, 'and it sets no cookie');
  });

  test('a sign-in gets a new session id every time; its cookie is HttpOnly and SameSite=Lax', async () => {
    const ids: string[] = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const browser = new NewsroomBrowser(app, '192.0.2.3');
      await browser.get('/newsroom/sign-in');
      const before = new Map(browser.cookies);
      const signedIn = await browser.post('/newsroom/sign-in', { email: 'ADA@example.org', password: PASSWORD });
      assert.equal(signedIn.statusCode, 303);
      const session = browser.cookies.get('newsdesk_session');
      assert.ok(session && ![...before.values()].includes(session), 'the id after sign-in is not one the visitor had');
      assert.match(String(signedIn.headers['set-cookie']), /newsdesk_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
      ids.push(session!);
    }
    assert.notEqual(ids[0], ids[1]);
  });

  test('forms from elsewhere or without the page token are refused with 403, and change nothing', async () => {
    const browser = new NewsroomBrowser(app, '192.0.2.4');
    await browser.get('/newsroom/sign-in');
    await browser.post('/newsroom/sign-in', { email: 'ada@example.org', password: PASSWORD });
    await browser.get('/newsroom');
    for (const [fields, headers] of [
      [{ _csrf: '' }, undefined],
      [{ _csrf: 'forged-token-forged-token-forged-token-abc' }, undefined],
      [{}, { origin: 'https://evil.example' }],
      [{}, { 'sec-fetch-site': 'cross-site' }],
    ] as const) {
      const refused = await browser.post('/newsroom/sign-out', fields, headers);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /could not be accepted/);
      assert.equal((await browser.get('/newsroom')).statusCode, 200, 'still signed in');
    }
    const out = await browser.post('/newsroom/sign-out', {});
    assert.equal(out.statusCode, 303);
    assert.equal((await browser.get('/newsroom')).statusCode, 303, 'signed out');
  });

  test('a wrong password and an unknown account get the same words; repeated failures lock, with an audit entry', async () => {
    const browser = new NewsroomBrowser(app, '192.0.2.5');
    await browser.get('/newsroom/sign-in');
    const unknown = await browser.post('/newsroom/sign-in', { email: 'nobody@example.org', password: PASSWORD });
    const wrong = await browser.post('/newsroom/sign-in', { email: 'locked@example.org', password: 'not the password at all' });
    const alert = (body: string) => /role="alert">([^<]*)</.exec(body)?.[1];
    assert.equal(unknown.statusCode, 400);
    assert.equal(alert(unknown.body), alert(wrong.body));
    assert.match(wrong.body, /value="locked@example.org"/, 'what was typed stays in the form');
    let response = wrong;
    for (let attempt = 0; attempt < 3 && response.statusCode !== 429; attempt += 1) {
      response = await browser.post('/newsroom/sign-in', { email: 'locked@example.org', password: 'still not it, sorry' });
    }
    assert.equal(response.statusCode, 429);
    assert.match(response.body, /Too many failed sign-ins/);
    assert.ok((await store.audit.count({ action: 'session.locked' })) >= 1);
    assert.ok((await store.audit.count({ action: 'session.sign_in_failed' })) >= 3);
  });

  test('forgot password: the same answer for any address; the link works once and ends other sessions', async () => {
    const signedIn = new NewsroomBrowser(app, '192.0.2.6');
    await signedIn.get('/newsroom/sign-in');
    await signedIn.post('/newsroom/sign-in', { email: 'ada@example.org', password: PASSWORD });
    const browser = new NewsroomBrowser(app, '192.0.2.6');
    await browser.get('/newsroom/forgot');
    const known = await browser.post('/newsroom/forgot', { email: 'ada@example.org' });
    const unknown = await browser.post('/newsroom/forgot', { email: 'nobody@example.org' });
    assert.equal(known.statusCode, 200);
    assert.equal(/role="status">([^<]*)</.exec(known.body)?.[1], /role="status">([^<]*)</.exec(unknown.body)?.[1]);
    const link = logged.map((line) => /\/newsroom\/reset\/[A-Za-z0-9_%-]+/.exec(line)?.[0]).filter(Boolean).at(-1);
    assert.ok(link, 'without SMTP the link is in the log');
    await browser.get(link!);
    const reset = await browser.post(link!, { email: 'ada@example.org', password: `${PASSWORD} again`, confirm: `${PASSWORD} again` });
    assert.equal(reset.statusCode, 303);
    assert.equal((await signedIn.get('/newsroom')).statusCode, 303, 'the old session ended');
    assert.equal((await browser.get(link!)).statusCode, 410, 'single use');
    await browser.get('/newsroom/sign-in');
    assert.equal((await browser.post('/newsroom/sign-in', { email: 'ada@example.org', password: `${PASSWORD} again` })).statusCode, 303);
  });
});
