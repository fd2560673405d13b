import { sql, type Kysely } from 'kysely';
import { ValidationError } from '../domain/index.ts';
import type { AuthFailureRepository } from './peopleRepositories.ts';
import { toUtcIso } from './rows.ts';
import type { Database } from './schema.ts';

/** Sign-in failure counters over any Kysely handle (used when Redis is not configured). */
export function authFailureRepository(db: Kysely<Database>): AuthFailureRepository {
  return {
    async recordFailure(key, now, policy) {
      const at = toUtcIso(now, 'now');
      const time = Date.parse(at);
      const windowStart = new Date(time - seconds(policy.windowSeconds, 'windowSeconds') * 1000).toISOString();
      const lockEnd = new Date(time + seconds(policy.lockSeconds, 'lockSeconds') * 1000).toISOString();
      const maxFailures = policy.maxFailures;
      if (!Number.isInteger(maxFailures) || maxFailures < 1) throw new ValidationError(`maxFailures must be a positive whole number`);

      // One statement, so concurrent failures for a key each count: the row's lock serialises the updates.
      // Columns of the stored row are qualified: PostgreSQL finds a bare name ambiguous beside `excluded`.
      const expired = sql<boolean>`auth_failures.window_started_at <= ${windowStart}`;
      const failures = sql<number>`case when ${expired} then 1 else auth_failures.failures + 1 end`;
      const row = await db
        .insertInto('auth_failures')
        .values({ key, failures: 1, window_started_at: at, locked_until: maxFailures <= 1 ? lockEnd : null })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures,
            window_started_at: sql<string>`case when ${expired} then ${at} else auth_failures.window_started_at end`,
            locked_until: sql<string | null>`case
              when ${failures} >= ${maxFailures} then ${lockEnd}
              when auth_failures.locked_until > ${at} then auth_failures.locked_until
              else null end`,
          }),
        )
        .returning(['failures', 'locked_until'])
        .executeTakeFirstOrThrow();
      return { failures: Number(row.failures), lockedUntil: row.locked_until };
    },

    async lockedUntil(keys, now) {
      if (keys.length === 0) return null;
      const row = await db
        .selectFrom('auth_failures')
        .select((eb) => eb.fn.max('locked_until').as('until'))
        .where('key', 'in', keys)
        .where('locked_until', '>', toUtcIso(now, 'now'))
        .executeTakeFirst();
      return row?.until ?? null;
    },

    async clear(key) {
      await db.deleteFrom('auth_failures').where('key', '=', key).execute();
    },
  };
}

function seconds(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new ValidationError(`${field} must be a number of seconds, not ${value}`);
  return value;
}
