import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { redisLimits } from './redisLimits.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const START = Date.UTC(2026, 10, 25, 15, 0, 0);
const VIEWS = { repeatWindowMs: 30 * 60_000, perSenderPerHour: 3 };

describe('limits in Redis', () => {
  // This run's own keys: other runs in the same Redis neither mix in nor are touched, and all go at the end.
  const prefix = `newsdesk-test:${randomBytes(4).toString('hex')}`;
  const limits = redisLimits(REDIS_URL, prefix);
  const inspect = new Redis(REDIS_URL);
  after(async () => {
    const keys = await inspect.keys(`${prefix}:*`);
    if (keys.length > 0) await inspect.del(...keys);
    await Promise.all([limits.close(), inspect.quit()]);
  });

  test('a bucket allows its burst, then refuses with the wait until the next token', async () => {
    const rule = { capacity: 3, refillMs: 60_000 };
    const takes = [];
    for (let i = 0; i < 3; i++) takes.push((await limits.take('burst', rule, START)).allowed);
    assert.deepEqual(takes, [true, true, true]);
    assert.deepEqual(await limits.take('burst', rule, START), { allowed: false, retryAfterMs: 60_000 });
    assert.deepEqual(await limits.take('burst', rule, START + 45_000), { allowed: false, retryAfterMs: 15_000 });
    assert.equal((await limits.take('burst', rule, START + 60_000)).allowed, true);
    assert.equal((await limits.take('burst', rule, START + 60_000)).allowed, false);
    assert.equal((await limits.take('other', rule, START + 60_000)).allowed, true, 'keys do not share tokens');
  });

  test('a bucket never holds more than its capacity, and its key lives no longer than it takes to fill', async () => {
    const rule = { capacity: 2, refillMs: 1_000 };
    await limits.take('full', rule, START);
    const ttl = await inspect.pttl(`${prefix}:bucket:full`);
    assert.ok(ttl > 0 && ttl <= 1_000, `expires when full again (pttl ${ttl})`);
    const later = START + 3_600_000;
    const takes = [];
    for (let i = 0; i < 3; i++) takes.push((await limits.take('full', rule, later)).allowed);
    assert.deepEqual(takes, [true, true, false]);
  });

  test('a reader counts once per article in the window; the sender adds at most its hourly cap', async () => {
    const sender = 'sender-a';
    assert.equal(await limits.admitView({ reader: 'r1|7', sender }, VIEWS, START), 'counted');
    assert.equal(await limits.admitView({ reader: 'r1|7', sender }, VIEWS, START + 60_000), 'repeat');
    assert.equal(await limits.admitView({ reader: 'r1|8', sender }, VIEWS, START + 60_000), 'counted');
    assert.equal(await limits.admitView({ reader: 'r1|7', sender }, VIEWS, START + 31 * 60_000), 'counted', 'the window has passed');
    assert.equal(await limits.admitView({ reader: 'r1|9', sender }, VIEWS, START + 32 * 60_000), 'over-cap');
    assert.equal(await limits.admitView({ reader: 'r3|9', sender: 'sender-b' }, VIEWS, START + 32 * 60_000), 'counted', 'caps are per sender');
    assert.equal(await limits.admitView({ reader: 'r1|9', sender }, VIEWS, START + 61 * 60_000), 'counted', 'a new hour, a new cap');
    const ttl = await inspect.pttl(`${prefix}:sender-views:${sender}:${Math.floor(START / 3_600_000)}`);
    assert.ok(ttl > 0 && ttl <= 61 * 60_000, `the hour's count expires with the hour (pttl ${ttl})`);
  });

  test('a view refused for the cap is not remembered as seen', async () => {
    const rule = { repeatWindowMs: 30 * 60_000, perSenderPerHour: 1 };
    assert.equal(await limits.admitView({ reader: 'r2|1', sender: 'capped' }, rule, START), 'counted');
    assert.equal(await limits.admitView({ reader: 'r2|2', sender: 'capped' }, rule, START), 'over-cap');
    assert.equal(await limits.admitView({ reader: 'r2|2', sender: 'capped' }, rule, START + 3_600_000), 'counted');
  });
});
