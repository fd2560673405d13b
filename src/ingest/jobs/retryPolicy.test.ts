import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExtractError, FetchError, ValidationError } from '../../domain/index.ts';
import { jobFailureOf } from './jobFailure.ts';
import { DEFAULT_BACKOFF, MAX_RETRY_AFTER_MS, retryDelayMs } from './retryPolicy.ts';

const SECOND = 1000;
const HOUR = 3600 * SECOND;

test('the backoff doubles from 30 s, less up to a quarter at random, and stops growing at 6 h', () => {
  const highest = (attempt: number) => retryDelayMs(attempt, {}, DEFAULT_BACKOFF, () => 0);
  const lowest = (attempt: number) => retryDelayMs(attempt, {}, DEFAULT_BACKOFF, () => 1);
  assert.deepEqual([1, 2, 3, 4].map(highest), [30 * SECOND, 60 * SECOND, 120 * SECOND, 240 * SECOND]);
  assert.deepEqual([1, 2, 3, 4].map(lowest), [22.5 * SECOND, 45 * SECOND, 90 * SECOND, 180 * SECOND]);
  assert.equal(highest(12), 6 * HOUR);
  assert.equal(highest(1000), 6 * HOUR, 'no overflow for a job retried for ever');
  for (let attempt = 1; attempt < 40; attempt++) {
    const delay = retryDelayMs(attempt, {});
    assert.ok(delay >= lowest(attempt) && delay <= highest(attempt), `attempt ${attempt}: ${delay}`);
  }
});

test("a longer Retry-After wins; a shorter one or a hostile one does not", () => {
  const noJitter = () => 0;
  assert.equal(retryDelayMs(1, { retryAfterMs: 2 * HOUR }, DEFAULT_BACKOFF, noJitter), 2 * HOUR);
  assert.equal(retryDelayMs(1, { retryAfterMs: 5 * SECOND }, DEFAULT_BACKOFF, noJitter), 30 * SECOND);
  assert.equal(retryDelayMs(1, { retryAfterMs: 365 * 24 * HOUR }, DEFAULT_BACKOFF, noJitter), MAX_RETRY_AFTER_MS);
  assert.equal(retryDelayMs(1, { retryAfterMs: -1 }, DEFAULT_BACKOFF, noJitter), 30 * SECOND);
});

test("a handler's error says whether to retry and when", () => {
  assert.deepEqual(jobFailureOf(new FetchError('503 from example.org', 'http-status', { status: 503, retryAfterMs: 120_000 })), {
    message: 'http-status: 503 from example.org',
    permanent: false,
    retryAfterMs: 120_000,
  });
  assert.equal(jobFailureOf(new FetchError('robots.txt disallows /a', 'robots')).permanent, true);
  // A page that is not there will not appear on a retry; a server error may pass.
  assert.equal(jobFailureOf(new FetchError('404 from example.org', 'http-status', { status: 404 })).permanent, true);
  assert.equal(jobFailureOf(new FetchError('410 from example.org', 'http-status', { status: 410 })).permanent, true);
  assert.equal(jobFailureOf(new FetchError('500 from example.org', 'http-status', { status: 500 })).permanent, false);
  assert.equal(jobFailureOf(new ExtractError('no article text')).permanent, true);
  assert.equal(jobFailureOf(new ValidationError('malformed payload')).permanent, true);
  assert.deepEqual(jobFailureOf(new Error('socket hang up')), { message: 'socket hang up' });
  assert.deepEqual(jobFailureOf('a string'), { message: 'a string' });
});
