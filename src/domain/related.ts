/**
 * A pure rule shared by enrichment and the reader site (which may not depend on enrich/).
 *
 * Related articles: the stories that share the most of this one's people, places and organisations, weighed
 * by how central each is to this story, with a lift for the same section and a fade for distance in time.
 * Candidates come from the entity index (never a scan of the archive); this only ranks them.
 */

export interface RelatedSubject {
  id: number;
  section: string;
  publishedAt: string;
  /** The story's entities with how often it names each. */
  entities: readonly { slug: string; mentions: number }[];
}

export interface RelatedCandidate {
  id: number;
  section: string;
  publishedAt: string;
  /** Entities the candidate shares with the subject. */
  shared: readonly string[];
}

/** Same desk is a hint, not a requirement: a shared entity outweighs it. */
const SAME_SECTION_BONUS = 0.15;
/** Stories a month apart are still related, but less so; the weight halves every this many days. */
const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

/** A related article as stored with its subject: best first, with the score that ranked it. */
export interface RelatedLink {
  id: number;
  score: number;
}

/** Related articles an article lists. */
export const RELATED_LIMIT = 5;

/** Candidates best first, excluding `exclude` (the story's own near-duplicates and story mates). */
export function rankRelated(
  subject: RelatedSubject,
  candidates: readonly RelatedCandidate[],
  options: { exclude?: ReadonlySet<number>; limit?: number } = {},
): number[] {
  return scoreRelated(subject, candidates, options).map((link) => link.id);
}

/** As rankRelated, with each one's score, so a list kept in the store can take a better newcomer later. */
export function scoreRelated(
  subject: RelatedSubject,
  candidates: readonly RelatedCandidate[],
  options: { exclude?: ReadonlySet<number>; limit?: number } = {},
): RelatedLink[] {
  const totalMentions = subject.entities.reduce((sum, e) => sum + e.mentions, 0) || 1;
  const weight = new Map(subject.entities.map((e) => [e.slug, e.mentions / totalMentions]));
  const at = Date.parse(subject.publishedAt);
  const scored = candidates
    .filter((c) => c.id !== subject.id && !options.exclude?.has(c.id))
    .map((candidate) => {
      const overlap = candidate.shared.reduce((sum, slug) => sum + (weight.get(slug) ?? 0), 0);
      const days = Math.abs(at - Date.parse(candidate.publishedAt)) / DAY_MS;
      const recency = Number.isFinite(days) ? 0.5 ** (days / RECENCY_HALF_LIFE_DAYS) : 0;
      const score = overlap * (0.5 + 0.5 * recency) + (candidate.section === subject.section ? SAME_SECTION_BONUS : 0);
      return { id: candidate.id, score, overlap };
    })
    .filter((c) => c.overlap > 0) // a shared section alone does not make a story related
    .sort((a, b) => b.score - a.score || b.id - a.id);
  return scored.slice(0, options.limit ?? RELATED_LIMIT).map(({ id, score }) => ({ id, score }));
}

/**
 * `list` with `link` taken in if it ranks among the best `limit` (replacing its own older entry): how an
 * older article's stored list learns of a newer related one without being recomputed.
 */
export function withRelated(list: readonly RelatedLink[], link: RelatedLink, limit = RELATED_LIMIT): RelatedLink[] {
  return [...list.filter((entry) => entry.id !== link.id), link]
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
}
