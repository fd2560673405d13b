import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, describe, test } from 'node:test';
import { localLimits, redisSiteLimits, type SiteLimits } from './siteLimits.ts';
import { redisLimitsForTests } from './testing.ts';

const RULE = { capacity: 5, refillMs: 60_000 };
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0';

/** How many of `rounds` tries through each process in turn were allowed. */
async function allowedOf(limits: SiteLimits[], key: string, rounds: number): Promise<number> {
  const limiters = limits.map((one) => one.buckets('feedback-sender', RULE));
  let allowed = 0;
  for (let round = 0; round < rounds; round++) {
    for (const limiter of limiters) if ((await limiter.take(key)).allowed) allowed++;
  }
  return allowed;
}

/** A loopback port with nothing listening on it: a Redis that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('limits shared by processes through Redis', () => {
  const redis = redisLimitsForTests();
  // Two "processes" of one site: each its own connection, one Redis.
  const processes = [redis.open(), redis.open()];
  after(() => redis.cleanUp());

  test('two processes together allow a sender the limit once', async () => {
    // Each process asked in turn, ten times: fifty tries, five allowed.
    assert.equal(await allowedOf(processes, '203.0.113.7', 10), RULE.capacity);
  });

  test('in process memory the same two processes would each allow the whole limit', async () => {
    assert.equal(await allowedOf([localLimits(), localLimits()], '203.0.113.7', 10), 2 * RULE.capacity);
  });

  test('a view counted by one process is a repeat in the other', async () => {
    const [first, second] = processes.map((limits) => limits.viewGate());
    const hit = { articleId: 12, address: '203.0.113.8', userAgent: BROWSER };
    assert.equal(await first!.judge(hit), 'counted');
    assert.equal(await second!.judge(hit), 'repeat');
  });

  test('Redis keeps no address in the clear', async () => {
    const keys = await redis.keys();
    assert.ok(keys.length > 0);
    assert.deepEqual(keys.filter((key) => key.includes('203.0.113')), []);
  });
});

test('with Redis down each process falls back to its own limits, and says so once', async () => {
  const warnings: string[] = [];
  const log = { warn: (_details: object, message: string) => void warnings.push(message), info: () => {} };
  const limits = redisSiteLimits(`redis://127.0.0.1:${await closedPort()}`, 'newsdesk-test:down', log);
  try {
    assert.equal(await allowedOf([limits], '203.0.113.9', 10), RULE.capacity, 'the limit still holds, in this process');
    const hit = { articleId: 12, address: '203.0.113.9', userAgent: BROWSER };
    const gate = limits.viewGate();
    assert.deepEqual([await gate.judge(hit), await gate.judge(hit)], ['counted', 'repeat'], 'the gate still holds');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /Redis is unreachable/);
  } finally {
    await limits.close();
  }
});
