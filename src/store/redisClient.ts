import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';

/**
 * A Redis connection. The client library is loaded on the first call, not when the store is imported: most
 * runs (the CLI, a single-process site) never use Redis and should not pay for loading it.
 */
export function connectRedis(url: string, options: RedisOptions): Redis {
  const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  return new RedisClient(url, options);
}
