import { type Kysely, sql } from 'kysely';
import { NotFoundError, ValidationError, type Article, type ArticleCard, type ArticleLink } from '../domain/index.ts';
import { writeError } from './errors.ts';
import type { ArticleRepository, ArticleUpdate, DeskListing, DeskQuery, NewArticle, PageQuery, StateChange } from './repository.ts';
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

    async revisions(id) {
      const rows = await db
        .selectFrom('article_revisions')
        .select(['id', 'snapshot', 'created_at'])
        .where('article_id', '=', id)
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => ({ id: row.id, article: JSON.parse(row.snapshot) as Article, replacedAt: row.created_at }));
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

    async insert(article: NewArticle): Promise<Article> {
      const values = {
        ...contentColumns(article),
        slug: article.slug,
        source_key: article.sourceKey,
        created_at: toUtcIso(article.createdAt, 'createdAt'),
      };
      try {
        const row = await db.insertInto('articles').values(values).returning(ARTICLE_COLUMNS).executeTakeFirstOrThrow();
        return articleFromRow(row);
      } catch (error) {
        throw writeError(error, `article "${article.slug}" in ${article.section}`, article.section);
      }
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
          updated_at: toUtcIso(change.updatedAt, 'updatedAt'),
        })
        .where('id', '=', id)
        .returning(ARTICLE_COLUMNS)
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`No article with id ${id}`);
      return articleFromRow(row);
    },

    async listForDesk({ workflowState, limit, offset }: DeskQuery): Promise<DeskListing[]> {
      requireCount(limit, 'limit');
      requireCount(offset, 'offset');
      let query = db
        .selectFrom('articles')
        .select(['id', 'section', 'slug', 'headline', 'workflow_state', 'published_at', 'updated_at'])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset);
      if (workflowState) query = query.where('workflow_state', '=', workflowState);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        section: row.section,
        slug: row.slug,
        headline: row.headline,
        workflowState: row.workflow_state,
        publishedAt: row.published_at,
        updatedAt: row.updated_at,
      }));
    },

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
        .where('workflow_state', '=', 'unpublished')
        .executeTakeFirst();
      return row !== undefined;
    },

    async update(id: number, update: ArticleUpdate): Promise<Article> {
      // Keep the version being replaced, in the same transaction, so no edit (by an editor or by the source)
      // loses what readers saw.
      const replace = async (trx: Kysely<Database>) => {
        const current = await trx.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
        if (!current) throw new NotFoundError(`No article with id ${id}`);
        await trx
          .insertInto('article_revisions')
          .values({
            article_id: id,
            snapshot: JSON.stringify(articleFromRow(current)),
            content_hash: current.content_hash,
            created_at: toUtcIso(update.updatedAt, 'updatedAt'),
          })
          .execute();
        try {
          const row = await trx
            .updateTable('articles')
            .set(contentColumns(update))
            .where('id', '=', id)
            .returning(ARTICLE_COLUMNS)
            .executeTakeFirstOrThrow();
          return articleFromRow(row);
        } catch (error) {
          throw writeError(error, `article ${id}`, update.section);
        }
      };
      return db.isTransaction ? replace(db) : db.transaction().execute(replace);
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

function requireCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new ValidationError(`${name} must be a whole number ≥ 0`);
}

/** `a_b` must match itself, not `a` + any character + `b`. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
