/**
 * Whole enrichment of one article, on one core: articles/s and p95 milliseconds per stage over the Wikinews
 * demo corpus (1,613 real stories), against the aim of 50 articles/s.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { paragraphSection } from '../src/domain/index.ts';
import { articleText } from '../src/enrich/articleText.ts';
import { classifySection } from '../src/enrich/classify/index.ts';
import { enrichArticle } from '../src/enrich/enrichArticle.ts';
import { findEntities } from '../src/enrich/entities/index.ts';
import { sectionize } from '../src/enrich/sections/index.ts';
import { fingerprint } from '../src/enrich/stories/index.ts';
import { summarize } from '../src/enrich/summary/index.ts';
import { buildTimeline } from '../src/enrich/timeline/index.ts';

const CORPUS = new URL('../../shared/demo/wikinews/articles.jsonl', import.meta.url);
const AIM_ARTICLES_PER_SECOND = 50;

interface Story {
  title: string;
  text: string;
  publishedAt: string | null;
}

export async function benchEnrich(): Promise<void> {
  const drafts = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Story)
    .map((story) => {
      const [lede = null, ...rest] = story.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      return { headline: story.title, lede, body: [paragraphSection(null, rest)], publishedAt: story.publishedAt };
    });

  const texts = drafts.map(articleText);
  const stages: Record<string, (i: number) => unknown> = {
    summary: (i) => summarize(texts[i]!, { sentences: 3 }),
    sections: (i) => sectionize({ headline: texts[i]!.headline, paragraphs: texts[i]!.paragraphs }),
    entities: (i) => findEntities(texts[i]!),
    timeline: (i) => buildTimeline(texts[i]!),
    section: (i) => classifySection({ headline: texts[i]!.headline, text: texts[i]!.paragraphs.join('\n\n') }),
    fingerprint: (i) => fingerprint(texts[i]!.paragraphs.join('\n\n')),
  };
  for (let i = 0; i < Math.min(100, drafts.length); i++) enrichArticle(drafts[i]!); // warm-up

  const started = performance.now();
  for (const draft of drafts) enrichArticle(draft);
  const perSecond = drafts.length / ((performance.now() - started) / 1000);

  console.log(`\nEnrichment: ${drafts.length} Wikinews stories, one core`);
  console.log('stage'.padEnd(14), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  for (const [name, run] of Object.entries(stages)) {
    const times = drafts.map((_, i) => {
      const t = performance.now();
      run(i);
      return performance.now() - t;
    });
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(name.padEnd(14), at(0.5).padStart(8), at(0.95).padStart(8));
  }
  console.log(`whole enrichment: ${perSecond.toFixed(0)} articles/s (aim ≥ ${AIM_ARTICLES_PER_SECOND})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchEnrich();
