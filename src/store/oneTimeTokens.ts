import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, type OneTimePurpose } from '../domain/index.ts';
import type { OneTimeTokenRepository } from './peopleRepositories.ts';
import { toUtcIso } from './rows.ts';
import type { Database } from './schema.ts';
import { violatedConstraint } from './errors.ts';

/** One-time links (setup and reset) over any Kysely handle: the database itself, or a transaction. */
export function oneTimeTokenRepository(db: Kysely<Database>): OneTimeTokenRepository {
  /** Tokens of `purpose` that are unused and not expired at `now`. */
  const open = (purpose: OneTimePurpose, now: string) =>
    db
      .selectFrom('one_time_tokens')
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', toUtcIso(now, 'now'));

  return {
    async insert(token) {
      try {
        await db
          .insertInto('one_time_tokens')
          .values({
            token_hash: token.tokenHash,
            user_id: token.userId,
            purpose: token.purpose,
            created_at: toUtcIso(token.createdAt, 'createdAt'),
            expires_at: toUtcIso(token.expiresAt, 'expiresAt'),
          })
          .execute();
      } catch (error) {
        const violated = violatedConstraint(error);
        if (violated === 'unique') {
          throw new ConflictError('A one-time link with this token exists already', { cause: error });
        }
        if (violated === 'foreign-key') {
          throw new NotFoundError(`No user with id ${token.userId}`, { cause: error });
        }
        throw error;
      }
    },

    async peek(tokenHash, purpose, now) {
      const row = await open(purpose, now)
        .select(['user_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && { userId: row.user_id, expiresAt: row.expires_at };
    },

    async consume(tokenHash, purpose, now) {
      const at = toUtcIso(now, 'now');
      // One statement: of two requests with the same link, exactly one finds it unused.
      const row = await db
        .updateTable('one_time_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('user_id')
        .executeTakeFirst();
      return row && { userId: row.user_id };
    },

    async revokeForUser(userId, purpose, now) {
      const at = toUtcIso(now, 'now');
      await db
        .updateTable('one_time_tokens')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .execute();
    },

    async listOpen(purpose, now) {
      const rows = await open(purpose, now)
        .select(['user_id', 'created_at', 'expires_at'])
        .orderBy('created_at', 'desc')
        .orderBy('token_hash')
        .execute();
      // Newest first, so the first line of each user is their newest open token.
      const seen = new Set<number>();
      const listed: { userId: number; createdAt: string; expiresAt: string }[] = [];
      for (const row of rows) {
        if (seen.has(row.user_id)) continue;
        seen.add(row.user_id);
        listed.push({ userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at });
      }
      return listed;
    },
  };
}
