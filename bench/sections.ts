/**
 * Titled sections: how well the sectioner finds topic shifts, and what it costs per article.
 *
 * There is no gold for news sections, so segmentation is scored on the standard synthetic test (Choi, 2000):
 * 3–6 whole Wikinews stories joined in a seeded random order, the true boundaries lying between stories.
 * Ours, an even split given the true number of parts, and plain TextTiling (Hearst 1997, NLTK's defaults) are
 * scored by the same Pk and WindowDiff code in this run (lower is better). The weights in cohesion.ts were tuned
 * on seed 1; the figures printed here use seed 2, which tuning never saw.
 * Speed is sectionize (cut + titles) on all 1,613 Wikinews stories, after a warm-up pass.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parsePageText } from '../src/extract/index.ts';
import { sectionParagraphs } from '../src/domain/index.ts';
import { sectionize, SECTION_RULES, MIN_PARAGRAPHS_TO_CUT } from '../src/enrich/sections/index.ts';
import { findBoundaries } from '../src/enrich/sections/cohesion.ts';
import { evenSplit, textTiling } from '../src/enrich/sections/baselines.ts';
import { loadWikinewsParagraphs, scoreSegmenter, syntheticArticles, type SyntheticArticle } from '../src/enrich/sections/segmentationScore.ts';

const SYNTHETIC_ARTICLES = 400;
const REPORT_SEED = 2;
const MEASURED_PASSES = 3;
const SEED_ARTICLE = new URL('../../shared/fixtures/crbc-security-article.txt', import.meta.url);

export async function benchSections(): Promise<void> {
  const stories = loadWikinewsParagraphs();
  const synthetic = syntheticArticles(stories, SYNTHETIC_ARTICLES, REPORT_SEED);
  const meanParagraphs = synthetic.reduce((sum, a) => sum + a.paragraphs.length, 0) / synthetic.length;

  const segmenters: Array<[string, (article: SyntheticArticle) => number[]]> = [
    ['ours (sectionize’s cut, its own count of sections)', (a) => findBoundaries(a.paragraphs, SECTION_RULES)],
    ['ours given the true count', (a) => findBoundaries(a.paragraphs, SECTION_RULES, a.boundaries.length + 1)],
    ['baseline: even split given the true count', (a) => evenSplit(a.paragraphs.length, a.boundaries.length + 1)],
    ['baseline: TextTiling (Hearst, plain)', (a) => textTiling(a.paragraphs)],
  ];
  console.log(`\nSections: segmentation on ${synthetic.length} synthetic articles (3–6 Wikinews stories each, ${meanParagraphs.toFixed(1)} paragraphs on average, seed ${REPORT_SEED})`);
  console.log('segmenter'.padEnd(52), 'Pk'.padStart(7), 'WinDiff'.padStart(8), 'ms/article'.padStart(11));
  for (const [name, segment] of segmenters) {
    const start = performance.now();
    const score = scoreSegmenter(synthetic, segment);
    const ms = (performance.now() - start) / synthetic.length;
    console.log(name.padEnd(52), score.pk.toFixed(3).padStart(7), score.windowDiff.toFixed(3).padStart(8), ms.toFixed(2).padStart(11));
  }
  console.log('published, for orientation only (Choi 2000, his 3–11 sentence set, another corpus): TextTiling Pk ≈ 0.46, C99 ≈ 0.12');

  // Speed and title checks on real stories: every story, cut and titled as the product does it.
  const run = (): number => {
    let sections = 0;
    for (const story of stories) sections += sectionize({ headline: story.title, paragraphs: story.paragraphs }).length;
    return sections;
  };
  run();
  const start = performance.now();
  for (let pass = 0; pass < MEASURED_PASSES; pass++) run();
  const msPerStory = (performance.now() - start) / (MEASURED_PASSES * stories.length);
  const long = stories.filter((s) => s.paragraphs.length >= MIN_PARAGRAPHS_TO_CUT);
  let titled = 0;
  let titleWords = 0;
  let grounded = 0;
  for (const story of long) {
    for (const section of sectionize({ headline: story.title, paragraphs: story.paragraphs })) {
      if (section.title === null) continue;
      titled++;
      const words = section.title.split(/\s+/);
      titleWords += words.length;
      const text = section.paragraphs.map((p) => story.paragraphs[p]).join(' ').toLowerCase();
      if (words.every((w) => text.includes(w.toLowerCase()))) grounded++;
    }
  }
  console.log(`sectionize on ${stories.length} Wikinews stories: ${msPerStory.toFixed(2)} ms/article (${(1000 / msPerStory).toFixed(0)} articles/s); ${long.length} of them long enough to cut`);
  console.log(`titles: ${titled}, ${(titleWords / titled).toFixed(1)} words on average, ${((grounded / titled) * 100).toFixed(1)}% made only of words of their section`);

  const seed = parsePageText(readFileSync(SEED_ARTICLE, 'utf8'));
  const paragraphs = [seed.lede ?? '', ...seed.body.flatMap(sectionParagraphs)].filter((p) => p !== '');
  const cut = sectionize({ headline: seed.headline, paragraphs });
  console.log(`seed article without its titles (${paragraphs.length} paragraphs): ${cut.map((s) => `${s.title ?? '(lead)'} [${s.paragraphs.join(',')}]`).join(' · ')}`);
  console.log(`seed's own titles: ${seed.body.map((s) => s.title).join(' · ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchSections();
}
