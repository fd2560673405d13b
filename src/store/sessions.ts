import type { Kysely, Selectable } from 'kysely';
import { ConflictError, NotFoundError } from '../domain/index.ts';
import type { SessionRepository, StoredSession } from './peopleRepositories.ts';
import { toUtcIso } from './rows.ts';
import type { Database, SessionTable } from './schema.ts';
import { userFromRow } from './users.ts';
import { violatedConstraint } from './errors.ts';

/** Signed-in sessions over any Kysely handle: the database itself, or a transaction. */
export function sessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(session) {
      const createdAt = toUtcIso(session.createdAt, 'createdAt');
      try {
        await db
          .insertInto('sessions')
          .values({
            id_hash: session.idHash,
            user_id: session.userId,
            created_at: createdAt,
            last_seen_at: createdAt,
            expires_at: toUtcIso(session.expiresAt, 'expiresAt'),
            address: session.address,
            user_agent: session.userAgent,
          })
          .execute();
      } catch (error) {
        const violated = violatedConstraint(error);
        if (violated === 'unique') {
          throw new ConflictError('A session with this id exists already', { cause: error });
        }
        if (violated === 'foreign-key') {
          throw new NotFoundError(`No user with id ${session.userId}`, { cause: error });
        }
        throw error;
      }
    },

    async findWithUser(idHash) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('sessions')
        .select([
          'users.email',
          'users.name',
          'users.role',
          'users.password_set_at',
          'users.disabled_at',
          'users.created_at as user_created_at',
          'users.updated_at as user_updated_at',
        ])
        .where('sessions.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const user = userFromRow({
        id: row.user_id,
        email: row.email,
        name: row.name,
        role: row.role,
        password_set_at: row.password_set_at,
        disabled_at: row.disabled_at,
        created_at: row.user_created_at,
        updated_at: row.user_updated_at,
      });
      return { session: sessionFromRow(row), user };
    },

    async touch(idHash, at) {
      await db.updateTable('sessions').set({ last_seen_at: toUtcIso(at, 'at') }).where('id_hash', '=', idHash).execute();
    },

    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteForUser(userId, exceptIdHash) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptIdHash !== undefined) query = query.where('id_hash', '!=', exceptIdHash);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async listForUser(userId) {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id_hash')
        .execute();
      return rows.map(sessionFromRow);
    },

    async deleteExpired(now, idleBefore) {
      const end = toUtcIso(now, 'now');
      const idle = toUtcIso(idleBefore, 'idleBefore');
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', end), eb('last_seen_at', '<', idle)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function sessionFromRow(row: Selectable<SessionTable>): StoredSession {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    address: row.address,
    userAgent: row.user_agent,
  };
}
