import type { Kysely, Selectable } from 'kysely';
import { ConflictError, NotFoundError, ValidationError, type Feed } from '../domain/index.ts';
import type { FeedRepository } from './repository.ts';
import { toUtcIso } from './rows.ts';
import type { Database, FeedTable } from './schema.ts';
import { violatedConstraint } from './errors.ts';

/** Feeds over any Kysely handle: the database itself, or a transaction. */
export function feedRepository(db: Kysely<Database>): FeedRepository {
  const select = () => db.selectFrom('feeds').selectAll();

  return {
    async add(feed, now) {
      const at = now.toISOString();
      try {
        const row = await db
          .insertInto('feeds')
          .values({
            url: feed.url,
            section: feed.section,
            source_name: feed.sourceName,
            publish_status: feed.publishStatus,
            poll_interval_seconds: feed.pollIntervalSeconds,
            next_poll_at: at,
            created_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return feedFromRow(row);
      } catch (error) {
        const violated = violatedConstraint(error);
        if (violated === 'unique') {
          throw new ConflictError(`Already following ${feed.url}`, { cause: error });
        }
        if (violated === 'foreign-key') {
          throw new ValidationError(`Section "${feed.section}" does not exist`, { cause: error });
        }
        throw error;
      }
    },

    async list() {
      return (await select().orderBy('id').execute()).map(feedFromRow);
    },

    async find(id) {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row && feedFromRow(row);
    },

    async findByUrl(url) {
      const row = await select().where('url', '=', url).executeTakeFirst();
      return row && feedFromRow(row);
    },

    async remove(id) {
      const result = await db.deleteFrom('feeds').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async due(now, limit) {
      const rows = await select()
        .where('next_poll_at', '<=', now.toISOString())
        .orderBy('next_poll_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(feedFromRow);
    },

    async recordPoll(id, result, now) {
      const at = now.toISOString();
      const nextPollAt = toUtcIso(result.nextPollAt, 'nextPollAt');
      let query = db.updateTable('feeds').where('id', '=', id);
      switch (result.status) {
        case 'ok':
          query = query.set({
            title: result.title,
            site_url: result.siteUrl,
            etag: result.etag,
            last_modified: result.lastModified,
            items_seen: result.itemsSeen,
            last_success_at: at,
            last_error: null,
            error_streak: 0,
          });
          break;
        case 'not-modified':
          query = query.set({ last_success_at: at, last_error: null, error_streak: 0 });
          break;
        case 'error':
          // The feed keeps its validators and items; only the error and the streak change.
          query = query.set((eb) => ({ last_error: result.error, error_streak: eb('error_streak', '+', 1) }));
          break;
      }
      const row = await query
        .set({ last_status: result.status, last_polled_at: at, next_poll_at: nextPollAt })
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`No feed with id ${id}`);
      return feedFromRow(row);
    },
  };
}

function feedFromRow(row: Selectable<FeedTable>): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteUrl: row.site_url,
    section: row.section,
    sourceName: row.source_name,
    publishStatus: row.publish_status,
    pollIntervalSeconds: row.poll_interval_seconds,
    etag: row.etag,
    lastModified: row.last_modified,
    nextPollAt: row.next_poll_at,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    errorStreak: row.error_streak,
    itemsSeen: row.items_seen,
    createdAt: row.created_at,
  };
}
