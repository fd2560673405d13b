/**
 * Token buckets in process memory: each key (a sender, an article) holds up to `capacity` tokens, one refilled
 * every `refillMs`; an action takes one token or is refused with the wait until the next.
 *
 * This is the limiter of a site run as one process. Run as many, each process would grant the whole allowance
 * again, so the site then keeps its buckets in Redis behind the same interface (see limits/siteLimits.ts).
 */

export interface BucketRule {
  /** The burst allowed at once. */
  capacity: number;
  /** How long one token takes to come back. */
  refillMs: number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string): Promise<TakeResult>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Beyond this many keys the fullest buckets are forgotten: a full bucket is the same as no bucket. */
const DEFAULT_MAX_KEYS = 10_000;

export function tokenBuckets(rule: BucketRule, options: { now?: () => number; maxKeys?: number } = {}): RateLimiter {
  const { now = Date.now, maxKeys = DEFAULT_MAX_KEYS } = options;
  const buckets = new Map<string, Bucket>();

  const refilled = (bucket: Bucket, at: number): number =>
    Math.min(rule.capacity, bucket.tokens + (at - bucket.updatedAt) / rule.refillMs);

  /** Drops buckets that have refilled completely; if none has, the least recently used ones (Map order). */
  const shrink = (at: number) => {
    for (const [key, bucket] of buckets) if (refilled(bucket, at) >= rule.capacity) buckets.delete(key);
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  };

  return {
    async take(key) {
      const at = now();
      const bucket = buckets.get(key);
      const tokens = bucket ? refilled(bucket, at) : rule.capacity;
      if (bucket) {
        // Moved to the most-recently-used end: a sender still knocking is the last one to forget.
        buckets.delete(key);
        buckets.set(key, bucket);
      }
      if (tokens < 1) return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * rule.refillMs) };
      if (!bucket && buckets.size >= maxKeys) shrink(at);
      buckets.set(key, { tokens: tokens - 1, updatedAt: at });
      return { allowed: true };
    },
  };
}

/**
 * Who a request comes from, for limits: the IPv4 address, or the /64 of an IPv6 one. An IPv6 client is usually
 * handed a whole /64, so counting single addresses would let it rotate through billions of them.
 */
export function senderOf(ip: string): string {
  const address = ip.replace(/%.*$/, ''); // a zone index ("%eth0") names an interface, not a sender
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = address.includes('::') ? Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0') : [];
  const groups = [...headGroups, ...zeros, ...tailGroups];
  return `${groups.slice(0, 4).map((group) => (parseInt(group, 16) || 0).toString(16)).join(':')}::/64`;
}
