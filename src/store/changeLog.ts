import type { Kysely } from 'kysely';
import { CONTENT_CHANGE_OUTCOMES, type ContentChange } from '../domain/index.ts';
import type { ContentChangeRepository } from './repository.ts';
import type { Database } from './schema.ts';

/** The log of changes to published content (migration 0013), which web processes poll. */
export function contentChangeRepository(db: Kysely<Database>): ContentChangeRepository {
  return {
    async record(change, at) {
      const row = await db
        .insertInto('content_changes')
        .values({ article_id: change.articleId, section: change.section, outcome: change.outcome, changed_at: at.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async after(id, limit) {
      const rows = await db
        .selectFrom('content_changes')
        .select(['id', 'article_id', 'section', 'outcome'])
        .where('id', '>', id)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        articleId: row.article_id,
        section: row.section,
        outcome: CONTENT_CHANGE_OUTCOMES.includes(row.outcome) ? row.outcome : ('updated' satisfies ContentChange['outcome']),
      }));
    },

    async latestId() {
      const row = await db.selectFrom('content_changes').select((eb) => eb.fn.max('id').as('latest')).executeTakeFirst();
      return Number(row?.latest ?? 0);
    },

    async prune(before) {
      const result = await db.deleteFrom('content_changes').where('changed_at', '<', before.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
