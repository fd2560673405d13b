/**
 * The Zyte article-extraction benchmark's own metric (scrapinghub/article-extraction-benchmark, evaluate.py),
 * so our figures compare with the published ones:
 *
 *   tokens     maximal runs of Unicode word characters, case kept
 *   shingles   every overlapping 4-token sequence, as a multiset (1–3 tokens give one shorter shingle)
 *   per page   tp = Σ min(true, predicted), fp = predicted surplus, fn = missing; each divided by tp+fp+fn
 *              so that a long article weighs no more than a short one
 *   overall    precision and recall are means over pages; F1 is the harmonic mean of those two MEANS
 *   accuracy   share of pages whose whole token sequence equals the truth's
 */

/** Python's `\w` on str: letters (L*), numbers (N*) and the underscore. Marks (M*) split words there too. */
const WORD = /[\p{L}\p{N}_]+/gu;

/** The benchmark compares 4-token shingles: long enough that common words alone do not match by chance. */
export const SHINGLE_TOKENS = 4;

/** One page's matched, surplus and missing shingles, each a share of their sum (all 0 when both are empty). */
export interface PageMatch {
  tp: number;
  fp: number;
  fn: number;
}

export interface ZyteScore {
  f1: number;
  precision: number;
  recall: number;
  /** Share of pages extracted token for token. */
  accuracy: number;
}

export function zyteTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The multiset of shingles, keyed by their tokens joined with a space (tokens never hold one). */
export function shingleCounts(tokens: readonly string[], size = SHINGLE_TOKENS): Map<string, number> {
  const counts = new Map<string, number>();
  const starts = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < starts; i++) {
    const shingle = tokens.slice(i, i + size);
    if (shingle.length === 0) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function matchPage(truth: string, predicted: string): PageMatch {
  const want = shingleCounts(zyteTokens(truth));
  const got = shingleCounts(zyteTokens(predicted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, trueCount] of want) {
    const predictedCount = got.get(key) ?? 0;
    tp += Math.min(trueCount, predictedCount);
    fn += Math.max(0, trueCount - predictedCount);
  }
  for (const [key, predictedCount] of got) fp += Math.max(0, predictedCount - (want.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** evaluate.py's precision_score: a page with nothing surplus and nothing missing is perfect. */
export function pagePrecision({ tp, fp, fn }: PageMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function pageRecall({ tp, fp, fn }: PageMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/**
 * Precision skips pages where nothing was predicted, recall pages where nothing was expected (as evaluate.py
 * does): an empty extraction costs recall only.
 */
export function summariseMatches(matches: readonly PageMatch[], exactPages = 0): ZyteScore {
  const precision = mean(matches.filter((m) => m.tp + m.fp > 0).map(pagePrecision));
  const recall = mean(matches.filter((m) => m.tp + m.fn > 0).map(pageRecall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = matches.length > 0 ? exactPages / matches.length : 0;
  return { f1, precision, recall, accuracy };
}

/** True when the extraction has exactly the truth's words in the truth's order (punctuation and spacing aside). */
export function sameTokens(truth: string, predicted: string): boolean {
  const want = zyteTokens(truth);
  const got = zyteTokens(predicted);
  return want.length === got.length && want.every((token, i) => token === got[i]);
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;
}
