import {
  effectiveEnrichment,
  scoreRelated,
  withRelated,
  type Article,
  type ArticleEntity,
  type RelatedProfile,
  type StoryIndex,
  type TermRarity,
} from '../../domain/index.ts';
import { enrichArticle, type ComputedEnrichment } from '../../enrich/enrichArticle.ts';
import { NEIGHBOURS_PER_ENTITY, RELATED_ENTITIES, relatedProfile, termsToWeigh } from '../../enrich/related/index.ts';
import { chooseHeadline, storyDocument, StoryClusterer, type StoryPlacement } from '../../enrich/stories/index.ts';
import type { Repositories } from '../../store/index.ts';

/** Story mates read to keep them out of Related (they show as "More on this story"). */
const STORY_MATES_READ = 100;

/**
 * Enriches a stored article and places it: computes its enrichment, files it in a story (the clusterer over
 * the store's index; a copy joins its original's story) and ranks its related articles, which newer articles
 * then join when they rank higher. Run it inside the transaction that stored the article, so an article is
 * never visible without its enrichment, story and related list.
 */
export async function enrichStoredArticle(store: Repositories, article: Article, sectionNames?: readonly string[]): Promise<StoryPlacement> {
  const sections = sectionNames ?? (await store.sections.list()).map((section) => section.name);
  return saveAndPlace(store, article, enrichArticle(article, { sections }));
}

/**
 * The store's half of enrichStoredArticle, for an enrichment already computed: saves it, places the article in
 * its story and ranks its related articles. (The scale benchmark fills its archive through here.)
 */
export async function saveAndPlace(store: Repositories, article: Article, enrichment: ComputedEnrichment): Promise<StoryPlacement> {
  // The lock comes first, before the enrichment's writes: they add shared rows (entities, by slug), and a
  // transaction that wrote one and then waited for the lock would deadlock with the lock's holder inserting the
  // same slug (PostgreSQL then aborts one of them, and its ingest job fails).
  await store.stories.lockPlacement();
  await store.enrichments.save({ ...enrichment, articleId: article.id });
  const index = store.stories.index({ headline: chooseHeadline });
  const clusterer = new StoryClusterer(index);
  // The names an editor settled on, when one did: they are what topic pages and readers see.
  const stored = await store.enrichments.find(article.id);
  const entities = stored ? effectiveEnrichment(stored).entities : enrichment.entities;
  const placement = await clusterer.add(storyDocument(String(article.id), article, entities.map((entity) => entity.slug)));
  if (article.status === 'published' && article.publishedAt) {
    await storeRelated(store, index, { ...article, publishedAt: article.publishedAt }, entities, placement);
  }
  return placement;
}

type Subject = Pick<Article, 'id' | 'section' | 'headline' | 'lede'> & { publishedAt: string };

/**
 * Stores the article's related articles (those the shared rule in domain/related.ts lets through, none of its
 * story mates; fewer than five, or none, when fewer pass) and offers it to each of theirs: relatedness is the
 * same both ways, and an older article's list would otherwise never learn of newer stories.
 */
async function storeRelated(store: Repositories, index: StoryIndex, subject: Subject, entities: readonly ArticleEntity[], placement: StoryPlacement): Promise<void> {
  const central = entities.slice(0, RELATED_ENTITIES);
  if (central.length === 0) return store.stories.setRelated(subject.id, []);
  const [neighbours, mates] = await Promise.all([
    store.enrichments.entityNeighbours(central.map((entity) => entity.slug), NEIGHBOURS_PER_ENTITY),
    store.stories.articles(placement.storyId, STORY_MATES_READ),
  ]);
  const exclude = new Set([subject.id, ...mates.map((mate) => mate.id)]);
  const candidates = await storedProfiles(store, neighbours.map((neighbour) => neighbour.id).filter((id) => !exclude.has(id)));
  const profile = relatedProfile(subject.id, subject, entities);
  const related = scoreRelated(profile, candidates, await storedRarity(index, [profile, ...candidates]), { exclude });
  await store.stories.setRelated(subject.id, related);

  const lists = await store.stories.relatedOf(related.map((link) => link.id));
  for (const link of related) {
    const updated = withRelated(lists.get(link.id) ?? [], { id: subject.id, score: link.score });
    if (updated.some((entry) => entry.id === subject.id)) await store.stories.setRelated(link.id, updated);
  }
}

/** Published candidates as the rule reads them: headline and lede, and the names an editor settled on. */
async function storedProfiles(store: Repositories, ids: readonly number[]): Promise<RelatedProfile[]> {
  const cards = await store.articles.cardsByIds(ids);
  const profiles = await Promise.all(
    cards.map(async (card) => {
      const found = await store.enrichments.find(card.id);
      return found ? relatedProfile(card.id, card, effectiveEnrichment(found).entities) : null;
    }),
  );
  return profiles.filter((profile): profile is RelatedProfile => profile !== null);
}

/** How rare each word and name is across the archive, from the story index's counts. */
async function storedRarity(index: StoryIndex, profiles: readonly RelatedProfile[]): Promise<TermRarity> {
  const [documents, frequencies] = await Promise.all([index.documentCount(), index.documentFrequencies(termsToWeigh(profiles))]);
  return { documents, frequencies };
}
