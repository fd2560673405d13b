import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedOrigins, isSameOriginPost } from './sameOrigin.ts';

const ALLOWED = allowedOrigins('https://news.example/', { protocol: 'http', host: '127.0.0.1:3000' });

test('the allowed origins are the public site and the address the request reached', () => {
  assert.deepEqual(ALLOWED, ['https://news.example', 'http://127.0.0.1:3000']);
  assert.deepEqual(allowedOrigins('not a url', { protocol: 'http', host: 'localhost:3000' }), ['http://localhost:3000']);
});

test('Sec-Fetch-Site decides when a browser sends it', () => {
  assert.equal(isSameOriginPost({ 'sec-fetch-site': 'same-origin', origin: 'null' }, ALLOWED), true);
  for (const site of ['cross-site', 'same-site', 'none']) {
    // Even with an Origin that would pass: the browser's own verdict wins.
    assert.equal(isSameOriginPost({ 'sec-fetch-site': site, origin: 'https://news.example' }, ALLOWED), false, site);
  }
});

test('Origin must be one of ours; "null" defers to the Referer', () => {
  assert.equal(isSameOriginPost({ origin: 'https://news.example' }, ALLOWED), true);
  assert.equal(isSameOriginPost({ origin: 'http://127.0.0.1:3000' }, ALLOWED), true);
  assert.equal(isSameOriginPost({ origin: 'https://evil.example' }, ALLOWED), false);
  assert.equal(isSameOriginPost({ origin: 'https://news.example.evil.example' }, ALLOWED), false);
  assert.equal(isSameOriginPost({ origin: 'http://news.example' }, ALLOWED), false, 'scheme counts');
  assert.equal(isSameOriginPost({ origin: 'null' }, ALLOWED), false);
  assert.equal(isSameOriginPost({ origin: 'null', referer: 'https://news.example/security/x' }, ALLOWED), true);
});

test('a Referer is judged by its origin; no header at all is refused', () => {
  assert.equal(isSameOriginPost({ referer: 'https://news.example/security/x?feedback=thanks' }, ALLOWED), true);
  assert.equal(isSameOriginPost({ referer: 'https://evil.example/https://news.example/' }, ALLOWED), false);
  assert.equal(isSameOriginPost({ referer: 'not a url' }, ALLOWED), false);
  assert.equal(isSameOriginPost({}, ALLOWED), false);
});
