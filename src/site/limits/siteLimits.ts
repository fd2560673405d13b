import { createHash } from 'node:crypto';
import type { Config } from '../../config.ts';
import { redisLimits } from '../../store/index.ts';
import { tokenBuckets, type BucketRule, type RateLimiter } from '../rateLimit.ts';
import { createViewGate, localReaderMemory, VIEW_RULE, type ViewGate } from '../trending/viewGate.ts';
import { failover, type FailoverLog } from './failover.ts';

/** Where the site keeps its abuse limits: the feedback rate limits and the view gate of Trending. */
export interface SiteLimits {
  /** Token buckets for one limit; `name` keeps its keys apart from other limits'. */
  buckets(name: string, rule: BucketRule): RateLimiter;
  viewGate(): ViewGate;
  close(): Promise<void>;
}

/**
 * In Redis when the site has one, so that N web processes allow a sender the limit once, not N times; in process
 * memory otherwise (a site of one process, on SQLite).
 */
export function siteLimits(config: Partial<Pick<Config, 'redisUrl' | 'redisPrefix'>>, log: FailoverLog): SiteLimits {
  return config.redisUrl ? redisSiteLimits(config.redisUrl, `${config.redisPrefix ?? 'newsdesk'}:limits`, log) : localLimits();
}

export function localLimits(options: { now?: () => number } = {}): SiteLimits {
  return {
    buckets: (_name, rule) => tokenBuckets(rule, options),
    viewGate: () => createViewGate(options),
    close: async () => {},
  };
}

/** Limits under `prefix` in the Redis at `url`, each falling back to this process's own while Redis is down. */
export function redisSiteLimits(url: string, prefix: string, log: FailoverLog, options: { now?: () => number } = {}): SiteLimits {
  const { now = Date.now } = options;
  const redis = redisLimits(url, prefix);
  const guarded = failover(log);
  return {
    buckets(name, rule) {
      const local = tokenBuckets(rule, { now });
      // Keys are hashed: a sender's address is not kept in the clear, and every key has the same short length.
      const shared = (key: string) => redis.take(`${name}:${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`, rule, now());
      return { take: guarded(shared, local.take) };
    },
    viewGate() {
      const local = localReaderMemory();
      const shared = (view: { reader: string; sender: string }, at: number) => redis.admitView(view, VIEW_RULE, at);
      return createViewGate({ now, memory: { admit: guarded(shared, local.admit) } });
    },
    close: () => redis.close(),
  };
}
