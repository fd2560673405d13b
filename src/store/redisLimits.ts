import type { Redis, Result } from 'ioredis';
import { connectRedis } from './redisClient.ts';

/** A token bucket: `capacity` at once, one more every `refillMs`. */
export interface BucketRule {
  capacity: number;
  refillMs: number;
}

export type BucketTake = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Which page views count: one per reader and article in `repeatWindowMs`, at most `perSenderPerHour` a sender. */
export interface ViewRule {
  repeatWindowMs: number;
  perSenderPerHour: number;
}

export type ViewAdmission = 'counted' | 'repeat' | 'over-cap';

/** Abuse limits kept in Redis, so that every web process of a site draws on the same allowance. */
export interface RedisLimits {
  /** Takes one token from the bucket `key` at `now` (ms), or says how long until the next one. */
  take(key: string, rule: BucketRule, now: number): Promise<BucketTake>;
  /** Whether a view by `reader` (of one article) from `sender` counts at `now` (ms); counted views are remembered. */
  admitView(view: { reader: string; sender: string }, rule: ViewRule, now: number): Promise<ViewAdmission>;
  close(): Promise<void>;
}

/**
 * A limit check is on the request's path: when Redis does not answer within this long the caller is told so (and
 * may decide without it) instead of the reader waiting out ioredis's reconnect backoff, which grows to seconds.
 */
const COMMAND_TIMEOUT_MS = 250;
const HOUR_MS = 3_600_000;

/**
 * GCRA, the token bucket kept as one number: the time the bucket will be full again ("theoretical arrival time").
 * Taking a token moves it one refill later; the take is refused when that would put it more than a full bucket
 * ahead of now. The key expires when the bucket is full, since a full bucket and no bucket are the same.
 * Times are the caller's clock (ms), so a process whose clock is off by s ms is off by s ms in its allowance.
 */
const TAKE_TOKEN = `
local now = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
local stored = redis.call('GET', KEYS[1])
local full = math.max(stored and tonumber(stored) or now, now) + refill
local wait = full - now - capacity * refill
if wait > 0 then return wait end
redis.call('SET', KEYS[1], string.format('%d', full), 'PX', full - now)
return 0
`;

/**
 * One view: a repeat when the reader's last counted view of the article is within the window; over the cap when
 * the sender has had its views this clock hour; otherwise counted, and both remembered. A refused view is not
 * remembered, as in process memory. Both keys expire once they can no longer change a verdict.
 */
const ADMIT_VIEW = `
local now = tonumber(ARGV[1])
local last = redis.call('GET', KEYS[1])
if last and now - tonumber(last) < tonumber(ARGV[2]) then return 'repeat' end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[3]) then return 'over-cap' end
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 'counted'
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    takeToken(key: string, now: number, refillMs: number, capacity: number): Result<number, Context>;
    admitView(readerKey: string, senderKey: string, now: number, windowMs: number, cap: number, senderTtlMs: number): Result<ViewAdmission, Context>;
  }
}

/** Limits under `prefix` in the Redis at `url`; every key expires within the hour it was last touched. */
export function redisLimits(url: string, prefix: string): RedisLimits {
  const redis = connectRedis(url, { commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 });
  // A connection failure reaches the caller as a rejected command (the site logs the outage once); without a
  // listener ioredis would print every failed reconnect to the console.
  redis.on('error', () => {});
  redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
  redis.defineCommand('admitView', { numberOfKeys: 2, lua: ADMIT_VIEW });
  return {
    async take(key, rule, now) {
      const wait = await redis.takeToken(`${prefix}:bucket:${key}`, Math.floor(now), rule.refillMs, rule.capacity);
      return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
    },

    async admitView({ reader, sender }, rule, now) {
      const hour = Math.floor(now / HOUR_MS);
      // Kept a minute past the hour's end: another process's clock may still be in that hour.
      const senderTtlMs = (hour + 1) * HOUR_MS - Math.floor(now) + 60_000;
      return redis.admitView(
        `${prefix}:viewed:${reader}`,
        `${prefix}:sender-views:${sender}:${hour}`,
        Math.floor(now),
        rule.repeatWindowMs,
        rule.perSenderPerHour,
        senderTtlMs,
      );
    },

    async close() {
      // quit waits for commands in flight; a Redis that is down never answers it, so then just let go.
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
