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
    assert.deepEqual(response.json(), { statusCode: 500, error: 'Internal Server Error' });
    const missing = await app.inject({ url: '/nowhere', headers: { accept: 'application/json' } });
    assert.deepEqual(missing.json(), { statusCode: 404, error: 'Not Found' });
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
});
