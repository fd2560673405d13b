/**
 * A pure rule shared by enrichment (the stored lists the site shows), the `related` command and the benchmark.
 *
 * Related articles: an article is listed under another only when the two are about the same things. Two kinds
 * of evidence count, each measured on the clusters benchmark (bench/related.ts):
 *  - names both articles are about: for each person, place or organisation they share, the smaller of its
 *    two shares of the articles' mentions (central to both, not a passing "United States" in one), weighed by
 *    how rare the name is across the archive;
 *  - words both headlines and ledes use: TF-IDF cosine of headline + lede.
 * Their weighted sum must reach a threshold; below it the list is shorter, or empty, rather than filled up.
 * Time and section only order what passed: a shared desk is not relatedness.
 */

export interface RelatedProfile {
  id: number;
  section: string | null;
  publishedAt: string | null;
  /** Its people, places and organisations with how often it names each. */
  entities: readonly { slug: string; mentions: number }[];
  /** Content terms of its headline and lede: what the article says it is about. */
  leadTerms: readonly string[];
}

/**
 * How many archive documents use each term, out of how many: what makes a word or a name telling. Names are
 * counted under ENTITY_TERM_PREFIX + slug, as the story index counts them.
 */
export interface TermRarity {
  documents: number;
  frequencies: ReadonlyMap<string, number>;
}

export const ENTITY_TERM_PREFIX = '@';

export interface RelatedSettings {
  /** Weight of shared central names in relatedness. */
  entityWeight: number;
  /** Weight of the headline + lede cosine in relatedness. */
  leadWeight: number;
  /** Relatedness an article needs to be listed at all. */
  threshold: number;
}

/**
 * Chosen with bench/related.ts (it prints the grid): names and lede words count alike (either alone leaves far
 * more articles without a list at the same precision); 0.2 is where precision@3 on the tuning topics passes 90
 * among unrelated archive stories with every tuning article still given a list, and it keeps Wikinews' labelled
 * topics at ~90 (higher thresholds gain a few points there and drop the seed's real matches, ~0.25).
 */
export const DEFAULT_RELATED_SETTINGS: RelatedSettings = { entityWeight: 1, leadWeight: 1, threshold: 0.2 };

/** Stories a month apart are still related, but the nearer ranks first; the lift halves every this many days. */
const RECENCY_HALF_LIFE_DAYS = 30;
/** How much nearness in time can lift a passing article's rank (a share of its relatedness). */
const RECENCY_LIFT = 0.25;
/** Same desk breaks ties between equally related articles; it never makes one related. */
const SAME_SECTION_LIFT = 0.02;
const DAY_MS = 86_400_000;
/** A term used by one document in this many is as telling as a term can be. */
const RARE_TERM_DOCUMENTS = 1_000;

/** A related article as stored with its subject: best first, with the score that ranked it. */
export interface RelatedLink {
  id: number;
  score: number;
}

/** Related articles an article lists, at most. */
export const RELATED_LIMIT = 5;

export interface RelatedOptions {
  /** Never listed: the story's own near-duplicates and story mates. */
  exclude?: ReadonlySet<number>;
  limit?: number;
  settings?: Partial<RelatedSettings>;
}

/** The candidates related to `subject`, best first, at most `limit`; none that falls short of the threshold. */
export function scoreRelated(
  subject: RelatedProfile,
  candidates: readonly RelatedProfile[],
  rarity: TermRarity,
  options: RelatedOptions = {},
): RelatedLink[] {
  const settings = { ...DEFAULT_RELATED_SETTINGS, ...options.settings };
  return candidates
    .filter((candidate) => candidate.id !== subject.id && !options.exclude?.has(candidate.id))
    .map((candidate) => ({ id: candidate.id, relatedness: relatedness(subject, candidate, rarity, settings), candidate }))
    .filter((scored) => scored.relatedness >= settings.threshold)
    .map(({ id, relatedness: value, candidate }) => ({ id, score: rankScore(subject, candidate, value) }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, options.limit ?? RELATED_LIMIT);
}

/** As scoreRelated, ids only. */
export function rankRelated(subject: RelatedProfile, candidates: readonly RelatedProfile[], rarity: TermRarity, options: RelatedOptions = {}): number[] {
  return scoreRelated(subject, candidates, rarity, options).map((link) => link.id);
}

/** How related two articles are, whichever is the subject: the same number both ways. */
export function relatedness(a: RelatedProfile, b: RelatedProfile, rarity: TermRarity, settings: RelatedSettings = DEFAULT_RELATED_SETTINGS): number {
  return settings.entityWeight * sharedNames(a, b, rarity) + settings.leadWeight * leadCosine(a.leadTerms, b.leadTerms, rarity);
}

/**
 * Sum over shared names of the smaller share of mentions, times the name's rarity (0–1): two articles that
 * both are about Al-Asad Air Base score high; a story about a wrestler that names the United States twice
 * scores little against one that names it fifteen times.
 */
export function sharedNames(a: RelatedProfile, b: RelatedProfile, rarity: TermRarity): number {
  const sharesOfA = mentionShares(a);
  const sharesOfB = mentionShares(b);
  let total = 0;
  for (const [slug, share] of sharesOfA) {
    const other = sharesOfB.get(slug);
    if (other !== undefined) total += Math.min(share, other) * rarityOf(ENTITY_TERM_PREFIX + slug, rarity);
  }
  return total;
}

/** Cosine of the TF-IDF vectors of two headline + lede term lists. */
export function leadCosine(a: readonly string[], b: readonly string[], rarity: TermRarity): number {
  const va = tfidf(a, rarity);
  const vb = tfidf(b, rarity);
  let dot = 0;
  for (const [term, weight] of va) dot += weight * (vb.get(term) ?? 0);
  const norm = Math.sqrt(sumOfSquares(va) * sumOfSquares(vb));
  return norm > 0 ? dot / norm : 0;
}

function mentionShares(profile: RelatedProfile): Map<string, number> {
  const total = profile.entities.reduce((sum, entity) => sum + entity.mentions, 0) || 1;
  return new Map(profile.entities.map((entity) => [entity.slug, entity.mentions / total]));
}

/**
 * Inverse document frequency on a fixed scale, capped at 1: a term one document in RARE_TERM_DOCUMENTS uses
 * (or rarer) counts fully, one every document uses counts nothing. A fixed scale, not the archive's size, so a
 * score means the same in a demo of hundreds and an archive of millions.
 */
function rarityOf(term: string, rarity: TermRarity): number {
  const documents = Math.max(rarity.documents, 1);
  const frequency = Math.min(rarity.frequencies.get(term) ?? 0, documents);
  return Math.min(1, Math.log((documents + 1) / (frequency + 1)) / Math.log(RARE_TERM_DOCUMENTS));
}

function tfidf(terms: readonly string[], rarity: TermRarity): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const vector = new Map<string, number>();
  for (const [term, times] of counts) {
    const weight = (1 + Math.log(times)) * rarityOf(term, rarity);
    if (weight > 0) vector.set(term, weight);
  }
  return vector;
}

function sumOfSquares(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}

/** Relatedness decides; nearness in time and a shared desk only order what passed. */
function rankScore(subject: RelatedProfile, candidate: RelatedProfile, value: number): number {
  const days = Math.abs(Date.parse(subject.publishedAt ?? '') - Date.parse(candidate.publishedAt ?? '')) / DAY_MS;
  const recency = Number.isFinite(days) ? 0.5 ** (days / RECENCY_HALF_LIFE_DAYS) : 0;
  const sameSection = subject.section !== null && subject.section === candidate.section;
  return value * (1 + RECENCY_LIFT * recency) + (sameSection ? SAME_SECTION_LIFT : 0);
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
