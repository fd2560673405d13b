/**
 * The two baselines our sectioner is scored against, in the same run and by the same scorer:
 * an even split into k parts, and plain TextTiling as Hearst published it (and as NLTK ships it:
 * pseudo-sentences of 20 tokens, blocks of 10, one smoothing pass, cutoff mean − sd/2, boundaries moved to the
 * nearest paragraph break).
 */
import { cosine, depthScores, type WordProfile } from './cohesion.ts';
import { isContentWord, readWords } from './words.ts';

/** Hearst's defaults: token-sequence length w and block size k. */
const PSEUDO_SENTENCE_TOKENS = 20;
const BLOCK_SEQUENCES = 10;
const SMOOTHING_WIDTH = 2;

/** Section starts that cut `count` paragraphs into `sections` parts as even as whole paragraphs allow. */
export function evenSplit(count: number, sections: number): number[] {
  const parts = Math.max(1, Math.min(sections, count));
  const starts: number[] = [];
  for (let part = 1; part < parts; part++) starts.push(Math.round((part * count) / parts));
  return starts;
}

/** Plain TextTiling over the article's tokens; returns section starts (paragraph indexes, never 0). */
export function textTiling(paragraphs: readonly string[]): number[] {
  // Every token keeps the paragraph it stands in, so a gap between token-sequences maps back to a break.
  const tokens: { stem: string; paragraph: number }[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const word of readWords(paragraph)) if (isContentWord(word)) tokens.push({ stem: word.stem, paragraph: index });
  });
  const sequences: WordProfile[] = [];
  const sequenceEnds: number[] = [];
  for (let start = 0; start < tokens.length; start += PSEUDO_SENTENCE_TOKENS) {
    const profile: WordProfile = new Map();
    const slice = tokens.slice(start, start + PSEUDO_SENTENCE_TOKENS);
    for (const token of slice) profile.set(token.stem, (profile.get(token.stem) ?? 0) + 1);
    sequences.push(profile);
    sequenceEnds.push(start + slice.length);
  }
  if (sequences.length < 2) return [];
  const scores: number[] = [];
  for (let gap = 1; gap < sequences.length; gap++) {
    const before: WordProfile = new Map();
    const after: WordProfile = new Map();
    for (let i = Math.max(0, gap - BLOCK_SEQUENCES); i < gap; i++) for (const [s, n] of sequences[i]!) before.set(s, (before.get(s) ?? 0) + n);
    for (let i = gap; i < Math.min(sequences.length, gap + BLOCK_SEQUENCES); i++) for (const [s, n] of sequences[i]!) after.set(s, (after.get(s) ?? 0) + n);
    scores.push(cosine(before, after));
  }
  const depths = depthScores(smooth(scores));
  const mean = depths.reduce((sum, d) => sum + d, 0) / depths.length;
  const sd = Math.sqrt(depths.reduce((sum, d) => sum + (d - mean) ** 2, 0) / depths.length);
  const cutoff = mean - sd / 2;
  const starts = new Set<number>();
  depths.forEach((depth, index) => {
    if (depth <= cutoff) return;
    // The token gap sits after sequence `index`; the nearest paragraph break to it becomes the boundary.
    const tokenGap = sequenceEnds[index]!;
    const start = nearestBreak(tokens, tokenGap);
    if (start > 0 && start < paragraphs.length) starts.add(start);
  });
  return [...starts].sort((a, b) => a - b);
}

/** A moving average, as in Hearst's smoothing of the gap scores. */
function smooth(scores: readonly number[]): number[] {
  return scores.map((_, index) => {
    const from = Math.max(0, index - SMOOTHING_WIDTH);
    const to = Math.min(scores.length, index + SMOOTHING_WIDTH + 1);
    let sum = 0;
    for (let i = from; i < to; i++) sum += scores[i]!;
    return sum / (to - from);
  });
}

/** The paragraph start closest (in tokens) to a token position. */
function nearestBreak(tokens: readonly { paragraph: number }[], position: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.paragraph === tokens[i - 1]!.paragraph) continue;
    const distance = Math.abs(i - position);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = tokens[i]!.paragraph;
    }
  }
  return best;
}
