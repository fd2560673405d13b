import type { Article, StoredStory } from '../../../domain/index.ts';
import type { Store } from '../../../store/index.ts';

/** What puts an article on list pages: its byline, source, topics and story. */
export interface ListedArticle {
  publishedAt: string;
  /** When it was last stored; its publication time unless given. */
  updatedAt?: string;
  byline?: string;
  source?: string;
  /** Topic slugs; each topic is named after its slug. */
  topics?: string[];
  /** A story id: the story must exist (see saveEmptyStory). */
  story?: string;
  draft?: boolean;
}

let serial = 0;

/**
 * Stores an article with its enrichment's topics and its story placement, as enrichment would leave them, so
 * that topic, story, author, source and archive pages list it; nothing else about it matters to those lists.
 */
export async function storeListedArticle(store: Store, listed: ListedArticle): Promise<Article> {
  serial += 1;
  const article = await store.articles.insert({
    slug: `listed-article-${serial}`,
    section: 'world',
    sourceKey: `test:listed-article-${serial}`,
    contentHash: `listed-article-${serial}`,
    headline: `Listed article ${serial}`,
    dek: null,
    summary: null,
    lede: `Lede of listed article ${serial}.`,
    body: [],
    hero: null,
    provenance: null,
    byline: listed.byline ?? null,
    source: listed.source ? { name: listed.source, url: null, attribution: null, licenseName: null, licenseUrl: null } : null,
    status: listed.draft ? 'draft' : 'published',
    publishedAt: listed.draft ? null : listed.publishedAt,
    createdAt: listed.publishedAt,
    updatedAt: listed.updatedAt ?? listed.publishedAt,
  });
  await store.enrichments.save({
    articleId: article.id,
    version: 1,
    enrichedAt: listed.publishedAt,
    summary: null,
    sections: null,
    timeline: [],
    entities: (listed.topics ?? []).map((slug) => ({ slug, name: topicName(slug), type: 'organization', aliases: [], mentions: 1 })),
    suggestedSection: null,
    sectionConfidence: null,
    simhash: null,
  });
  if (listed.story) {
    await storyIndex(store).fileDocument(
      { id: String(article.id), storyId: listed.story, fingerprint: { simhash: 1n, minhash: new Uint32Array(2) }, nearDuplicateOf: null },
      [],
    );
  }
  return article;
}

/** A story row with no members yet: storeListedArticle places articles in it. */
export async function saveEmptyStory(store: Store, id: string, opened: number): Promise<void> {
  const story: StoredStory = {
    id, opened, members: [], titles: [], centroid: new Map(), centroidNorm: 0, vectorCount: 0, firstSeen: null, lastSeen: null,
  };
  await storyIndex(store).saveStory(story);
}

/** "north-atlantic" → "North Atlantic". */
function topicName(slug: string): string {
  return slug.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
}

/** The story index as the tests place and merge stories through it. */
export function storyIndex(store: Store) {
  return store.stories.index({ headline: () => 'A listed story' });
}
