/**
 * How much a sentence deserves a place in the summary, from cues a news editor would use:
 * - centrality: it repeats the words the whole story keeps coming back to (term frequency in the article,
 *   averaged over the sentence's words with a square-root length damping, so neither long nor short sentences
 *   win by length alone);
 * - the headline: it shares the headline's words;
 * - position: the lede carries the news, and earlier sentences matter more;
 * - form: very short lines (datelines, captions), questions and pure quotes make poor summary sentences.
 * The cues are combined linearly with weights fitted by logistic regression on one half of the BBC benchmark set
 * (`npx tsx bench/summary.ts --fit`), and scored on the other half.
 */
import { contentWords, wordCount } from './terms.ts';

export interface SalienceInput {
  text: string;
  /** Index of the sentence in the article. */
  index: number;
  paragraph: number;
}

/** Sentences shorter than this are labels, datelines or fragments: a strong negative cue. */
const SHORT_SENTENCE_WORDS = 8;
/** Length at which the length cue saturates (a full news sentence). */
const FULL_SENTENCE_WORDS = 30;

export const FEATURE_NAMES = [
  'bias',
  'centrality',
  'headline',
  'first sentence',
  'position',
  'first paragraph',
  'short',
  'length',
  'quote',
  'question',
] as const;

/**
 * Fitted weights, one per FEATURE_NAMES entry (see the file comment for how; the bench prints the fit).
 */
export const SALIENCE_WEIGHTS: readonly number[] = [-3.58, 5.97, 0.82, -0.19, 0.40, 0.12, -0.00, -0.01, -0.06, -0.18];

export interface SalienceCues {
  features: number[][];
  /** Content words per sentence, reused for redundancy control. */
  words: string[][];
}

export function salienceCues(sentences: readonly SalienceInput[], headline: string): SalienceCues {
  const words = sentences.map((s) => contentWords(s.text));
  const frequency = new Map<string, number>();
  for (const list of words) for (const w of list) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const headlineWords = new Set(contentWords(headline));

  const rawCentrality = words.map((list) => {
    if (!list.length) return 0;
    let sum = 0;
    for (const w of list) sum += frequency.get(w)! - 1; // a word's own occurrence says nothing about the story
    return sum / Math.sqrt(list.length);
  });
  const topCentrality = Math.max(1e-9, ...rawCentrality);
  const count = sentences.length;

  const features = sentences.map((sentence, i) => {
    const list = words[i]!;
    const length = wordCount(sentence.text);
    const sharedWithHeadline = headlineWords.size ? new Set(list.filter((w) => headlineWords.has(w))).size / headlineWords.size : 0;
    const trimmed = sentence.text.trim();
    return [
      1,
      rawCentrality[i]! / topCentrality,
      sharedWithHeadline,
      sentence.index === 0 ? 1 : 0,
      count > 1 ? 1 - sentence.index / (count - 1) : 1,
      sentence.paragraph === 0 ? 1 : 0,
      length < SHORT_SENTENCE_WORDS ? 1 : 0,
      Math.min(1, length / FULL_SENTENCE_WORDS),
      /^["“‘']/.test(trimmed) ? 1 : 0,
      /\?["”’']?$/.test(trimmed) ? 1 : 0,
    ];
  });
  return { features, words };
}

/** The score as a probability that the sentence belongs in a summary (the weights were fitted as a logistic model). */
export function salienceChance(features: readonly number[], weights: readonly number[] = SALIENCE_WEIGHTS): number {
  return 1 / (1 + Math.exp(-salienceScore(features, weights)));
}

export function salienceScore(features: readonly number[], weights: readonly number[] = SALIENCE_WEIGHTS): number {
  let score = 0;
  for (let i = 0; i < features.length; i++) score += features[i]! * weights[i]!;
  return score;
}
