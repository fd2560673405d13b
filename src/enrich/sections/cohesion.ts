/**
 * Where an article changes topic, read from lexical cohesion between its paragraphs (after Hearst's
 * TextTiling, 1997): at each gap between paragraphs, compare the words of the few paragraphs before it with
 * the words of the few after it; a gap where that similarity dips deeper than its neighbours is a topic shift.
 *
 * What we do beyond plain TextTiling, each measured on the synthetic set in bench/sections.ts:
 * - the unit is the paragraph, the writer's own break, not a run of 20 tokens snapped to the nearest break;
 * - words are weighted by how few paragraphs use them (a word in every paragraph is the article's subject, not
 *   a section's), and names count more, since news topics are carried by who and where;
 * - paragraphs near the gap weigh more than those further off, so one odd paragraph does not blur the dip;
 * - the boundaries are chosen together (dynamic programming over depth scores) under the section rules: how
 *   many sections, and no one-paragraph section where a two-paragraph one fits.
 */
import { isContentWord, isNameWord, readWords } from './words.ts';

/**
 * Paragraphs on each side of a gap that are compared, and their weights, nearest first. Tuned on the synthetic
 * set's seed 1: 2 paragraphs → Pk 0.168, 3 → 0.121, 4 → 0.094, 5 → 0.087; four keeps the window within a
 * short article while most of the gain is had.
 */
const WINDOW_PARAGRAPHS = 4;
const WINDOW_DECAY = [1, 0.7, 0.5, 0.35] as const;
/** A name ("Erbil", "Kataib Hezbollah") ties paragraphs together more than a common noun does (1 → Pk 0.132, 1.5 → 0.121, 2 → 0.131 on seed 1). */
const NAME_WEIGHT = 1.5;
/**
 * How far above the mean depth a gap must dip to count as a topic shift, in standard deviations. Tuned on the
 * synthetic set's seed 1 with the window above (1.0 → Pk 0.088, 1.25 → 0.094, 1.5 → 0.110); reported on seed 2.
 */
const SHIFT_THRESHOLD_SD = 1.0;
/** Paragraphs past which a section is too long to read as one, whatever the dips say. */
const LONG_SECTION_PARAGRAPHS = 10;

export type WordProfile = Map<string, number>;

export interface BoundaryRules {
  /** Fewest and most sections wanted. */
  minSections: number;
  maxSections: number;
  /** Fewest paragraphs in a section, kept where the article's length allows it. */
  minParagraphs: number;
}

/** The content words of each paragraph, counted by stem. Names count NAME_WEIGHT. */
export function wordProfiles(paragraphs: readonly string[]): WordProfile[] {
  return paragraphs.map((paragraph) => {
    const profile: WordProfile = new Map();
    for (const word of readWords(paragraph)) {
      if (!isContentWord(word)) continue;
      profile.set(word.stem, (profile.get(word.stem) ?? 0) + (isNameWord(word) ? NAME_WEIGHT : 1));
    }
    return profile;
  });
}

/** Reweights each profile by inverse paragraph frequency within the article. */
export function weighByRarity(profiles: readonly WordProfile[]): WordProfile[] {
  const paragraphsUsing = new Map<string, number>();
  for (const profile of profiles) for (const stem of profile.keys()) paragraphsUsing.set(stem, (paragraphsUsing.get(stem) ?? 0) + 1);
  const count = profiles.length;
  return profiles.map((profile) => {
    const weighted: WordProfile = new Map();
    for (const [stem, weight] of profile) weighted.set(stem, weight * Math.log(1 + count / paragraphsUsing.get(stem)!));
    return weighted;
  });
}

export function cosine(a: WordProfile, b: WordProfile): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [stem, weight] of a) {
    normA += weight * weight;
    const other = b.get(stem);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

function addInto(target: WordProfile, profile: WordProfile, factor: number): void {
  for (const [stem, weight] of profile) target.set(stem, (target.get(stem) ?? 0) + weight * factor);
}

/** Similarity across each gap: gapScores[g - 1] compares paragraphs before g with paragraphs from g on. */
export function gapScores(profiles: readonly WordProfile[]): number[] {
  const scores: number[] = [];
  for (let gap = 1; gap < profiles.length; gap++) {
    const before: WordProfile = new Map();
    const after: WordProfile = new Map();
    for (let step = 0; step < WINDOW_PARAGRAPHS; step++) {
      const factor = WINDOW_DECAY[step]!;
      const left = profiles[gap - 1 - step];
      const right = profiles[gap + step];
      if (left) addInto(before, left, factor);
      if (right) addInto(after, right, factor);
    }
    scores.push(cosine(before, after));
  }
  return scores;
}

/** Hearst's depth score: how far a gap's similarity sits below the peaks on either side of it. */
export function depthScores(scores: readonly number[]): number[] {
  return scores.map((score, index) => {
    let leftPeak = score;
    for (let i = index - 1; i >= 0 && scores[i]! >= leftPeak; i--) leftPeak = scores[i]!;
    let rightPeak = score;
    for (let i = index + 1; i < scores.length && scores[i]! >= rightPeak; i++) rightPeak = scores[i]!;
    return leftPeak - score + (rightPeak - score);
  });
}

/**
 * The paragraph indexes where new sections start (never 0), for an article of `paragraphs`.
 * `sections` fixes the number of sections (used to score against a known count); otherwise the depth
 * scores decide, within the rules.
 */
export function findBoundaries(paragraphs: readonly string[], rules: BoundaryRules, sections?: number): number[] {
  const count = paragraphs.length;
  if (count < 2) return [];
  const depths = depthScores(gapScores(weighByRarity(wordProfiles(paragraphs))));
  // More sections than fit at minParagraphs each only when even minSections do not fit.
  const fitting = Math.max(rules.minSections, Math.floor(count / rules.minParagraphs));
  const wanted = sections ?? Math.min(fitting, sectionsFromDepths(depths, rules));
  return placeBoundaries(depths, wanted - 1, rules.minParagraphs);
}

/**
 * How many sections the dips call for: one more than the gaps that are local minima of similarity and dip
 * well below the article's usual depth. A long article gets at least one section per LONG_SECTION_PARAGRAPHS,
 * since past that a section reads as a wall of text whatever its topic.
 */
function sectionsFromDepths(depths: readonly number[], rules: BoundaryRules): number {
  const mean = depths.reduce((sum, d) => sum + d, 0) / depths.length;
  const sd = Math.sqrt(depths.reduce((sum, d) => sum + (d - mean) ** 2, 0) / depths.length);
  const isPeak = (i: number): boolean => depths[i]! >= (depths[i - 1] ?? -Infinity) && depths[i]! >= (depths[i + 1] ?? -Infinity);
  const shifts = depths.filter((d, i) => d > mean + SHIFT_THRESHOLD_SD * sd && isPeak(i)).length;
  const byLength = Math.ceil((depths.length + 1) / LONG_SECTION_PARAGRAPHS);
  return Math.min(rules.maxSections, Math.max(rules.minSections, byLength, shifts + 1));
}

/**
 * Picks `wanted` gaps with the greatest total depth such that every section has at least `minParagraphs`
 * paragraphs; when the article is too short for that, the minimum shrinks until it fits.
 */
export function placeBoundaries(depths: readonly number[], wanted: number, minParagraphs: number): number[] {
  const count = depths.length + 1;
  const boundaries = Math.max(0, Math.min(wanted, count - 1));
  let minimum = Math.max(1, minParagraphs);
  while (minimum > 1 && (boundaries + 1) * minimum > count) minimum--;
  if (boundaries === 0) return [];
  // best[b][p]: greatest depth total with b boundaries, the last one at paragraph p.
  const NONE = -Infinity;
  const best: number[][] = [];
  const from: number[][] = [];
  for (let b = 0; b < boundaries; b++) {
    best.push(new Array<number>(count).fill(NONE));
    from.push(new Array<number>(count).fill(-1));
    for (let p = minimum * (b + 1); p <= count - minimum * (boundaries - b); p++) {
      const gain = depths[p - 1]!;
      if (b === 0) {
        best[b]![p] = gain;
        continue;
      }
      for (let q = minimum * b; q <= p - minimum; q++) {
        const total = best[b - 1]![q]! + gain;
        if (total > best[b]![p]!) {
          best[b]![p] = total;
          from[b]![p] = q;
        }
      }
    }
  }
  let last = -1;
  for (let p = 0; p < count; p++) if (best[boundaries - 1]![p]! > NONE && (last < 0 || best[boundaries - 1]![p]! > best[boundaries - 1]![last]!)) last = p;
  const chosen: number[] = [];
  for (let b = boundaries - 1; b >= 0 && last >= 0; b--) {
    chosen.push(last);
    last = from[b]![last]!;
  }
  return chosen.reverse();
}
