import assert from 'node:assert/strict';
import { test } from 'node:test';
import { senderOf, tokenBuckets } from './rateLimit.ts';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

test('a bucket allows its burst, then refuses with the wait until the next token', () => {
  const time = clock();
  const limiter = tokenBuckets({ capacity: 3, refillMs: 60_000 }, { now: time.now });
  assert.deepEqual([1, 2, 3].map(() => limiter.take('a').allowed), [true, true, true]);
  assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterMs: 60_000 });
  time.advance(45_000);
  assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterMs: 15_000 });
  time.advance(15_000);
  assert.equal(limiter.take('a').allowed, true);
  assert.equal(limiter.take('a').allowed, false);
});

test('keys do not share tokens, and a bucket never holds more than its capacity', () => {
  const time = clock();
  const limiter = tokenBuckets({ capacity: 2, refillMs: 1_000 }, { now: time.now });
  limiter.take('a');
  limiter.take('a');
  assert.equal(limiter.take('a').allowed, false);
  assert.equal(limiter.take('b').allowed, true);
  time.advance(3_600_000);
  assert.deepEqual([1, 2, 3].map(() => limiter.take('a').allowed), [true, true, false]);
});

test('a refused take costs nothing: waiting out the advertised time is enough', () => {
  const time = clock();
  const limiter = tokenBuckets({ capacity: 1, refillMs: 10_000 }, { now: time.now });
  limiter.take('a');
  for (let i = 0; i < 5; i++) assert.equal(limiter.take('a').allowed, false);
  time.advance(10_000);
  assert.equal(limiter.take('a').allowed, true);
});

test('memory stays bounded however many senders come, and an empty bucket is not the one forgotten first', () => {
  const time = clock();
  const limiter = tokenBuckets({ capacity: 1, refillMs: 3_600_000 }, { now: time.now, maxKeys: 100 });
  // 'flooder' empties its bucket first, then 1,000 other senders each take their one token.
  limiter.take('flooder');
  for (let i = 0; i < 1_000; i++) {
    limiter.take(`sender-${i}`);
    if (i % 50 === 0) assert.equal(limiter.take('flooder').allowed, false, 'the flooder stays refused');
  }
});

test('a sender is an IPv4 address or an IPv6 /64, however the address is written', () => {
  assert.equal(senderOf('203.0.113.7'), '203.0.113.7');
  assert.equal(senderOf('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(senderOf('2001:db8:aa:bb:1:2:3:4'), '2001:db8:aa:bb::/64');
  assert.equal(senderOf('2001:0db8:00aa:00bb:ffff::1'), '2001:db8:aa:bb::/64');
  assert.equal(senderOf('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(senderOf('2001:db8::1'), senderOf('2001:db8:0:0:dead:beef:0:1'));
  assert.equal(senderOf('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(senderOf('::1'), '0:0:0:0::/64');
});
