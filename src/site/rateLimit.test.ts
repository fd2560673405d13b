import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { redisLimitsForTests } from './limits/testing.ts';
import { senderOf, tokenBuckets, type BucketRule, type RateLimiter } from './rateLimit.ts';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

async function takes(limiter: RateLimiter, key: string, count: number): Promise<boolean[]> {
  const allowed = [];
  for (let i = 0; i < count; i++) allowed.push((await limiter.take(key)).allowed);
  return allowed;
}

/** What every limiter does, wherever it keeps its buckets; `limiter` makes a fresh one on the given clock. */
function bucketContract(limiter: (rule: BucketRule, now: () => number) => RateLimiter) {
  test('a bucket allows its burst, then refuses with the wait until the next token', async () => {
    const time = clock();
    const limits = limiter({ capacity: 3, refillMs: 60_000 }, time.now);
    assert.deepEqual(await takes(limits, 'a', 3), [true, true, true]);
    assert.deepEqual(await limits.take('a'), { allowed: false, retryAfterMs: 60_000 });
    time.advance(45_000);
    assert.deepEqual(await limits.take('a'), { allowed: false, retryAfterMs: 15_000 });
    time.advance(15_000);
    assert.deepEqual(await takes(limits, 'a', 2), [true, false]);
  });

  test('keys do not share tokens, and a bucket never holds more than its capacity', async () => {
    const time = clock();
    const limits = limiter({ capacity: 2, refillMs: 1_000 }, time.now);
    await takes(limits, 'a', 2);
    assert.equal((await limits.take('a')).allowed, false);
    assert.equal((await limits.take('b')).allowed, true);
    time.advance(3_600_000);
    assert.deepEqual(await takes(limits, 'a', 3), [true, true, false]);
  });

  test('a refused take costs nothing: waiting out the advertised time is enough', async () => {
    const time = clock();
    const limits = limiter({ capacity: 1, refillMs: 10_000 }, time.now);
    await limits.take('a');
    assert.deepEqual(await takes(limits, 'a', 5), [false, false, false, false, false]);
    time.advance(10_000);
    assert.equal((await limits.take('a')).allowed, true);
  });
}

describe('token buckets in process memory', () => {
  bucketContract((rule, now) => tokenBuckets(rule, { now }));

  test('memory stays bounded however many senders come, and an empty bucket is not the one forgotten first', async () => {
    const time = clock();
    const limiter = tokenBuckets({ capacity: 1, refillMs: 3_600_000 }, { now: time.now, maxKeys: 100 });
    // 'flooder' empties its bucket first, then 1,000 other senders each take their one token.
    await limiter.take('flooder');
    for (let i = 0; i < 1_000; i++) {
      await limiter.take(`sender-${i}`);
      if (i % 50 === 0) assert.equal((await limiter.take('flooder')).allowed, false, 'the flooder stays refused');
    }
  });
});

describe('token buckets in Redis', () => {
  // Each test has its own limit name, and the file its own keys.
  const redis = redisLimitsForTests();
  after(() => redis.cleanUp());
  let limit = 0;
  bucketContract((rule, now) => redis.open({ now }).buckets(`limit-${limit++}`, rule));
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
