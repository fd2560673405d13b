import { sql, type Kysely } from 'kysely';
import { WINDOW_HOURS, hourOf, type ViewTally } from '../domain/index.ts';
import type { Dialect } from './repository.ts';
import type { Database } from './schema.ts';

/**
 * View counts in the database (article_views, migration 0009): the tally a single-process site uses. Each call
 * is one statement whatever the batch's size (the batch travels as one JSON parameter), and hours that have left
 * the trending window are deleted as new ones arrive.
 */
export function viewRepository(db: Kysely<Database>, dialect: Dialect): ViewTally {
  let prunedBefore = '';
  return {
    async add(counts) {
      if (counts.length === 0) return;
      const batch = JSON.stringify(counts.map((c) => ({ h: c.hour, a: c.articleId, v: c.views })));
      const rows =
        dialect === 'sqlite'
          ? sql`select json_extract(value, '$.h') as hour, json_extract(value, '$.a') as article_id, json_extract(value, '$.v') as views from json_each(${batch})`
          : sql`select h as hour, a as article_id, v as views from jsonb_to_recordset(${batch}::jsonb) as x(h text, a integer, v integer)`;
      // An article deleted since it was read is skipped, not a failed batch.
      await sql`
        insert into article_views (hour, article_id, views)
        select counted.hour, counted.article_id, counted.views from (${rows}) as counted
        where exists (select 1 from articles where articles.id = counted.article_id)
        on conflict (hour, article_id) do update set views = article_views.views + excluded.views
      `.execute(db);
      const oldest = hourOf(Date.parse(`${counts[0]!.hour}:00:00Z`) - WINDOW_HOURS * 3_600_000);
      if (oldest !== prunedBefore) {
        await db.deleteFrom('article_views').where('hour', '<', oldest).execute();
        prunedBefore = oldest;
      }
    },

    async ranked(hours, limit) {
      if (hours.length === 0) return [];
      const weights = JSON.stringify(hours);
      const weighted =
        dialect === 'sqlite'
          ? sql`select json_extract(value, '$.hour') as hour, json_extract(value, '$.weight') as weight from json_each(${weights})`
          : sql`select hour, weight from jsonb_to_recordset(${weights}::jsonb) as w(hour text, weight float8)`;
      const { rows } = await sql<{ article_id: number }>`
        select v.article_id from article_views v
        join (${weighted}) as w on w.hour = v.hour
        join articles a on a.id = v.article_id and a.status = 'published'
        group by v.article_id
        order by sum(v.views * w.weight) desc, v.article_id desc
        limit ${limit}
      `.execute(db);
      return rows.map((row) => Number(row.article_id));
    },

    async close() {},
  };
}
