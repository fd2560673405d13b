import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { ConfigError } from '../../domain/index.ts';
import { openStore, type Store } from '../../store/index.ts';
import { attemptKeys, databaseAttemptLimiter, redisAttemptLimiter, type AttemptLimiter, type FailurePolicy } from './attemptLimiter.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const POLICY: FailurePolicy = { windowSeconds: 15 * 60, maxFailures: 3, lockSeconds: 10 * 60 };

const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

/**
 * What both limiters must do. The Redis one keeps real TTLs beside the caller's times, so every scenario runs at
 * the real time (the Redis keys would expire on Redis's clock, not the one given).
 */
function behavesAsALimiter(limiter: () => AttemptLimiter) {
  test('a key locks at the limit, for the lock length, and is free again when it ends', async () => {
    const now = new Date();
    const [account, address] = attemptKeys(`lock-${randomBytes(3).toString('hex')}@example.org`, '192.0.2.1');
    assert.equal(await limiter().fail([account, address], now), 0);
    assert.equal(await limiter().fail([account, address], later(now, 1)), 0);
    assert.equal(await limiter().lockedFor([account, address], later(now, 1)), 0);
    assert.equal(await limiter().fail([account, address], later(now, 2)), 600, 'the third failure locks');
    assert.equal(await limiter().lockedFor([account], later(now, 2)), 600);
    assert.equal(await limiter().lockedFor([account, address], later(now, 2.5)), 600, 'rounded up');
    assert.equal(await limiter().lockedFor([account, address], later(now, 601.5)), 1, 'never 0 while time is left');
    assert.equal(await limiter().lockedFor([account, address], later(now, 602)), 0);
  });

  test('each key counts on its own, and a lock on either refuses the pair', async () => {
    const now = new Date();
    const email = `keys-${randomBytes(3).toString('hex')}@example.org`;
    const [account] = attemptKeys(email, '192.0.2.2');
    // Three addresses, one failure each: the account locks, none of the addresses does.
    for (const [i, ip] of ['192.0.2.10', '192.0.2.11', '192.0.2.12'].entries()) {
      await limiter().fail(attemptKeys(email, ip), later(now, i));
    }
    assert.equal(await limiter().lockedFor([attemptKeys(email, '192.0.2.10')[1]], later(now, 3)), 0);
    assert.equal(await limiter().lockedFor(attemptKeys(email, '192.0.2.99'), later(now, 3)), 599, 'the account is locked from anywhere');
    assert.equal(await limiter().lockedFor([account], later(now, 3)), 599);
    // A fourth failure, from a new address, reports the account's (new) lock, the longest of the pair's.
    assert.equal(await limiter().fail(attemptKeys(email, '192.0.2.13'), later(now, 4)), 600);
    assert.equal(await limiter().lockedFor([], now), 0);
    assert.equal(await limiter().fail([], now), 0);
  });

  test('a success clears the account’s count and lock; the address keeps its count', async () => {
    const now = new Date();
    const email = `success-${randomBytes(3).toString('hex')}@example.org`;
    const [account, address] = attemptKeys(email, '198.51.100.7');
    await limiter().fail([account, address], now);
    await limiter().fail([account, address], later(now, 1));
    await limiter().succeed(account);
    assert.equal(await limiter().fail([account, address], later(now, 2)), 600, 'the address reaches its third failure');
    assert.equal(await limiter().lockedFor([account], later(now, 2)), 0, 'the account starts again from one');
    await limiter().fail([account], later(now, 3));
    assert.equal(await limiter().fail([account], later(now, 4)), 600, '…and locks at its own third');
    await limiter().succeed(account);
    assert.equal(await limiter().lockedFor([account], later(now, 5)), 0, 'a success (a reset password) lifts the lock');
  });

  test('past the limit, every further failure locks again', async () => {
    const now = new Date();
    const [account] = attemptKeys(`again-${randomBytes(3).toString('hex')}@example.org`, '192.0.2.3');
    for (let i = 0; i < 3; i++) await limiter().fail([account], later(now, i));
    assert.equal(await limiter().lockedFor([account], later(now, 700)), 0, 'the lock has run out');
    assert.equal(await limiter().fail([account], later(now, 700)), 600, 'one more try, then locked again');
  });
}

describe('attempt keys', () => {
  test('the account by its lower-cased email; the address as given, IPv4-mapped unwrapped, IPv6 by its /64', () => {
    assert.deepEqual(attemptKeys(' Jane.Doe@Example.ORG ', '192.0.2.7'), ['account:jane.doe@example.org', 'address:192.0.2.7']);
    assert.equal(attemptKeys('a@b.example', '::ffff:192.0.2.7')[1], 'address:192.0.2.7');
    assert.equal(attemptKeys('a@b.example', '::FFFF:c000:0207')[1], 'address:192.0.2.7');
    assert.equal(attemptKeys('a@b.example', '2001:db8:1:2:3:4:5:6')[1], 'address:2001:db8:1:2::/64');
    assert.equal(attemptKeys('a@b.example', '2001:DB8:0001:0002::9')[1], 'address:2001:db8:1:2::/64');
    assert.equal(attemptKeys('a@b.example', '2001:db8::1')[1], 'address:2001:db8:0:0::/64');
    assert.equal(attemptKeys('a@b.example', 'fe80::1%eth0')[1], 'address:fe80:0:0:0::/64');
    assert.equal(attemptKeys('a@b.example', '::1')[1], 'address:0:0:0:0::/64');
    assert.equal(attemptKeys('a@b.example', 'unknown')[1], 'address:unknown');
  });
});

test('a policy that could not lock is refused when the limiter is made', () => {
  const repository = { recordFailure: async () => ({ failures: 0, lockedUntil: null }), lockedUntil: async () => null, clear: async () => {} };
  for (const policy of [
    { ...POLICY, lockSeconds: 0 },
    { ...POLICY, maxFailures: 0 },
    { ...POLICY, windowSeconds: 1.5 },
    { ...POLICY, lockSeconds: Number.NaN },
  ]) {
    assert.throws(() => databaseAttemptLimiter(repository, policy), ConfigError, JSON.stringify(policy));
    assert.throws(() => redisAttemptLimiter({} as Redis, policy, 'unused'), ConfigError, JSON.stringify(policy));
  }
});

describe('attempts limited in Redis', () => {
  // This run's own keys: other runs in the same Redis neither mix in nor are touched, and all go at the end.
  const prefix = `newsdesk-test:attempts:${randomBytes(4).toString('hex')}`;
  const redis = new Redis(REDIS_URL);
  const limiter = redisAttemptLimiter(redis, POLICY, prefix);
  after(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  behavesAsALimiter(() => limiter);

  test('20 failures at once all count, and the lock’s TTL is within the lock length', async () => {
    const policy = { windowSeconds: 900, maxFailures: 5, lockSeconds: 120 };
    const burst = redisAttemptLimiter(redis, policy, prefix);
    const now = new Date();
    const keys = attemptKeys('burst@example.org', '203.0.113.9');
    const locks = await Promise.all(Array.from({ length: 20 }, () => burst.fail(keys, now)));
    assert.equal(await redis.get(`${prefix}:failures:${keys[0]}`), '20');
    assert.equal(await redis.get(`${prefix}:failures:${keys[1]}`), '20');
    assert.equal(Math.max(...locks), 120);
    assert.ok(locks.filter((seconds) => seconds === 0).length <= 4, 'at most the first four went unlocked');
    for (const key of keys) {
      const lockTtl = await redis.pttl(`${prefix}:lock:${key}`);
      assert.ok(lockTtl > 0 && lockTtl <= 120_000, `lock pttl ${lockTtl}`);
      const countTtl = await redis.pttl(`${prefix}:failures:${key}`);
      assert.ok(countTtl > 0 && countTtl <= 900_000, `the count expires with its window (pttl ${countTtl})`);
    }
    assert.equal(await burst.lockedFor(keys, now), 120);
  });

  test('the window runs from the first failure: later failures do not extend it', async () => {
    const policy = { windowSeconds: 1, maxFailures: 3, lockSeconds: 60 };
    const quick = redisAttemptLimiter(redis, policy, prefix);
    const [account] = attemptKeys('window@example.org', '203.0.113.10');
    await quick.fail([account], new Date());
    await new Promise((resolve) => setTimeout(resolve, 600));
    await quick.fail([account], new Date());
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(await quick.fail([account], new Date()), 0, 'the first two went with their window');
    assert.equal(await redis.get(`${prefix}:failures:${account}`), '1');
  });
});

describe('attempts limited in the database', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
  });
  after(() => store.close());

  behavesAsALimiter(() => databaseAttemptLimiter(store.authFailures, POLICY));

  test('20 failures at once all count', async () => {
    const limiter = databaseAttemptLimiter(store.authFailures, { windowSeconds: 900, maxFailures: 5, lockSeconds: 120 });
    const now = new Date();
    const keys = attemptKeys('burst@example.org', '203.0.113.9');
    const locks = await Promise.all(Array.from({ length: 20 }, () => limiter.fail(keys, now)));
    assert.equal(Math.max(...locks), 120);
    assert.equal(await limiter.lockedFor(keys, now), 120);
    assert.equal((await store.authFailures.recordFailure(keys[0], now.toISOString(), POLICY)).failures, 21, 'twenty before this one');
  });
});
