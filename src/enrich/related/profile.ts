import { ENTITY_TERM_PREFIX, type RelatedProfile } from '../../domain/index.ts';
import { contentTerms } from '../stories/words.ts';

/** Names an article is looked up by to find its related candidates: its most central ones are enough. */
export const RELATED_ENTITIES = 4;
/** Newest articles read per name; bounds the work on an archive of any size. */
export const NEIGHBOURS_PER_ENTITY = 25;

export interface ProfiledArticle {
  headline: string;
  /** The first paragraph: what the article is about, in its own words. */
  lede: string | null;
  section: string | null;
  publishedAt: string | null;
}

/** An article as the related rule reads it: its names with their mentions, and its headline + lede words. */
export function relatedProfile(
  id: number,
  article: ProfiledArticle,
  entities: readonly { slug: string; mentions: number }[],
): RelatedProfile {
  return {
    id,
    section: article.section,
    publishedAt: article.publishedAt,
    entities: entities.map(({ slug, mentions }) => ({ slug, mentions })),
    leadTerms: [...contentTerms(article.headline), ...contentTerms(article.lede ?? '')],
  };
}

/** Every term whose rarity the rule reads for these profiles, as the story index counts them. */
export function termsToWeigh(profiles: readonly RelatedProfile[]): string[] {
  const terms = new Set<string>();
  for (const profile of profiles) {
    for (const term of profile.leadTerms) terms.add(term);
    for (const entity of profile.entities) terms.add(ENTITY_TERM_PREFIX + entity.slug);
  }
  return [...terms];
}

/** The names a profile is looked up by (its most mentioned first, as enrichment orders them). */
export function centralSlugs(profile: RelatedProfile): string[] {
  return profile.entities.slice(0, RELATED_ENTITIES).map((entity) => entity.slug);
}
