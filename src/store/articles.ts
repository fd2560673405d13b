import { type Kysely, sql } from 'kysely';
import {
  ConflictError,
  IMPORT_STAMP,
  NotFoundError,
  StaleRevisionError,
  ValidationError,
  type Article,
  type ArticleCard,
  type ArticleLink,
  type RevisionStamp,
} from '../domain/index.ts';
import { countForDesk, listForDesk } from './desk.ts';
import { findRevision, insertRevision, listRevisions } from './revisions.ts';
import { escapeLike, requireCount } from './queryChecks.ts';
import { writeError } from './errors.ts';
import type { ArticleRepository, ArticleUpdate, NewArticle, PageQuery, StateChange } from './repository.ts';
import type { ReadConnection } from './sqlite.ts';
import { preparedQuery } from './prepared.ts';
import {
  ARTICLE_COLUMNS,
  CARD_COLUMNS,
  articleFromRow,
  cardFromRow,
  contentColumns,
  publishedFromRow,
  toUtcIso,
  type ArticleRow,
  type CardRow,
  type LinkRow,
  LINK_COLUMNS,
  linkFromRow,
} from './rows.ts';
import type { ArticleTable, Database } from './schema.ts';

/**
 * Articles over any Kysely handle: the database itself, or a transaction. `reader`, when given, serves the
 * reader site's hot reads (see sqlite.ts).
 */
export function articleRepository(db: Kysely<Database>, reader: ReadConnection | null = null): ArticleRepository {
  const published = () => db.selectFrom('articles').where('status', '=', 'published');

  // The reader site's hot reads, compiled once (see prepared.ts).
  const publishedBySlug = preparedQuery<{ section: string; slug: string }, ArticleRow>(db, (param) =>
    published().select(ARTICLE_COLUMNS).where('section', '=', param('section')).where('slug', '=', param('slug')),
    reader,
  );
  const listCards = newestPublished<CardRow, ArticleCard>(db, reader, CARD_COLUMNS, cardFromRow);
  const listLinks = newestPublished<LinkRow, ArticleLink>(db, reader, LINK_COLUMNS, linkFromRow);
  const sectionSlugs = preparedQuery<Record<string, never>, { slug: string }>(
    db,
    () => db.selectFrom('sections').select('slug').orderBy('position').orderBy('slug'),
    reader,
  );
  const publishedLink = preparedQuery<{ id: number }, LinkRow>(
    db,
    (param) => published().select(LINK_COLUMNS).where('id', '=', param('id')),
    reader,
  );

  /** The article whose `column` equals `value`; the oldest when several match (story hashes may repeat). */
  const findOne = async (column: 'id' | 'source_key' | 'canonical_url' | 'story_hash', value: string | number) => {
    const row = await db
      .selectFrom('articles')
      .select(ARTICLE_COLUMNS)
      .where(column, '=', value)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row && articleFromRow(row);
  };

  return {
    findById: (id) => findOne('id', id),
    findBySourceKey: (sourceKey) => findOne('source_key', sourceKey),
    findByCanonicalUrl: (canonicalUrl) => findOne('canonical_url', canonicalUrl),
    findByStoryHash: (storyHash) => findOne('story_hash', storyHash),

    async findExtraction(id) {
      const row = await db.selectFrom('articles').select('extraction').where('id', '=', id).executeTakeFirst();
      return row?.extraction ?? null;
    },

    revisions: (id) => listRevisions(db, id),
    revision: (articleId, revisionId) => findRevision(db, articleId, revisionId),

    async recordRevision(articleId, content, contentHash, at, stamp) {
      return insertRevision(db, articleId, content, contentHash, at, stamp);
    },

    // The article page: one lookup on the (section, slug) unique index.
    async findPublished(section, slug) {
      const [row] = await publishedBySlug({ section, slug });
      return row && publishedFromRow(row);
    },

    async slugsLike(section, base) {
      const rows = await db
        .selectFrom('articles')
        .select('slug')
        .where('section', '=', section)
        .where((eb) => eb.or([eb('slug', '=', base), sql<boolean>`slug like ${`${escapeLike(base)}-%`} escape '\\'`]))
        .execute();
      // SQLite's LIKE ignores ASCII case; slugs are lower case, but a caller's base need not be.
      return new Set(rows.map((r) => r.slug).filter((s) => s === base || s.startsWith(`${base}-`)));
    },

    // The article and its first revision together: every version, the first included, is in the history.
    async insert(article: NewArticle, stamp: RevisionStamp = IMPORT_STAMP): Promise<Article> {
      const values = {
        ...contentColumns(article),
        slug: article.slug,
        source_key: article.sourceKey,
        created_at: toUtcIso(article.createdAt, 'createdAt'),
      };
      const write = async (trx: Kysely<Database>) => {
        let inserted;
        try {
          inserted = await trx.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow();
        } catch (error) {
          throw writeError(error, `article "${article.slug}" in ${article.section}`, article.section);
        }
        const revisionId = await insertRevision(trx, inserted.id, article, article.contentHash, article.updatedAt, stamp);
        const row = await trx
          .updateTable('articles')
          .set({ revision_id: revisionId })
          .where('id', '=', inserted.id)
          .returning(ARTICLE_COLUMNS)
          .executeTakeFirstOrThrow();
        return articleFromRow(row);
      };
      return db.isTransaction ? write(db) : db.transaction().execute(write);
    },

    async changeState(id: number, change: StateChange): Promise<Article> {
      const onSite = change.workflowState === 'published';
      if (onSite && change.publishedAt === null) throw new ValidationError('a published article needs a publication time');
      const row = await db
        .updateTable('articles')
        .set({
          status: onSite ? 'published' : 'draft',
          workflow_state: change.workflowState,
          published_at: change.publishedAt === null ? null : toUtcIso(change.publishedAt, 'publishedAt'),
          scheduled_at: change.scheduledAt ? toUtcIso(change.scheduledAt, 'scheduledAt') : null,
          updated_at: toUtcIso(change.updatedAt, 'updatedAt'),
        })
        .where('id', '=', id)
        .$if(change.ifState !== undefined, (query) => query.where('workflow_state', '=', change.ifState!))
        .returning(ARTICLE_COLUMNS)
        .executeTakeFirst();
      if (row) return articleFromRow(row);
      if (change.ifState !== undefined && (await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst())) {
        throw new ConflictError(`article ${id} was moved by someone else meanwhile (it is no longer ${change.ifState.replace('_', ' ')})`);
      }
      throw new NotFoundError(`No article with id ${id}`);
    },

    listForDesk: (query) => listForDesk(db, query),
    countForDesk: (query) => countForDesk(db, query),

    async findAt(section: string, slug: string): Promise<Article | undefined> {
      const row = await db.selectFrom('articles').select(ARTICLE_COLUMNS).where('section', '=', section).where('slug', '=', slug).executeTakeFirst();
      return row && articleFromRow(row);
    },

    async isTakenDown(section: string, slug: string): Promise<boolean> {
      const row = await db
        .selectFrom('articles')
        .select('id')
        .where('section', '=', section)
        .where('slug', '=', slug)
        // Spiked after being on the site is taken down as well; a spiked draft was never there (404).
        .where('workflow_state', 'in', ['unpublished', 'spiked'])
        .where('published_at', 'is not', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    // The new version is recorded as a revision in the same transaction, and becomes the article's current one.
    // With `ifRevision`, the write happens only if the article is still at that revision (checked again by the
    // UPDATE itself, so a save racing another on PostgreSQL cannot slip between the read and the write).
    async update(id: number, update: ArticleUpdate, stamp: RevisionStamp = IMPORT_STAMP, ifRevision?: number | null): Promise<Article> {
      const write = async (trx: Kysely<Database>) => {
        const current = await trx.selectFrom('articles').select('revision_id').where('id', '=', id).executeTakeFirst();
        if (!current) throw new NotFoundError(`No article with id ${id}`);
        const stale = () => new StaleRevisionError(`article ${id} was saved by someone else since revision ${ifRevision}`, current.revision_id);
        if (ifRevision !== undefined && current.revision_id !== ifRevision) throw stale();
        const revisionId = await insertRevision(trx, id, update, update.contentHash, update.updatedAt, stamp);
        let query = trx.updateTable('articles').set({ ...contentColumns(update), revision_id: revisionId }).where('id', '=', id);
        if (ifRevision !== undefined) query = query.where('revision_id', ifRevision === null ? 'is' : '=', ifRevision);
        let row;
        try {
          row = await query.returning(ARTICLE_COLUMNS).executeTakeFirst();
        } catch (error) {
          throw writeError(error, `article ${id}`, update.section);
        }
        if (!row) throw stale();
        return articleFromRow(row);
      };
      return db.isTransaction ? write(db) : db.transaction().execute(write);
    },

    listPublished: listCards,

    async cardsByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await published()
        .select(CARD_COLUMNS)
        .where('id', 'in', [...ids])
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(cardFromRow);
    },
    listHeadlines: listLinks,

    // One prepared lookup an id: a list of a handful (Related) costs less so than one query of a new shape each time.
    async linksByIds(ids) {
      const links: ArticleLink[] = [];
      for (const id of ids) {
        const [row] = await publishedLink({ id });
        if (row) links.push(linkFromRow(row));
      }
      return links;
    },

    async countPublished(section) {
      let query = published().select((eb) => eb.fn.countAll<number | string>().as('count'));
      if (section !== undefined) query = query.where('section', '=', section);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.count);
    },

    // One query: rank each section's published articles newest first and keep the top `perSection`.
    // Sections come out in nav order, so a caller can walk the map as the home page lays it out.
    // One indexed read per section (section, published_at), in nav order: the cost follows the number of
    // sections, not of articles (a window over every published article grew with the archive).
    async latestPerSection(perSection) {
      requireCount(perSection, 'perSection');
      const sections = await sectionSlugs({});
      const bySection = new Map<string, ArticleCard[]>();
      for (const { slug } of sections) {
        const cards = await listCards({ section: slug, limit: perSection, offset: 0 });
        if (cards.length > 0) bySection.set(slug, cards);
      }
      return bySection;
    },
  };
}

/**
 * Published articles newest first, as `fromRow` shapes them, with the reader site's hot-path treatment: the
 * queries are compiled once (see prepared.ts) and the page size goes into the SQL as a literal, one query per
 * size, because SQLite runs `LIMIT 6` a third faster than `LIMIT ?` (measured on the article page's lists).
 */
function newestPublished<Row, Out>(
  db: Kysely<Database>,
  reader: ReadConnection | null,
  columns: ReadonlyArray<keyof ArticleTable & string>,
  fromRow: (row: Row) => Out,
): (query: PageQuery) => Promise<Out[]> {
  const newest = (limit: number) =>
    db
      .selectFrom('articles')
      .select(columns)
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(limit));
  const everywhere = byLimit((limit) =>
    preparedQuery<{ offset: number }, Row>(db, (param) => newest(limit).offset(param('offset')), reader),
  );
  const inSection = byLimit((limit) =>
    preparedQuery<{ section: string; offset: number }, Row>(
      db,
      (param) => newest(limit).where('section', '=', param('section')).offset(param('offset')),
      reader,
    ),
  );
  return async ({ section, limit, offset }) => {
    requireCount(limit, 'limit');
    requireCount(offset, 'offset');
    const rows = section === undefined ? await everywhere(limit)({ offset }) : await inSection(limit)({ section, offset });
    return rows.map(fromRow);
  };
}

/** Distinct page sizes kept compiled; more than this means a caller passes sizes from input, so start over. */
const MAX_COMPILED_LIMITS = 32;

/** One query per page size, made on first use (the limit is validated by the caller before it gets here). */
function byLimit<Query>(make: (limit: number) => Query): (limit: number) => Query {
  const queries = new Map<number, Query>();
  return (limit) => {
    let query = queries.get(limit);
    if (!query) {
      if (queries.size >= MAX_COMPILED_LIMITS) queries.clear();
      query = make(limit);
      queries.set(limit, query);
    }
    return query;
  };
}
