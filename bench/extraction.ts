/**
 * Extraction throughput and metadata accuracy on Readability's 130 test pages: our extractArticle (Readability on
 * linkedom, plus metadata, blocks and sanitizing) against the baseline everyone starts from, Readability on jsdom,
 * measured on the same pages in the same process. Each side gets a warm-up pass, then the measured passes
 * alternate between the two so drift on a shared machine falls on both alike.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { pathToFileURL } from 'node:url';
import { ExtractError } from '../src/domain/index.ts';
import { extractArticle } from '../src/extract/html/index.ts';
import {
  loadReadabilityPages,
  METADATA_FIELDS,
  READABILITY_PAGE_URL,
  scoreMetadata,
  type FoundMetadata,
  type MetadataAccuracy,
  type ReadabilityPage,
} from '../src/extract/html/readabilityCorpus.ts';

/** Enough passes for a stable figure on 2 cores without making `npm run bench` drag. */
const MEASURED_PASSES = 2;

const NOTHING: FoundMetadata = { headline: null, byline: null, publishedAt: null, language: null };

function ours(page: ReadabilityPage): FoundMetadata {
  try {
    const article = extractArticle(page.html, { url: READABILITY_PAGE_URL });
    return { headline: article.headline, byline: article.byline, publishedAt: article.publishedAt, language: article.language };
  } catch (error) {
    if (error instanceof ExtractError) return NOTHING;
    throw error;
  }
}

/** Pages on which jsdom itself threw (its CSS parser chokes on some real stylesheets). */
const baselineFailures = new Set<string>();

function baseline(page: ReadabilityPage): FoundMetadata {
  let dom: JSDOM;
  try {
    // A silent console: jsdom reports every stylesheet it cannot parse, which is not what we are timing.
    dom = new JSDOM(page.html, { url: READABILITY_PAGE_URL, virtualConsole: new VirtualConsole() });
  } catch {
    baselineFailures.add(page.name);
    return NOTHING;
  }
  try {
    const article = new Readability(dom.window.document).parse();
    if (!article) return NOTHING;
    return {
      headline: article.title ?? null,
      byline: article.byline ?? null,
      publishedAt: article.publishedTime ?? null,
      language: article.lang ?? null,
    };
  } finally {
    dom.window.close();
  }
}

function pass(pages: readonly ReadabilityPage[], extract: (page: ReadabilityPage) => unknown): number {
  const start = performance.now();
  for (const page of pages) extract(page);
  return performance.now() - start;
}

export async function benchExtraction(): Promise<void> {
  const pages = loadReadabilityPages();
  const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page.html), 0);

  // The warm-up passes double as the accuracy runs: same calls, results kept.
  const ourAccuracy = scoreMetadata(pages, ours);
  const baselineAccuracy = scoreMetadata(pages, baseline);

  let oursMs = 0;
  let baselineMs = 0;
  for (let run = 0; run < MEASURED_PASSES; run++) {
    oursMs += pass(pages, ours);
    baselineMs += pass(pages, baseline);
  }
  const rate = (ms: number): number => (pages.length * MEASURED_PASSES) / (ms / 1000);

  console.log(`\nExtraction: ${pages.length} Readability test pages (${(bytes / 1e6).toFixed(1)} MB), warm-up pass then ${MEASURED_PASSES} measured passes each`);
  console.log('extractor'.padEnd(50), 'pages/s'.padStart(9), 'ms/page'.padStart(9));
  const rows: Array<[string, number]> = [
    ['extractArticle (Readability on linkedom + ours)', oursMs],
    ['baseline: Readability on jsdom', baselineMs],
  ];
  for (const [name, ms] of rows) {
    console.log(name.padEnd(50), rate(ms).toFixed(1).padStart(9), (ms / (pages.length * MEASURED_PASSES)).toFixed(1).padStart(9));
  }
  if (baselineFailures.size > 0) {
    console.log(`(jsdom threw while parsing ${baselineFailures.size} page(s), counted with the time spent: ${[...baselineFailures].join(', ')})`);
  }
  console.log(`ratio ours/baseline: ${(rate(oursMs) / rate(baselineMs)).toFixed(2)}× (aim ≥ 2×)`);

  console.log('\nMetadata accuracy vs expected-metadata.json (Readability\'s own output)');
  console.log('field'.padEnd(14), 'pages'.padStart(6), 'ours'.padStart(7), 'Readability/jsdom'.padStart(18), 'found beyond expected (ours)'.padStart(30));
  for (const field of METADATA_FIELDS) {
    console.log(
      field.padEnd(14),
      String(ourAccuracy.scored[field]).padStart(6),
      percent(ourAccuracy, field).padStart(7),
      percent(baselineAccuracy, field).padStart(18),
      String(ourAccuracy.beyond[field]).padStart(30),
    );
  }
  console.log('ours misses:');
  for (const field of METADATA_FIELDS) console.log(`  ${field}: ${ourAccuracy.misses[field].join(', ') || '—'}`);
}

function percent(result: MetadataAccuracy, field: (typeof METADATA_FIELDS)[number]): string {
  return `${(result.accuracy[field] * 100).toFixed(1)}%`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchExtraction();
}
