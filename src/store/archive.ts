import { type Kysely, sql } from 'kysely';
import { ValidationError, type ArticleCard } from '../domain/index.ts';
import { preparedQuery } from './prepared.ts';
import { CARD_COLUMNS, cardFromRow, type CardRow } from './rows.ts';
import type { ReadConnection } from './sqlite.ts';
import type { Database } from './schema.ts';

/**
 * The archive's reads: published articles by author (byline), by source and by publication time. Every read is
 * one range of an index, compiled once (see prepared.ts): author and source pages read
 * articles_byline/source_published_idx, the date archive reads articles_published_idx between two instants.
 */

// Types, not interfaces: prepared queries take them as their arguments (see preparedQuery's constraint).
export type Page = {
  limit: number;
  offset: number;
};

/** Instants as ISO-8601 UTC text: `from` ≤ publishedAt < `to`. */
export type TimeRange = {
  from: string;
  to: string;
};

/** One page of the published articles credited to a name, with the name as stored and how many there are. */
export interface CreditedArticles {
  /** The byline or source name of the newest such article, exactly as stored. */
  name: string;
  total: number;
  articles: ArticleCard[];
}

/** A day (YYYY-MM-DD, UTC) that has published articles, how many, and the newest change among them. */
export interface DayCount {
  day: string;
  count: number;
  lastModified: string;
}

export interface ArchiveRepository {
  /** Articles whose byline makes `slug` (see rows.ts creditSlug), newest first; undefined when there are none. */
  byAuthor(slug: string, page: Page): Promise<CreditedArticles | undefined>;
  /** Articles whose source name makes `slug`, newest first; undefined when there are none. */
  bySource(slug: string, page: Page): Promise<CreditedArticles | undefined>;
  /** Articles published in `range`, newest first, and how many there are in all. */
  publishedIn(range: TimeRange, page: Page): Promise<{ total: number; articles: ArticleCard[] }>;
  /** The UTC days in `range` that have published articles, in date order: one GROUP BY over the range. */
  daysIn(range: TimeRange): Promise<DayCount[]>;
  /**
   * When the nearest published articles outside `range` came out: the latest before it and the earliest after
   * it (null when there is none), so a page can link to the next day or month that has stories.
   */
  around(range: TimeRange): Promise<{ before: string | null; after: string | null }>;
}

type Credit = 'byline' | 'source';

const NAME_COLUMN = { byline: 'byline', source: 'source_name' } as const;
const SLUG_COLUMN = { byline: 'byline_slug', source: 'source_slug' } as const;

export function archiveRepository(db: Kysely<Database>, reader: ReadConnection | null = null): ArchiveRepository {
  const published = () => db.selectFrom('articles').where('status', '=', 'published');
  const newestFirst = () => published().orderBy('published_at', 'desc').orderBy('id', 'desc');

  const credited = (credit: Credit) => {
    const slugColumn = SLUG_COLUMN[credit];
    const name = preparedQuery<{ slug: string }, { name: string | null }>(
      db,
      (param) => newestFirst().select(sql.ref<string | null>(NAME_COLUMN[credit]).as('name')).where(slugColumn, '=', param('slug')).limit(1),
      reader,
    );
    const count = preparedQuery<{ slug: string }, { count: number | string }>(
      db,
      (param) => published().select((eb) => eb.fn.countAll<number | string>().as('count')).where(slugColumn, '=', param('slug')),
      reader,
    );
    const cards = preparedQuery<{ slug: string; limit: number; offset: number }, CardRow>(
      db,
      (param) =>
        newestFirst().select(CARD_COLUMNS).where(slugColumn, '=', param('slug')).limit(param('limit')).offset(param('offset')),
      reader,
    );
    return async (slug: string, page: Page): Promise<CreditedArticles | undefined> => {
      requirePage(page);
      const [[named], [counted], rows] = await Promise.all([name({ slug }), count({ slug }), cards({ slug, ...page })]);
      if (!named?.name) return undefined;
      return { name: named.name, total: Number(counted?.count ?? 0), articles: rows.map(cardFromRow) };
    };
  };

  const cardsInRange = preparedQuery<TimeRange & Page, CardRow>(
    db,
    (param) =>
      newestFirst()
        .select(CARD_COLUMNS)
        .where('published_at', '>=', param('from'))
        .where('published_at', '<', param('to'))
        .limit(param('limit'))
        .offset(param('offset')),
    reader,
  );
  const countInRange = preparedQuery<TimeRange, { count: number | string }>(
    db,
    (param) =>
      published()
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('published_at', '>=', param('from'))
        .where('published_at', '<', param('to')),
    reader,
  );
  // Times are ISO text in both dialects: the first ten characters are the UTC day, and max() of the text is
  // the latest time.
  const day = sql<string>`substr(published_at, 1, 10)`;
  const dayCounts = preparedQuery<TimeRange, { day: string; count: number | string; last_modified: string }>(
    db,
    (param) =>
      published()
        .select((eb) => [day.as('day'), eb.fn.countAll<number | string>().as('count'), eb.fn.max('updated_at').as('last_modified')])
        .where('published_at', '>=', param('from'))
        .where('published_at', '<', param('to'))
        .groupBy(day)
        .orderBy(day),
    reader,
  );
  const latestBefore = preparedQuery<{ time: string }, { published_at: string | null }>(
    db,
    (param) => newestFirst().select('published_at').where('published_at', '<', param('time')).limit(1),
    reader,
  );
  const earliestFrom = preparedQuery<{ time: string }, { published_at: string | null }>(
    db,
    (param) =>
      published().select('published_at').where('published_at', '>=', param('time')).orderBy('published_at').orderBy('id').limit(1),
    reader,
  );

  return {
    byAuthor: credited('byline'),
    bySource: credited('source'),

    async publishedIn(range, page) {
      requireRange(range);
      requirePage(page);
      const [[counted], rows] = await Promise.all([countInRange(range), cardsInRange({ ...range, ...page })]);
      return { total: Number(counted?.count ?? 0), articles: rows.map(cardFromRow) };
    },

    async daysIn(range) {
      requireRange(range);
      const rows = await dayCounts(range);
      return rows.map((row) => ({ day: row.day, count: Number(row.count), lastModified: row.last_modified }));
    },

    async around(range) {
      requireRange(range);
      const [[before], [after]] = await Promise.all([latestBefore({ time: range.from }), earliestFrom({ time: range.to })]);
      return { before: before?.published_at ?? null, after: after?.published_at ?? null };
    },
  };
}

function requirePage({ limit, offset }: Page): void {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new ValidationError('limit must be a whole number ≥ 0');
  if (!Number.isSafeInteger(offset) || offset < 0) throw new ValidationError('offset must be a whole number ≥ 0');
}

/** Both ends are compared as text with stored times, so both must be written as the store writes times. */
function requireRange({ from, to }: TimeRange): void {
  for (const time of [from, to]) {
    if (Number.isNaN(Date.parse(time)) || new Date(time).toISOString() !== time) {
      throw new ValidationError(`"${time}" is not a UTC time as the store writes it (YYYY-MM-DDTHH:MM:SS.sssZ)`);
    }
  }
}
