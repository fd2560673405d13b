/**
 * The summary benchmark sets (../shared/benchmarks/summaries/), read in place for tests and the bench: BBC News
 * (extractive references) and GUM Wikinews (human one-line summaries). Never copied into the project.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUMMARY_BENCHMARK_DIR = fileURLToPath(new URL('../../../../shared/benchmarks/summaries/', import.meta.url));

export interface BenchmarkArticle {
  id: string;
  headline: string;
  /** The body as the benchmark stores it: paragraphs separated by a blank line. */
  article: string;
  paragraphs: string[];
  /** Every reference summary, one sentence per line; the first is the main one. */
  references: string[];
}

/** The body of a JSONL `article` (paragraphs separated by blank lines) as paragraphs. */
export function paragraphsOf(article: string): string[] {
  return article
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function loadSummarySet(file: 'bbc-news-summary.jsonl' | 'gum-news-summaries.jsonl'): BenchmarkArticle[] {
  return readFileSync(SUMMARY_BENCHMARK_DIR + file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as { id: string; title?: string; article: string; reference: string; references?: string[] };
      return {
        id: row.id,
        headline: row.title ?? '',
        article: row.article,
        paragraphs: paragraphsOf(row.article),
        references: row.references?.length ? row.references : [row.reference],
      };
    });
}

/**
 * The BBC half we fit salience weights on, and the half we report on: alternate articles, so both halves hold
 * every category in the same proportions.
 */
export function isFittingArticle(position: number): boolean {
  return position % 2 === 0;
}
