import type { Kysely, Selectable } from 'kysely';
import {
  ConflictError,
  NotFoundError,
  parseOverride,
  ValidationError,
  type ArticleEnrichment,
  type ArticleEntity,
  type EnrichmentField,
} from '../domain/index.ts';
import type { EnrichmentRepository } from './repository.ts';
import { toUtcIso } from './rows.ts';
import { preparedQuery } from './prepared.ts';
import type { ArticleEnrichmentTable, Database } from './schema.ts';
import type { ReadConnection } from './sqlite.ts';

interface NeighbourRow {
  id: number;
  section: string;
  published_at: string | null;
  entity_slug: string;
}

/**
 * Enrichments over any Kysely handle: the database itself, or a transaction. `reader`, when given, serves the
 * article page's reads (its enrichment and its entity neighbours) as prepared queries (see prepared.ts).
 */
export function enrichmentRepository(db: Kysely<Database>, reader: ReadConnection | null = null): EnrichmentRepository {
  const run = <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);

  const enrichmentOf = preparedQuery<{ articleId: number }, Selectable<ArticleEnrichmentTable>>(
    db,
    (param) => db.selectFrom('article_enrichments').selectAll().where('article_id', '=', param('articleId')),
    reader,
  );
  const neighboursOf = preparedQuery<{ slug: string; limit: number }, NeighbourRow>(
    db,
    (param) =>
      db
        .selectFrom('article_entities')
        .innerJoin('articles', 'articles.id', 'article_entities.article_id')
        .select(['articles.id', 'articles.section', 'articles.published_at', 'article_entities.entity_slug'])
        .where('article_entities.entity_slug', '=', param('slug'))
        .where('articles.status', '=', 'published')
        .orderBy('article_entities.article_id', 'desc')
        .limit(param('limit')),
    reader,
  );

  return {
    // Writes everything derived and the entity index in one transaction; an editor's overrides stay as they are.
    save(enrichment) {
      return run(async (trx) => {
        const row = {
          version: enrichment.version,
          enriched_at: toUtcIso(enrichment.enrichedAt, 'enrichedAt'),
          summary: enrichment.summary && JSON.stringify(enrichment.summary),
          sections: enrichment.sections && JSON.stringify(enrichment.sections),
          entities: JSON.stringify(enrichment.entities),
          timeline: JSON.stringify(enrichment.timeline),
          suggested_section: enrichment.suggestedSection,
          section_confidence: enrichment.sectionConfidence,
          simhash: enrichment.simhash,
        };
        await trx
          .insertInto('article_enrichments')
          .values({ article_id: enrichment.articleId, ...row })
          .onConflict((oc) => oc.column('article_id').doUpdateSet(row))
          .execute();

        // Topic pages follow the editor: an entities override, not the computed list, is what gets indexed.
        const overrides = await storedOverrides(trx, enrichment.articleId);
        await indexEntities(trx, enrichment.articleId, validEntitiesOverride(overrides) ?? enrichment.entities);
      });
    },

    async find(articleId) {
      const [row] = await enrichmentOf({ articleId });
      return row && enrichmentFromRow(row);
    },

    // The override is checked and stored with what it implies, in one transaction: an entities override
    // re-indexes the topic pages, a section override moves the article. Clearing entities restores the computed
    // index; clearing a section leaves the article where it is (nothing records where it was before).
    async setOverride(articleId, field, value) {
      const parsed = value === undefined ? undefined : parseOverride(field, value);
      await run(async (trx) => {
        const overrides = await storedOverrides(trx, articleId);
        if (!overrides) throw new NotFoundError(`Article ${articleId} has not been enriched yet`);
        if (parsed === undefined) delete overrides[field];
        else overrides[field] = parsed;
        await trx
          .updateTable('article_enrichments')
          .set({ overrides: JSON.stringify(overrides) })
          .where('article_id', '=', articleId)
          .execute();
        if (field === 'entities') {
          const computed = await trx
            .selectFrom('article_enrichments')
            .select('entities')
            .where('article_id', '=', articleId)
            .executeTakeFirstOrThrow();
          const entities = (parsed as ArticleEntity[] | undefined) ?? (JSON.parse(computed.entities) as ArticleEntity[]);
          await indexEntities(trx, articleId, entities);
        }
        if (field === 'section' && parsed !== undefined) await moveArticle(trx, articleId, parsed as string);
      });
    },

    // Resumable by design: ids in order, those without an enrichment of this version, after the last one done.
    async staleArticleIds(version, afterId, limit) {
      const rows = await db
        .selectFrom('articles')
        .leftJoin('article_enrichments', 'article_enrichments.article_id', 'articles.id')
        .select('articles.id')
        .where('articles.id', '>', afterId)
        .where((eb) =>
          eb.or([eb('article_enrichments.version', 'is', null), eb('article_enrichments.version', '<', version)]),
        )
        .orderBy('articles.id')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async countStale(version) {
      const row = await db
        .selectFrom('articles')
        .leftJoin('article_enrichments', 'article_enrichments.article_id', 'articles.id')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where((eb) =>
          eb.or([eb('article_enrichments.version', 'is', null), eb('article_enrichments.version', '<', version)]),
        )
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async articleIdsForEntity(slug, limit) {
      const rows = await db
        .selectFrom('article_entities')
        .innerJoin('articles', 'articles.id', 'article_entities.article_id')
        .select('article_entities.article_id')
        .where('article_entities.entity_slug', '=', slug)
        .where('articles.status', '=', 'published')
        .orderBy('article_entities.article_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => row.article_id);
    },

    async entityNeighbours(slugs, perEntity) {
      const lists = await Promise.all(slugs.map((slug) => neighboursOf({ slug, limit: perEntity })));
      const byId = new Map<number, { id: number; section: string; publishedAt: string; shared: string[] }>();
      for (const row of lists.flat()) {
        const neighbour = byId.get(row.id) ?? { id: row.id, section: row.section, publishedAt: row.published_at!, shared: [] };
        neighbour.shared.push(row.entity_slug);
        byId.set(row.id, neighbour);
      }
      return [...byId.values()];
    },

    findEntity(slug) {
      return db.selectFrom('entities').select(['slug', 'name', 'type']).where('slug', '=', slug).executeTakeFirst();
    },

  };
}

function enrichmentFromRow(row: Selectable<ArticleEnrichmentTable>): ArticleEnrichment {
  return {
    articleId: row.article_id,
    version: row.version,
    enrichedAt: row.enriched_at,
    summary: row.summary === null ? null : JSON.parse(row.summary),
    sections: row.sections === null ? null : JSON.parse(row.sections),
    entities: JSON.parse(row.entities),
    timeline: JSON.parse(row.timeline),
    suggestedSection: row.suggested_section,
    sectionConfidence: row.section_confidence === null ? null : Number(row.section_confidence),
    simhash: row.simhash,
    storyId: row.story_id,
    nearDuplicateOf: row.near_duplicate_of,
    related: row.related === null ? [] : JSON.parse(row.related),
    overrides: JSON.parse(row.overrides),
  };
}

type Overrides = Partial<Record<EnrichmentField, unknown>>;

async function storedOverrides(trx: Kysely<Database>, articleId: number): Promise<Overrides | undefined> {
  const row = await trx
    .selectFrom('article_enrichments')
    .select('overrides')
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return row && (JSON.parse(row.overrides) as Overrides);
}

/** The editor's entities, if there is an override that still passes; otherwise the computed ones stand. */
function validEntitiesOverride(overrides: Overrides | undefined): ArticleEntity[] | undefined {
  if (overrides?.entities === undefined) return undefined;
  try {
    return parseOverride('entities', overrides.entities);
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
}

/** The entity index topic pages read: this article's rows replaced by `entities`, each entity known by slug. */
async function indexEntities(trx: Kysely<Database>, articleId: number, entities: readonly ArticleEntity[]): Promise<void> {
  await trx.deleteFrom('article_entities').where('article_id', '=', articleId).execute();
  for (const entity of entities) {
    await trx
      .insertInto('entities')
      .values({ slug: entity.slug, name: entity.name, type: entity.type })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  }
  if (entities.length > 0) {
    await trx
      .insertInto('article_entities')
      .values(entities.map((entity) => ({ article_id: articleId, entity_slug: entity.slug, mentions: entity.mentions })))
      .execute();
  }
}

/** A section override files the article under that section; its slug goes with it, so it must be free there. */
async function moveArticle(trx: Kysely<Database>, articleId: number, sectionSlug: string): Promise<void> {
  const section = await trx.selectFrom('sections').select('slug').where('slug', '=', sectionSlug).executeTakeFirst();
  if (!section) throw new ValidationError(`no section "${sectionSlug}": an article can only move to an existing section`);
  const article = await trx
    .selectFrom('articles')
    .select(['slug', 'section'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  if (article.section === sectionSlug) return;
  const clash = await trx
    .selectFrom('articles')
    .select('id')
    .where('section', '=', sectionSlug)
    .where('slug', '=', article.slug)
    .executeTakeFirst();
  if (clash) {
    throw new ConflictError(`cannot move article ${articleId} to "${sectionSlug}": article ${clash.id} there has the slug "${article.slug}"`);
  }
  await trx.updateTable('articles').set({ section: sectionSlug }).where('id', '=', articleId).execute();
}
