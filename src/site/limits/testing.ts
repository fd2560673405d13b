import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisSiteLimits, type SiteLimits } from './siteLimits.ts';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Redis-backed limits for one test file: under a prefix of this run's own, so runs sharing a Redis never meet,
 * and, from `cleanUp` (call it in `after`), every connection closed and every key of the prefix deleted.
 */
export function redisLimitsForTests() {
  const prefix = `newsdesk-test:${randomBytes(4).toString('hex')}`;
  const opened: SiteLimits[] = [];
  return {
    prefix,
    /** Another "process" of the site: its own connection to the one Redis. */
    open(options: { now?: () => number } = {}): SiteLimits {
      const limits = redisSiteLimits(TEST_REDIS_URL, prefix, { warn: () => {}, info: () => {} }, options);
      opened.push(limits);
      return limits;
    },
    /** The keys the limits left, as Redis holds them. */
    async keys(): Promise<string[]> {
      const redis = new Redis(TEST_REDIS_URL);
      try {
        return await redis.keys(`${prefix}:*`);
      } finally {
        await redis.quit();
      }
    },
    async cleanUp(): Promise<void> {
      await Promise.all(opened.map((limits) => limits.close()));
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}
