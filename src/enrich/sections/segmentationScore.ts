/**
 * Scoring a segmentation against the true one. There is no gold for news sections, so we use the standard
 * synthetic test (Choi, 2000): whole articles concatenated, the true boundaries lying between articles.
 * Pk (Beeferman et al., 1999) and WindowDiff (Pevzner & Hearst, 2002) are both error rates: lower is better.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../seededRandom.ts';

export interface SyntheticArticle {
  paragraphs: string[];
  /** Paragraph indexes where a new source article starts (never 0). */
  boundaries: number[];
}

/** Source articles kept for the synthetic set: long enough to be a topic, short enough to mix several. */
const MIN_SOURCE_PARAGRAPHS = 3;
const MAX_SOURCE_PARAGRAPHS = 12;
const MIN_JOINED = 3;
const MAX_JOINED = 6;

export const WIKINEWS_ARTICLES = new URL('../../../../shared/demo/wikinews/articles.jsonl', import.meta.url);

/** Paragraphs of each Wikinews story (text paragraphs are separated by blank lines). */
export function loadWikinewsParagraphs(file: URL = WIKINEWS_ARTICLES): { title: string; paragraphs: string[] }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const story = JSON.parse(line) as { title: string; text: string };
      return { title: story.title, paragraphs: story.text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '') };
    });
}


/** `count` synthetic articles, each 3–6 whole stories in a seeded random order. */
export function syntheticArticles(stories: readonly { paragraphs: string[] }[], count: number, seed: number): SyntheticArticle[] {
  const pool = stories.filter((s) => s.paragraphs.length >= MIN_SOURCE_PARAGRAPHS && s.paragraphs.length <= MAX_SOURCE_PARAGRAPHS);
  const random = seededRandom(seed);
  const articles: SyntheticArticle[] = [];
  for (let n = 0; n < count; n++) {
    const joined = MIN_JOINED + Math.floor(random() * (MAX_JOINED - MIN_JOINED + 1));
    const picked = new Set<number>();
    while (picked.size < joined) picked.add(Math.floor(random() * pool.length));
    const paragraphs: string[] = [];
    const boundaries: number[] = [];
    for (const index of picked) {
      if (paragraphs.length > 0) boundaries.push(paragraphs.length);
      paragraphs.push(...pool[index]!.paragraphs);
    }
    articles.push({ paragraphs, boundaries });
  }
  return articles;
}

/** Section number of every paragraph, from section starts. */
function sectionOf(count: number, starts: readonly number[]): number[] {
  const labels: number[] = [];
  let section = 0;
  const set = new Set(starts);
  for (let i = 0; i < count; i++) {
    if (set.has(i) && i > 0) section++;
    labels.push(section);
  }
  return labels;
}

/** Half the mean true section length, the probe distance both measures conventionally use. */
export function probeDistance(count: number, truth: readonly number[]): number {
  return Math.max(1, Math.round(count / (2 * (truth.length + 1))));
}

/** Pk: how often a probe of width k disagrees with the truth about whether its two ends share a section. */
export function pk(count: number, truth: readonly number[], found: readonly number[]): number {
  const k = probeDistance(count, truth);
  if (count <= k) return 0;
  const real = sectionOf(count, truth);
  const ours = sectionOf(count, found);
  let errors = 0;
  for (let i = 0; i + k < count; i++) if ((real[i] === real[i + k]) !== (ours[i] === ours[i + k])) errors++;
  return errors / (count - k);
}

/** WindowDiff: how often a window of width k holds a different number of boundaries than the truth. */
export function windowDiff(count: number, truth: readonly number[], found: readonly number[]): number {
  const k = probeDistance(count, truth);
  if (count <= k) return 0;
  const real = sectionOf(count, truth);
  const ours = sectionOf(count, found);
  let errors = 0;
  for (let i = 0; i + k < count; i++) if (real[i + k]! - real[i]! !== ours[i + k]! - ours[i]!) errors++;
  return errors / (count - k);
}

/** Mean Pk and WindowDiff of a segmenter over a synthetic set. */
export function scoreSegmenter(
  articles: readonly SyntheticArticle[],
  segment: (article: SyntheticArticle) => number[],
): { pk: number; windowDiff: number } {
  let pkSum = 0;
  let wdSum = 0;
  for (const article of articles) {
    const found = segment(article);
    pkSum += pk(article.paragraphs.length, article.boundaries, found);
    wdSum += windowDiff(article.paragraphs.length, article.boundaries, found);
  }
  return { pk: pkSum / articles.length, windowDiff: wdSum / articles.length };
}
