import { effectiveEnrichment, scoreRelated, withRelated, type Article, type ArticleEntity, type RelatedLink } from '../../domain/index.ts';
import { enrichArticle, type ComputedEnrichment } from '../../enrich/enrichArticle.ts';
import { chooseHeadline, StoryClusterer, type StoryPlacement } from '../../enrich/stories/index.ts';
import type { Repositories } from '../../store/index.ts';
import { storyDocument } from './storyDocument.ts';

/** A story's entities looked up to find its neighbours: its most central ones are enough. */
const RELATED_ENTITIES = 4;
/** Newest articles read per entity; bounds the work on an archive of any size. */
const NEIGHBOURS_PER_ENTITY = 25;
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
  await store.enrichments.save({ ...enrichment, articleId: article.id });

  await store.stories.lockPlacement();
  const clusterer = new StoryClusterer(store.stories.index({ headline: chooseHeadline }));
  // The names an editor settled on, when one did: they are what topic pages and readers see.
  const stored = await store.enrichments.find(article.id);
  const entities = stored ? effectiveEnrichment(stored).entities : enrichment.entities;
  const placement = await clusterer.add(storyDocument(String(article.id), article, entities.map((entity) => entity.slug)));
  if (article.status === 'published' && article.publishedAt) {
    await storeRelated(store, { ...article, publishedAt: article.publishedAt }, entities, placement);
  }
  return placement;
}

interface Subject {
  id: number;
  section: string;
  publishedAt: string;
}

/**
 * Stores the article's best related articles (sharing its people, places and organisations; not its story
 * mates) and offers it to each of theirs: relatedness runs both ways, and an older article's list would
 * otherwise never learn of newer stories.
 */
async function storeRelated(store: Repositories, subject: Subject, entities: readonly ArticleEntity[], placement: StoryPlacement): Promise<void> {
  const central = entities.slice(0, RELATED_ENTITIES);
  if (central.length === 0) return store.stories.setRelated(subject.id, []);
  const [candidates, mates] = await Promise.all([
    store.enrichments.entityNeighbours(central.map((entity) => entity.slug), NEIGHBOURS_PER_ENTITY),
    store.stories.articles(placement.storyId, STORY_MATES_READ),
  ]);
  const exclude = new Set(mates.map((mate) => mate.id));
  const related = scoreRelated({ ...subject, entities: central }, candidates, { exclude });
  await store.stories.setRelated(subject.id, related);

  const lists = await store.stories.relatedOf(related.map((link) => link.id));
  const subjectSlugs = new Set(central.map((entity) => entity.slug));
  for (const link of related) {
    const candidate = candidates.find((c) => c.id === link.id)!;
    const found = await store.enrichments.find(link.id);
    if (!found) continue;
    const theirs = effectiveEnrichment(found);
    // Their view of us: weighed by how central the shared names are to *their* story.
    const [back] = scoreRelated(
      { id: candidate.id, section: candidate.section, publishedAt: candidate.publishedAt, entities: theirs.entities.slice(0, RELATED_ENTITIES) },
      [{ ...subject, shared: theirs.entities.slice(0, RELATED_ENTITIES).map((e) => e.slug).filter((slug) => subjectSlugs.has(slug)) }],
    );
    if (!back) continue;
    const current: RelatedLink[] = lists.get(link.id) ?? [];
    const updated = withRelated(current, back);
    if (updated.some((entry) => entry.id === subject.id)) await store.stories.setRelated(link.id, updated);
  }
}
