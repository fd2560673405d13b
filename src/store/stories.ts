import { sql, type Kysely } from 'kysely';
import { parseOverride, ValidationError, type RelatedLink, type StoryListing, type TimelineFact } from '../domain/index.ts';
import type { StoryArticle, StoryRepository } from './repository.ts';
import { cardFromRow, CARD_COLUMNS, toUtcIso, type CardRow } from './rows.ts';
import { preparedQuery } from './prepared.ts';
import type { Database } from './schema.ts';
import type { ReadConnection } from './sqlite.ts';
import { storyIndexOver, type StoryCache } from './storyIndex.ts';
import type { Dialect } from './repository.ts';

/**
 * Stories as the site and the CLI read them, the other sources' copies of an article, each article's stored
 * related list, and the story index the clusterer writes (storyIndex.ts). `reader`, when given, serves the
 * article and story pages' reads as prepared queries.
 */
export function storyRepository(
  db: Kysely<Database>,
  dialect: Dialect,
  cache: StoryCache,
  reader: ReadConnection | null = null,
): StoryRepository {
  const storyRow = preparedQuery<{ id: string }, StoryRowRead>(
    db,
    (param) => db.selectFrom('stories').select(STORY_COLUMNS).where('id', '=', param('id')),
    reader,
  );
  // A story's articles oldest first (its page) or newest first (More on this story under an article). The
  // cross join makes SQLite start from the story's members (its index on story_id) rather than walk every
  // published article in date order looking for them; PostgreSQL plans it as the inner join it is.
  const storyArticles = (newestFirst: boolean) =>
    preparedQuery<{ storyId: string; limit: number }, CardRow & { source_name: string | null }>(
      db,
      (param) =>
        db
          .selectFrom('article_enrichments')
          .crossJoin('articles')
          .whereRef('articles.id', '=', 'article_enrichments.article_id')
          .select([...CARD_COLUMNS.map((column) => `articles.${column}` as const), 'articles.source_name'])
          .where('article_enrichments.story_id', '=', param('storyId'))
          .where('articles.status', '=', 'published')
          .orderBy('articles.published_at', newestFirst ? 'desc' : 'asc')
          .orderBy('articles.id', newestFirst ? 'desc' : 'asc')
          .limit(param('limit')),
      reader,
    );
  const oldestOfStory = storyArticles(false);
  const newestOfStory = storyArticles(true);
  const copiesOf = preparedQuery<{ articleId: number }, { url: string; source_name: string | null; headline: string; seen_at: string }>(
    db,
    (param) =>
      db
        .selectFrom('article_copies')
        .select(['url', 'source_name', 'headline', 'seen_at'])
        .where('article_id', '=', param('articleId'))
        .orderBy('seen_at'),
    reader,
  );

  /** A story by id; a merged story's id leads to the story it merged into. */
  const find = async (id: string): Promise<StoryListing | undefined> => {
    const [row] = await storyRow({ id });
    if (!row) return undefined;
    if (row.merged_into) {
      const [survivor] = await storyRow({ id: row.merged_into });
      return survivor && listingFromRow(survivor);
    }
    return listingFromRow(row);
  };

  return {
    index: (options) => storyIndexOver(db, dialect, { ...options, cache }),

    async lockPlacement() {
      // Placements read what earlier ones wrote (IDF, centroids, postings): on PostgreSQL, where workers write
      // at once, they take turns for the rest of the transaction. SQLite has one writer at a time already.
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${PLACEMENT_LOCK})`.execute(db);
    },

    find,

    async articles(storyId, limit, order = 'oldest') {
      const rows = await (order === 'newest' ? newestOfStory : oldestOfStory)({ storyId, limit });
      return rows.map((row): StoryArticle => ({ ...cardFromRow(row), sourceName: row.source_name }));
    },

    async timelines(storyId, limit) {
      const rows = await db
        .selectFrom('article_enrichments')
        .crossJoin('articles') // members first, as above
        .whereRef('articles.id', '=', 'article_enrichments.article_id')
        .select(['articles.id', 'article_enrichments.timeline', 'article_enrichments.overrides'])
        .where('article_enrichments.story_id', '=', storyId)
        .where('articles.status', '=', 'published')
        .orderBy('articles.published_at')
        .limit(limit)
        .execute();
      // An editor's timeline replaces the computed one here too, checked as everywhere else it is shown.
      return rows.map((row) => ({ articleId: row.id, timeline: shownTimeline(row.timeline, row.overrides) }));
    },

    async largest({ since, limit }) {
      const rows = await db
        .selectFrom('stories')
        .select(STORY_COLUMNS)
        .where('merged_into', 'is', null)
        .where('last_seen', '>=', toUtcIso(since, 'since'))
        .orderBy('member_count', 'desc')
        .orderBy('last_seen', 'desc')
        .limit(limit)
        .execute();
      return rows.map(listingFromRow);
    },

    async addCopy(articleId, copy) {
      await db
        .insertInto('article_copies')
        .values({ article_id: articleId, url: copy.url, source_name: copy.sourceName, headline: copy.headline, seen_at: toUtcIso(copy.seenAt, 'seenAt') })
        .onConflict((oc) => oc.columns(['article_id', 'url']).doNothing())
        .execute();
    },

    async copiesOf(articleId) {
      const rows = await copiesOf({ articleId });
      return rows.map((row) => ({ url: row.url, sourceName: row.source_name, headline: row.headline, seenAt: row.seen_at }));
    },

    async setRelated(articleId, related) {
      await db.updateTable('article_enrichments').set({ related: JSON.stringify(related) }).where('article_id', '=', articleId).execute();
    },

    async relatedOf(articleIds) {
      const lists = new Map<number, RelatedLink[]>();
      if (articleIds.length === 0) return lists;
      const rows = await db
        .selectFrom('article_enrichments')
        .select(['article_id', 'related'])
        .where('article_id', 'in', [...articleIds])
        .execute();
      for (const row of rows) lists.set(row.article_id, row.related ? JSON.parse(row.related) : []);
      return lists;
    },
  };
}

/** The stored timeline, or the editor's override of it when that override has the right shape. */
function shownTimeline(timeline: string, overrides: string): TimelineFact[] {
  const override = (JSON.parse(overrides) as { timeline?: unknown }).timeline;
  if (override !== undefined) {
    try {
      return parseOverride('timeline', override);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
  return JSON.parse(timeline) as TimelineFact[];
}

/** Any fixed 64-bit key: it names the one lock story placement takes on PostgreSQL. */
const PLACEMENT_LOCK = 0x5370_7279;

const STORY_COLUMNS = ['id', 'headline', 'member_count', 'first_seen', 'last_seen', 'merged_into'] as const;
type StoryRowRead = { id: string; headline: string; member_count: number; first_seen: string | null; last_seen: string | null; merged_into: string | null };

function listingFromRow(row: StoryRowRead): StoryListing {
  return { id: row.id, headline: row.headline, articleCount: row.member_count, firstSeen: row.first_seen, lastSeen: row.last_seen };
}
