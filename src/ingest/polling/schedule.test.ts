import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_BACKOFF_SECONDS, nextPollAfterError, nextPollAfterSuccess } from './schedule.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const seconds = (date: Date) => (date.getTime() - NOW.getTime()) / 1000;

test('a healthy feed waits its interval', () => {
  assert.equal(seconds(nextPollAfterSuccess(900, NOW)), 900);
});

test('failures back off exponentially up to a day', () => {
  assert.deepEqual(
    [1, 2, 3, 4].map((streak) => seconds(nextPollAfterError(900, streak, NOW))),
    [900, 1800, 3600, 7200],
  );
  assert.equal(seconds(nextPollAfterError(900, 40, NOW)), MAX_BACKOFF_SECONDS);
});

test('Retry-After wins when it asks for longer, but never beyond the cap', () => {
  assert.equal(seconds(nextPollAfterError(60, 1, NOW, 600_000)), 600);
  assert.equal(seconds(nextPollAfterError(900, 1, NOW, 5_000)), 900);
  assert.equal(seconds(nextPollAfterError(60, 1, NOW, 10 * 86_400_000)), MAX_BACKOFF_SECONDS);
});
