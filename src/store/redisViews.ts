import type { Redis } from 'ioredis';
import { connectRedis } from './redisClient.ts';
import { WINDOW_HOURS, type ViewTally } from '../domain/index.ts';

/** Keys live a little longer than the window, so the oldest hour is still there when it is weighed. */
const KEY_TTL_SECONDS = (WINDOW_HOURS + 2) * 3600;

/**
 * View counts in Redis, for a site run as many processes: one sorted set per clock hour (article id → views),
 * so every process adds to and ranks from the same counts. Ranking is a weighted union of the window's hours.
 */
export function redisViewTally(url: string, prefix = 'newsdesk:views'): ViewTally {
  const redis = connectRedis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const key = (hour: string) => `${prefix}:${hour}`;
  return {
    async add(counts) {
      if (counts.length === 0) return;
      const batch = redis.multi();
      for (const count of counts) batch.zincrby(key(count.hour), count.views, String(count.articleId));
      for (const hour of new Set(counts.map((count) => count.hour))) batch.expire(key(hour), KEY_TTL_SECONDS);
      await batch.exec();
    },

    async ranked(hours, limit) {
      if (hours.length === 0) return [];
      const target = `${prefix}:ranked:${process.pid}:${Math.random().toString(36).slice(2)}`;
      const result = await redis
        .multi()
        .zunionstore(target, hours.length, ...hours.map((h) => key(h.hour)), 'WEIGHTS', ...hours.map((h) => h.weight))
        .zrevrange(target, 0, limit - 1)
        .del(target)
        .exec();
      const ids = (result?.[1]?.[1] as string[] | undefined) ?? [];
      return ids.map(Number);
    },

    async close() {
      await redis.quit();
    },
  };
}
