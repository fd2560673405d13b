import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { NotFoundError, ValidationError } from '../domain/index.ts';
import { registerErrorPages, statusOf } from './errors.ts';

/** An app with the error pages and routes that fail in each way, its log lines collected. */
async function failingApp() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream } });
  registerErrorPages(app, 'CRBC News');
  app.get('/boom', async () => {
    throw new Error('database password is hunter2');
  });
  app.get('/missing', async () => {
    throw new NotFoundError('no article security/x in table articles');
  });
  app.get('/invalid', async () => {
    throw new ValidationError('The page number must be a whole number.');
  });
  app.get('/paged', { schema: { querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1 }, q: { type: 'string' } } } } }, async () => 'ok');
  app.post('/form', async () => 'ok');
  await app.ready();
  return { app, lines };
}

describe('statusOf', () => {
  it('maps domain error kinds once, and everything unknown to 500', () => {
    assert.equal(statusOf(new NotFoundError('x')), 404);
    assert.equal(statusOf(new ValidationError('x')), 400);
    assert.equal(statusOf(Object.assign(new Error('bad body'), { statusCode: 415 })), 415);
    assert.equal(statusOf(Object.assign(new Error('upstream'), { statusCode: 502 })), 500);
    assert.equal(statusOf(new Error('x')), 500);
    assert.equal(statusOf('a string'), 500);
  });
});

describe('error pages', () => {
  it('shows a 500 page with no message or stack, and logs the error', async () => {
    const { app, lines } = await failingApp();
    const response = await app.inject('/boom');
    assert.equal(response.statusCode, 500);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /^<!doctype html>/);
    assert.match(response.body, /<h1>Something went wrong<\/h1>/);
    assert.doesNotMatch(response.body, /hunter2|Error:|at .*\.ts:\d+/);
    assert.ok(lines.some((line) => line.includes('hunter2') && line.includes('"level":50')), 'logged at error level');
    await app.close();
  });

  it('answers JSON-only clients in JSON, still without details of a 500', async () => {
    const { app } = await failingApp();
    const response = await app.inject({ url: '/boom', headers: { accept: 'application/json' } });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), {
      statusCode: 500,
      error: 'Something went wrong',
      message: 'We could not show this page just now. The problem is on our side; please try again in a moment.',
    });
    const missing = await app.inject({ url: '/nowhere', headers: { accept: 'application/json' } });
    assert.deepEqual(missing.json(), {
      statusCode: 404,
      error: 'Page not found',
      message: 'We could not find that page. It may have moved, or the address may be mistyped.',
    });
    await app.close();
  });

  it('shows a styled 404 for unknown URLs and for not-found errors, without internal wording', async () => {
    const { app } = await failingApp();
    for (const path of ['/nowhere/at/all', '/missing']) {
      const response = await app.inject(path);
      assert.equal(response.statusCode, 404);
      assert.match(response.body, /<link rel="stylesheet" href="\/assets\/site.css\?v=/);
      assert.match(response.body, /<h1>Page not found<\/h1>/);
      assert.match(response.body, /<a href="\/">Go to the CRBC News home page<\/a>/);
      assert.doesNotMatch(response.body, /table articles/);
    }
    await app.close();
  });

  it('tells the reader what was wrong with a bad request', async () => {
    const { app } = await failingApp();
    const response = await app.inject({ url: '/invalid', headers: { accept: 'text/html,application/json;q=0.9' } });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /The page number must be a whole number./);
    await app.close();
  });

  it('words schema refusals per field for readers, never as the schema says them', async () => {
    const { app } = await failingApp();
    for (const page of ['abc', '0', '-1', '1.5', '2x', '']) {
      const response = await app.inject(`/paged?page=${page}`);
      assert.equal(response.statusCode, 400, page);
      assert.match(response.body, /That page number isn’t one we have. Page numbers are whole numbers like 2./, page);
      assert.doesNotMatch(response.body, /querystring|must be|integer|>=/, page);
      const json = await app.inject({ url: `/paged?page=${page}`, headers: { accept: 'application/json' } });
      assert.equal(json.json().message, 'That page number isn’t one we have. Page numbers are whole numbers like 2.');
    }
    const twice = await app.inject('/paged?q=a&q=b');
    assert.match(twice.body, /Search for one thing at a time/);
    await app.close();
  });

  it('never shows a framework message, even for a 4xx', async () => {
    const { app } = await failingApp();
    const response = await app.inject({ method: 'POST', url: '/form', headers: { 'content-type': 'application/x-unknown' }, payload: 'x' });
    assert.equal(response.statusCode, 415);
    assert.match(response.body, /<h1>We could not read what was sent<\/h1>/);
    assert.doesNotMatch(response.body, /Unsupported Media Type|application\/x-unknown|FST_/);
    const json = await app.inject({ method: 'POST', url: '/form', headers: { 'content-type': 'application/json', accept: 'application/json' }, payload: '{' });
    assert.equal(json.statusCode, 400);
    assert.doesNotMatch(json.body, /JSON|Unexpected|position|FST_/);
    await app.close();
  });
});
