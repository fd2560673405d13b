/**
 * The entity benchmark's scorer (../shared/benchmarks/entities/score_entities.py) in TypeScript, so the bench
 * and the regression test score in-process with the very same rules: micro P/R/F1 for strict (span and type),
 * span (span only), typed and untyped overlap, strict F1 per type; and its capitalised-words baseline.
 */
import type { EntitySpan, EntityType } from './types.ts';

export type BenchmarkType = 'PER' | 'LOC' | 'ORG';
export const BENCHMARK_TYPES: readonly BenchmarkType[] = ['PER', 'LOC', 'ORG'];

/** Our types under the benchmark's (CoNLL) names. */
export const BENCHMARK_TYPE: Record<EntityType, BenchmarkType> = { person: 'PER', place: 'LOC', organization: 'ORG' };

/** A scored span; '?' is the untyped baseline's type. */
export interface ScoredSpan {
  start: number;
  end: number;
  type: BenchmarkType | '?';
}

export interface ScoredDocument {
  id: string;
  gold: readonly ScoredSpan[];
  predicted: readonly ScoredSpan[];
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityScore {
  documents: number;
  gold: number;
  predicted: number;
  strict: Prf;
  span: Prf;
  overlap: Prf;
  overlapUntyped: Prf;
  /** Strict P/R/F1 for each type (span and type must both match; the script prints its F1). */
  byType: Record<BenchmarkType, Prf>;
}

/** Scores like score_entities.py; `untyped` keeps '?' predictions, as the script does for its baseline. */
export function scoreEntities(documents: readonly ScoredDocument[], untyped = false): EntityScore {
  const counts = { strict: 0, span: 0, overlap: 0, overlapUntyped: 0 };
  const perType = Object.fromEntries(BENCHMARK_TYPES.map((t) => [t, { hit: 0, predicted: 0, gold: 0 }])) as Record<
    BenchmarkType,
    { hit: number; predicted: number; gold: number }
  >;
  let nGold = 0;
  let nPredicted = 0;
  for (const document of documents) {
    const gold = document.gold;
    const predicted = document.predicted.filter((p) => untyped || p.type !== '?');
    nGold += gold.length;
    nPredicted += predicted.length;
    const goldKeys = new Set(gold.map(key));
    const goldSpans = new Set(gold.map(spanKey));
    counts.strict += new Set(predicted.map(key).filter((k) => goldKeys.has(k))).size;
    counts.span += new Set(predicted.map(spanKey).filter((k) => goldSpans.has(k))).size;
    for (const type of BENCHMARK_TYPES) {
      const ofType = predicted.filter((p) => p.type === type);
      perType[type].hit += new Set(ofType.map(key).filter((k) => goldKeys.has(k))).size;
      perType[type].predicted += ofType.length;
      perType[type].gold += gold.filter((g) => g.type === type).length;
    }
    counts.overlap += overlaps(predicted, gold, true);
    counts.overlapUntyped += overlaps(predicted, gold, false);
  }
  const byType = {} as Record<BenchmarkType, Prf>;
  for (const type of BENCHMARK_TYPES) byType[type] = prf(perType[type].hit, perType[type].predicted, perType[type].gold);
  return {
    documents: documents.length,
    gold: nGold,
    predicted: nPredicted,
    strict: prf(counts.strict, nPredicted, nGold),
    span: prf(counts.span, nPredicted, nGold),
    overlap: prf(counts.overlap, nPredicted, nGold),
    overlapUntyped: prf(counts.overlapUntyped, nPredicted, nGold),
    byType,
  };
}

/** Each gold entity is matched at most once, by the first prediction (in order) that overlaps it. */
function overlaps(predicted: readonly ScoredSpan[], gold: readonly ScoredSpan[], typed: boolean): number {
  const used = new Set<number>();
  let hits = 0;
  for (const p of predicted) {
    const k = gold.findIndex((g, n) => !used.has(n) && p.start < g.end && g.start < p.end && (!typed || g.type === p.type));
    if (k >= 0) {
      used.add(k);
      hits++;
    }
  }
  return hits;
}

function prf(hits: number, predicted: number, gold: number): Prf {
  const precision = predicted ? hits / predicted : 0;
  const recall = gold ? hits / gold : 0;
  return { precision: 100 * precision, recall: 100 * recall, f1: precision + recall ? (200 * precision * recall) / (precision + recall) : 0 };
}

const key = (s: ScoredSpan): string => `${s.start}:${s.end}:${s.type}`;
const spanKey = (s: ScoredSpan): string => `${s.start}:${s.end}`;

/** Words that open a sentence and are not names, as the script lists them. */
const SKIP_FIRST = new Set(
  ('the a an in on at he she it they we i but and this that these those there his her their its our after ' +
    'before when while as if for to of with by from what who why how where one two three some many most more ' +
    'however meanwhile also').split(' '),
);
const WORD_CHAR = String.raw`[\p{L}\p{N}_.'\u2019&-]`;
const CAPITALISED_RUN = new RegExp(String.raw`[A-Z]${WORD_CHAR}*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z]${WORD_CHAR}*)*`, 'gu');

/** The benchmark's trivial baseline: every run of capitalised words, untyped ('?'), as score_entities.py finds them. */
export function capitalisedBaseline(text: string): ScoredSpan[] {
  const spans: ScoredSpan[] = [];
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    let start = match.index;
    let end = start + match[0].length;
    const run = match[0];
    // The script tests for a space, not any whitespace: a run across a line break counts as one word there.
    const first = run.split(/\s+/)[0]!;
    const atStart = start === 0 || /[.!?"\n]\s*$/u.test(text.slice(Math.max(0, start - 3), start));
    if (atStart && !run.includes(' ') && SKIP_FIRST.has(run.toLowerCase())) continue;
    if (atStart && run.includes(' ') && SKIP_FIRST.has(first.toLowerCase())) start += first.length + 1;
    while (end > start && ".'\u2019".includes(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end, type: '?' });
  }
  return spans;
}
