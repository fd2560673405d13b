/**
 * The GUM Wikinews entity benchmark (../shared/benchmarks/entities/, CC BY), read in place, and the split we
 * keep honest by: rules were tuned looking only at the tuning half; the held-out half is for reporting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchmarkType } from './score.ts';

export const BENCHMARK_FILE = fileURLToPath(new URL('../../../../shared/benchmarks/entities/gum-news-entities.jsonl', import.meta.url));
export const BENCHMARK_SCORER = fileURLToPath(new URL('../../../../shared/benchmarks/entities/score_entities.py', import.meta.url));

export interface BenchmarkArticle {
  id: string;
  text: string;
  entities: { start: number; end: number; type: BenchmarkType; text: string }[];
}

export function benchmarkAvailable(): boolean {
  return existsSync(BENCHMARK_FILE);
}

export function loadBenchmark(): BenchmarkArticle[] {
  return readFileSync(BENCHMARK_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as BenchmarkArticle);
}

/** Every other article in file order (ids sorted): 12 to tune on, 12 held out. */
export function splitBenchmark(articles: readonly BenchmarkArticle[]): { tuning: BenchmarkArticle[]; heldOut: BenchmarkArticle[] } {
  return { tuning: articles.filter((_, n) => n % 2 === 0), heldOut: articles.filter((_, n) => n % 2 === 1) };
}
