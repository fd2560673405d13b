import type { Kysely, Selectable } from 'kysely';
import { NotFoundError, type ArticleEnrichment, type EnrichmentField } from '../domain/index.ts';
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
          story_id: enrichment.storyId,
          near_duplicate_of: enrichment.nearDuplicateOf,
        };
        await trx
          .insertInto('article_enrichments')
          .values({ article_id: enrichment.articleId, ...row })
          .onConflict((oc) => oc.column('article_id').doUpdateSet(row))
          .execute();

        await trx.deleteFrom('article_entities').where('article_id', '=', enrichment.articleId).execute();
        for (const entity of enrichment.entities) {
          await trx
            .insertInto('entities')
            .values({ slug: entity.slug, name: entity.name, type: entity.type })
            .onConflict((oc) => oc.column('slug').doNothing())
            .execute();
        }
        if (enrichment.entities.length > 0) {
          await trx
            .insertInto('article_entities')
            .values(
              enrichment.entities.map((entity) => ({
                article_id: enrichment.articleId,
                entity_slug: entity.slug,
                mentions: entity.mentions,
              })),
            )
            .execute();
        }
      });
    },

    async find(articleId) {
      const [row] = await enrichmentOf({ articleId });
      return row && enrichmentFromRow(row);
    },

    async setOverride(articleId, field, value) {
      const row = await db
        .selectFrom('article_enrichments')
        .select('overrides')
        .where('article_id', '=', articleId)
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`Article ${articleId} has not been enriched yet`);
      const overrides = JSON.parse(row.overrides) as Partial<Record<EnrichmentField, unknown>>;
      if (value === undefined) delete overrides[field];
      else overrides[field] = value;
      await db
        .updateTable('article_enrichments')
        .set({ overrides: JSON.stringify(overrides) })
        .where('article_id', '=', articleId)
        .execute();
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
        .select('article_id')
        .where('entity_slug', '=', slug)
        .orderBy('article_id', 'desc')
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

    async articleIdsForStory(storyId) {
      const rows = await db
        .selectFrom('article_enrichments')
        .select('article_id')
        .where('story_id', '=', storyId)
        .orderBy('article_id')
        .execute();
      return rows.map((row) => row.article_id);
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
    overrides: JSON.parse(row.overrides),
  };
}
