import type { Kysely } from 'kysely';
import { archiveRepository } from './archive.ts';
import { auditRepository } from './audit.ts';
import { authFailureRepository } from './authFailures.ts';
import { contentChangeRepository } from './changeLog.ts';
import { articleRepository } from './articles.ts';
import { enrichmentRepository } from './enrichments.ts';
import { feedbackRepository } from './feedback.ts';
import { feedRepository } from './feeds.ts';
import { imageRepository } from './images.ts';
import { connectSqlite, openSqliteReader, type ReadConnection } from './sqlite.ts';
import { migrateToLatest } from './migrate.ts';
import { oneTimeTokenRepository } from './oneTimeTokens.ts';
import type { Dialect, Store } from './repository.ts';
import type { Database } from './schema.ts';
import { searchRepository } from './search.ts';
import { sectionRepository } from './sections.ts';
import { sessionRepository } from './sessions.ts';
import { sitemapRepository } from './sitemaps.ts';
import { storyRepository } from './stories.ts';
import { userRepository } from './users.ts';
import { viewRepository } from './views.ts';
import { StoryCache } from './storyIndex.ts';

export type * from './repository.ts';
export type * from './peopleRepositories.ts';
export type { MarkedText, SearchHit, SearchQuery, SearchResults } from './search.ts';
export type { ArchiveRepository, CreditedArticles, DayCount, TimeRange } from './archive.ts';
export type { ImageRepository, NewImage } from './images.ts';
export { ConflictError } from '../domain/index.ts';

export interface StoreOptions {
  /** postgres://… selects PostgreSQL; null selects SQLite at `sqliteFile`. */
  databaseUrl: string | null;
  /** SQLite database file (its folder is created); `:memory:` for a throwaway database. */
  sqliteFile: string;
  /** PostgreSQL only: keep every table in this schema (created if missing), e.g. to isolate a test run. */
  pgSchema?: string;
  /** Apply pending migrations on open (default true), so a fresh deployment needs no manual step. */
  migrate?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const dialect: Dialect = options.databaseUrl === null ? 'sqlite' : 'postgres';
  const db =
    options.databaseUrl === null
      ? connectSqlite(options.sqliteFile)
      : await (await import('./postgres.ts')).connectPostgres(options.databaseUrl, options.pgSchema);
  const pgSchema = dialect === 'postgres' ? options.pgSchema : undefined;
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db, pgSchema);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  // Opened after migrating: the read-only connection cannot create the database file or its tables.
  const reader = dialect === 'sqlite' ? openSqliteReader(options.sqliteFile) : null;
  return storeOver(db, dialect, pgSchema, reader);
}

function storeOver(db: Kysely<Database>, dialect: Dialect, pgSchema: string | undefined, reader: ReadConnection | null): Store {
  let closing: Promise<void> | undefined;
  // One for the store: placements in every transaction share the parsed stories.
  const storyCache = new StoryCache();
  return {
    dialect,
    articles: articleRepository(db, reader),
    sections: sectionRepository(db, reader),
    feeds: feedRepository(db),
    enrichments: enrichmentRepository(db, reader),
    stories: storyRepository(db, dialect, storyCache, reader),
    views: viewRepository(db, dialect),
    search: searchRepository(db, dialect, reader),
    sitemaps: sitemapRepository(db, reader),
    feedback: feedbackRepository(db),
    archive: archiveRepository(db, reader),
    images: imageRepository(db),
    changes: contentChangeRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    oneTimeTokens: oneTimeTokenRepository(db),
    audit: auditRepository(db),
    authFailures: authFailureRepository(db),
    transaction: (work) =>
      db.transaction().execute((trx) =>
        work({
          dialect,
          articles: articleRepository(trx),
          sections: sectionRepository(trx),
          feeds: feedRepository(trx),
          enrichments: enrichmentRepository(trx),
          stories: storyRepository(trx, dialect, storyCache),
          views: viewRepository(trx, dialect),
          search: searchRepository(trx, dialect),
          sitemaps: sitemapRepository(trx),
          feedback: feedbackRepository(trx),
          archive: archiveRepository(trx),
          images: imageRepository(trx),
          changes: contentChangeRepository(trx),
          users: userRepository(trx),
          sessions: sessionRepository(trx),
          oneTimeTokens: oneTimeTokenRepository(trx),
          audit: auditRepository(trx),
          authFailures: authFailureRepository(trx),
        }),
      ),
    migrate: () => migrateToLatest(db, pgSchema),
    close: () =>
      (closing ??= (async () => {
        reader?.close();
        await db.destroy();
      })()),
  };
}
export { redisViewTally } from './redisViews.ts';
export { CHANGE_POLL_MS, localContentChanges, loggedContentChanges, redisContentChanges } from './changes.ts';
export { redisLimits, type RedisLimits } from './redisLimits.ts';
export { connectRedis } from './redisClient.ts';
