import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { csrfTokenFor, csrfTokenMatches, hashToken, newToken } from './tokens.ts';

test('a new token is 32 random bytes in base64url: 43 characters, safe in a URL, never repeated', () => {
  const tokens = new Set<string>();
  for (let i = 0; i < 1_000; i++) {
    const token = newToken();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    tokens.add(token);
  }
  assert.equal(tokens.size, 1_000);
});

test('a token is stored as its SHA-256 in hex', () => {
  const token = newToken();
  assert.equal(hashToken(token), createHash('sha256').update(token).digest('hex'));
  assert.match(hashToken(token), /^[0-9a-f]{64}$/);
  assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.notEqual(hashToken(token), hashToken(newToken()));
});

test('a CSRF token is an HMAC of the session, matched only for that session and secret', () => {
  const secret = 'the site csrf secret, long and random';
  const session = hashToken(newToken());
  const other = hashToken(newToken());
  const token = csrfTokenFor(secret, session);
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(csrfTokenFor(secret, session), token, 'the same for the whole session: nothing to store');
  assert.equal(csrfTokenMatches(secret, session, token), true);
  assert.equal(csrfTokenMatches(secret, other, token), false, 'another session');
  assert.equal(csrfTokenMatches('another secret', session, token), false, 'another secret');
  assert.notEqual(csrfTokenFor(secret, other), token);
});

test('anything else offered as a CSRF token is refused, never an error', () => {
  const secret = 'the site csrf secret, long and random';
  const session = hashToken('session');
  const token = csrfTokenFor(secret, session);
  for (const given of [undefined, null, 42, {}, [token], Buffer.from(token), '', token.slice(1), `${token}x`, token.toUpperCase(), 'é'.repeat(43)]) {
    assert.equal(csrfTokenMatches(secret, session, given), false, String(given));
  }
  assert.throws(() => csrfTokenFor('', session), /secret is empty/);
});
