/**
 * Throttling of failed sign-ins and password-reset attempts (ASVS 2.2.1), per account and per client address:
 * `maxFailures` failures within `windowSeconds` of a key's first one lock it for `lockSeconds`. While the count
 * stays at or past the limit (until the window ends), every further failure locks the key again, so after a lock
 * runs out a guesser gets one try per lock, not another `maxFailures`. A success clears the account's count.
 *
 * Kept in Redis when the site has it, so that every web process counts together; otherwise in the database.
 */
import { isIP } from 'node:net';
import type { Redis } from 'ioredis';
import { ConfigError } from '../../domain/index.ts';
import type { AuthFailureRepository, FailurePolicy } from '../../store/index.ts';

/** `maxFailures` in `windowSeconds` (from the first) lock a key for `lockSeconds`; the store declares it. */
export type { AuthFailureRepository, FailurePolicy };

export interface AttemptLimiter {
  /** Seconds until every given key is free again; 0 when none is locked. */
  lockedFor(keys: string[], now: Date): Promise<number>;
  /** Counts a failure against each key; returns the longest lock any of them now has, in seconds (0 if none). */
  fail(keys: string[], now: Date): Promise<number>;
  /** A success clears the key's count (the account's, not the address's). */
  succeed(key: string): Promise<void>;
}

/**
 * The keys a sign-in or reset attempt counts against: the account (by email, trimmed and lower-cased) and the
 * client address. An IPv4 address counts as itself (also when written IPv4-mapped, "::ffff:192.0.2.7"); an IPv6
 * address by its /64, the block one subscriber is given, since otherwise one client would have 2^64 addresses to
 * spread its guesses over.
 */
export function attemptKeys(email: string, address: string): [string, string] {
  return [`account:${email.trim().toLowerCase()}`, `address:${clientBlock(address)}`];
}

function clientBlock(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/u, '');
  if (isIP(plain) !== 6) return plain;
  const groups = ipv6Groups(plain);
  if (groups.slice(0, 5).every((group) => group === '0') && groups[5] === 'ffff') {
    const [high = 0, low = 0] = groups.slice(6).map((group) => parseInt(group, 16));
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight groups of a valid IPv6 address, without leading zeros: "2001:db8::1" → 2001 db8 0 0 0 0 0 1. */
function ipv6Groups(address: string): string[] {
  const toGroups = (part: string) => {
    if (part === '') return [];
    const groups = part.split(':');
    const last = groups.at(-1) ?? '';
    if (last.includes('.')) {
      const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number);
      groups.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    }
    return groups;
  };
  const [head = '', tail] = address.split('::');
  const front = toGroups(head);
  const back = tail === undefined ? [] : toGroups(tail);
  const zeros = Array.from({ length: 8 - front.length - back.length }, () => '0');
  return [...front, ...zeros, ...back].map((group) => parseInt(group, 16).toString(16));
}

/** Whole seconds from `now` until `until` (ms), rounded up so a lock with time left is never 0; 0 when past. */
function secondsUntil(untilMs: number, now: Date): number {
  const left = untilMs - now.getTime();
  return Number.isFinite(left) && left > 0 ? Math.ceil(left / 1000) : 0;
}

/** Whole seconds and a whole count of at least one each: Redis takes TTLs in whole units, and no lock is no limit. */
function checkedPolicy(policy: FailurePolicy): FailurePolicy {
  for (const field of ['windowSeconds', 'maxFailures', 'lockSeconds'] as const) {
    const value = policy[field];
    if (!Number.isInteger(value) || value < 1) throw new ConfigError(`The sign-in failure policy's ${field} must be a whole number of at least 1, not ${value}`);
  }
  return { ...policy };
}

function distinct(keys: string[]): string[] {
  return [...new Set(keys)];
}

/**
 * Counts under `prefix` in Redis. A key's count is `<prefix>:failures:<key>`, created with the window as its TTL
 * and incremented in the same MULTI (so the window runs from the first failure and concurrent failures are all
 * counted); a lock is `<prefix>:lock:<key>`, holding the time it ends (ms, the caller's clock) and expiring then.
 * The client is the caller's: this never closes it.
 */
export function redisAttemptLimiter(redis: Redis, givenPolicy: FailurePolicy, prefix: string): AttemptLimiter {
  const policy = checkedPolicy(givenPolicy);
  const countKey = (key: string) => `${prefix}:failures:${key}`;
  const lockKey = (key: string) => `${prefix}:lock:${key}`;

  const longestLock = (values: (string | null)[], now: Date) =>
    Math.max(0, ...values.map((value) => (value === null ? 0 : secondsUntil(Number(value), now))));

  return {
    async lockedFor(keys, now) {
      const unique = distinct(keys);
      if (unique.length === 0) return 0;
      return longestLock(await redis.mget(unique.map(lockKey)), now);
    },

    async fail(keys, now) {
      const unique = distinct(keys);
      if (unique.length === 0) return 0;
      // SET NX EX then INCR: the count starts at 0 with the window's TTL when there is none, and INCR keeps that
      // TTL. Works on any Redis (EXPIRE … NX needs 7.0), and a MULTI is atomic, so no failure is lost or
      // counted twice however many arrive at once.
      const counting = redis.multi();
      for (const key of unique) {
        counting.set(countKey(key), 0, 'EX', policy.windowSeconds, 'NX');
        counting.incr(countKey(key));
      }
      const counted = unchecked(await counting.exec());
      const lockUntil = now.getTime() + policy.lockSeconds * 1000;
      const locking = redis.multi();
      unique.forEach((key, i) => {
        if (Number(counted[2 * i + 1]) >= policy.maxFailures) {
          locking.set(lockKey(key), String(lockUntil), 'PX', policy.lockSeconds * 1000);
        }
      });
      locking.mget(unique.map(lockKey));
      const locked = unchecked(await locking.exec());
      return longestLock(locked.at(-1) as (string | null)[], now);
    },

    // With the count goes any lock (as the database's `clear` drops the key's row): a success means the key
    // was let through, and a reset password must not stay locked out.
    async succeed(key) {
      await redis.del(countKey(key), lockKey(key));
    },
  };
}

/** The replies of a MULTI, or its first error. */
function unchecked(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new Error('Redis discarded the transaction');
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

/** Counts in the database (`store.authFailures`, the `auth_failures` table), for a site without Redis. */
export function databaseAttemptLimiter(repository: AuthFailureRepository, givenPolicy: FailurePolicy): AttemptLimiter {
  const policy = checkedPolicy(givenPolicy);
  const secondsUntilIso = (until: string | null, now: Date) => (until === null ? 0 : secondsUntil(Date.parse(until), now));
  return {
    async lockedFor(keys, now) {
      const unique = distinct(keys);
      if (unique.length === 0) return 0;
      return secondsUntilIso(await repository.lockedUntil(unique, now.toISOString()), now);
    },

    async fail(keys, now) {
      let longest = 0;
      // One after another: each is a write, and SQLite takes one at a time anyway.
      for (const key of distinct(keys)) {
        const { lockedUntil } = await repository.recordFailure(key, now.toISOString(), policy);
        longest = Math.max(longest, secondsUntilIso(lockedUntil, now));
      }
      return longest;
    },

    async succeed(key) {
      await repository.clear(key);
    },
  };
}
