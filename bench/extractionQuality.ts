/**
 * Body-text quality on the Zyte benchmark's development pages (../shared/benchmarks/zyte-dev/), scored with the
 * benchmark's own metric: our extractArticle next to Readability alone (linkedom + Readability, no cleanup,
 * its textContent, as the benchmark scored Readability.js) measured in this run, and next to the figures the
 * benchmark's README publishes for these same 88 pages.
 *
 * `npx tsx bench/extractionQuality.ts` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../src/extract/html/index.ts';
import { readabilityTextContent } from '../src/extract/html/quality/readabilityHarness.ts';
import { scoreExtractor, type BodyExtractor, type ExtractorScore } from '../src/extract/html/quality/score.ts';
import { loadZyteCorpus, type ZytePage } from '../src/extract/html/quality/zyteCorpus.ts';

/** Published outputs of open-source extractors on these 88 pages, scored with the same metric (README.md). */
const PUBLISHED: ReadonlyArray<{ extractor: string; f1: number; precision: number; recall: number }> = [
  { extractor: 'rs_trafilatura', f1: 0.966, precision: 0.946, recall: 0.986 },
  { extractor: 'trafilatura 2.0.0', f1: 0.958, precision: 0.942, recall: 0.974 },
  { extractor: 'Readability.js 0.6.0', f1: 0.951, precision: 0.923, recall: 0.982 },
  { extractor: 'goose3', f1: 0.898, precision: 0.941, recall: 0.859 },
];

/** Pages listed under the table: the ones still furthest from their human-checked body. */
const WORST_PAGES_SHOWN = 5;

interface Measured {
  name: string;
  score: ExtractorScore;
  msPerPage: number;
}

export async function benchExtractionQuality(): Promise<void> {
  const pages = loadZyteCorpus();
  const ours = measure('newsdesk extractArticle', (html, url) => extractArticle(html, { url }).bodyText, pages);
  const alone = measure('Readability alone (linkedom)', (html) => readabilityTextContent(html), pages);

  console.log(`\nArticle body quality, zyte-dev (${pages.length} pages, shingle metric of the Zyte benchmark)`);
  console.log('extractor'.padEnd(32), 'F1'.padStart(6), 'P'.padStart(6), 'R'.padStart(6), 'exact'.padStart(6), 'ms/page'.padStart(8));
  for (const { name, score, msPerPage } of [ours, alone]) {
    console.log(name.padEnd(32), fixed(score.f1), fixed(score.precision), fixed(score.recall), fixed(score.accuracy), msPerPage.toFixed(1).padStart(8));
  }
  for (const published of PUBLISHED) {
    console.log(`${published.extractor} (published)`.padEnd(32), fixed(published.f1), fixed(published.precision), fixed(published.recall));
  }
  const best = PUBLISHED[0]!;
  console.log(
    `zyte-dev F1 ${ours.score.f1.toFixed(3)} (P ${ours.score.precision.toFixed(3)} R ${ours.score.recall.toFixed(3)}) · ` +
      `Readability alone ${alone.score.f1.toFixed(3)} · published: ${PUBLISHED.map((p) => `${p.extractor} ${p.f1.toFixed(3)}`).join(', ')}`,
  );
  console.log(`aim: F1 ≥ 0.970, above ${best.extractor}'s ${best.f1.toFixed(3)}; ratio to Readability alone ${(ours.score.f1 / alone.score.f1).toFixed(3)}×`);
  const worst = [...ours.score.perPage].sort((a, b) => a.precision + a.recall - (b.precision + b.recall)).slice(0, WORST_PAGES_SHOWN);
  console.log('furthest from the truth:');
  for (const page of worst) console.log(`  P ${page.precision.toFixed(3)} R ${page.recall.toFixed(3)}  ${page.url}`);
}

function measure(name: string, extract: BodyExtractor, pages: readonly ZytePage[]): Measured {
  // One unscored pass first, so the timed one does not charge the first extractor for the JIT warming up.
  for (const page of pages) {
    try {
      extract(page.html, page.url);
    } catch {
      // scored (as an empty body) in the timed pass
    }
  }
  const started = process.hrtime.bigint();
  const score = scoreExtractor(extract, pages);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { name, score, msPerPage: elapsedMs / pages.length };
}

function fixed(value: number): string {
  return value.toFixed(3).padStart(6);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchExtractionQuality();
}
