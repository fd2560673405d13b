import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DeskListing, DeskQuery } from './repository.ts';
import { escapeLike, requireCount } from './queryChecks.ts';
import type { Database } from './schema.ts';

/**
 * The newsroom's article lists: every article whatever its state, most recently changed first, narrowed by
 * state, section, owner, source and words of the headline. Spiked articles are left out unless asked for by
 * state: a spike is a delete, recoverable only from the spiked list.
 */

type DeskFilter = Omit<DeskQuery, 'limit' | 'offset'>;

function filtered(db: Kysely<Database>, query: DeskFilter): SelectQueryBuilder<Database, 'articles', object> {
  let select = db.selectFrom('articles');
  const states = query.workflowStates ?? (query.workflowState ? [query.workflowState] : undefined);
  select = states?.length ? select.where('workflow_state', 'in', states) : select.where('workflow_state', '!=', 'spiked');
  if (query.section) select = select.where('section', '=', query.section);
  if (query.ownerId !== undefined) select = select.where('owner_id', '=', query.ownerId);
  if (query.fromFeeds) select = select.where('feed_id', 'is not', null);
  if (query.sourceSlug) select = select.where('source_slug', '=', query.sourceSlug);
  const words = query.text?.trim();
  if (words) {
    // Case-insensitive in both dialects (SQLite's LIKE folds ASCII only; lower() on both sides folds the rest
    // the same way in each): a headline search, not the reader site's full-text one.
    const pattern = `%${escapeLike(words.toLowerCase())}%`;
    select = select.where(sql<boolean>`lower(headline) like ${pattern} escape '\\'`);
  }
  return select;
}

export async function listForDesk(db: Kysely<Database>, query: DeskQuery): Promise<DeskListing[]> {
  requireCount(query.limit, 'limit');
  requireCount(query.offset, 'offset');
  const rows = await filtered(db, query)
    .select([
      'id', 'section', 'slug', 'headline', 'workflow_state', 'published_at', 'updated_at',
      'owner_id', 'byline', 'source_name', 'feed_id', 'scheduled_at',
    ])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    section: row.section,
    slug: row.slug,
    headline: row.headline,
    workflowState: row.workflow_state,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    ownerId: row.owner_id,
    byline: row.byline,
    sourceName: row.source_name,
    fromFeed: row.feed_id !== null,
    scheduledAt: row.scheduled_at,
  }));
}

export async function countForDesk(db: Kysely<Database>, query: DeskFilter): Promise<number> {
  const row = await filtered(db, query)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
