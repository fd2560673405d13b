/**
 * Timeline speed on the 1,613 Wikinews stories: our buildTimeline (sentences, chrono-node, year rules, labels,
 * figures, merging) against the baseline of chrono-node alone run over every paragraph, measured in the same
 * run. Budget: the whole enrichment must reach 50 articles/s on one core (20 ms per article for everything),
 * so the timeline should stay within a few milliseconds. Passes alternate so drift falls on both alike.
 * Then quality: time expressions (bench/timex.ts) and entity timelines (bench/entityTimelines.ts).
 */
import * as chrono from 'chrono-node';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildTimeline } from '../src/enrich/timeline/index.ts';
import { benchEntityTimelines } from './entityTimelines.ts';
import { benchTimex } from './timex.ts';

const WIKINEWS = new URL('../../shared/demo/wikinews/articles.jsonl', import.meta.url);
/** Enough passes over 1,613 stories for a stable figure without making `npm run bench` drag. */
const MEASURED_PASSES = 3;
/** The whole enrichment's budget per article (50 articles/s on one core). */
const ENRICHMENT_BUDGET_MS = 20;

interface Story {
  paragraphs: string[];
  publishedAt: string | null;
}

function loadStories(): Story[] {
  return readFileSync(WIKINEWS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; publishedAt: string | null })
    .map((story) => ({
      paragraphs: story.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
      publishedAt: story.publishedAt,
    }));
}

function ours(stories: readonly Story[]): number {
  let entries = 0;
  for (const story of stories) entries += buildTimeline(story).length;
  return entries;
}

function chronoAlone(stories: readonly Story[]): number {
  let found = 0;
  for (const story of stories) {
    const instant = story.publishedAt ? new Date(story.publishedAt) : new Date(0);
    for (const paragraph of story.paragraphs) found += chrono.parse(paragraph, { instant, timezone: 0 }).length;
  }
  return found;
}

function timePass(run: () => number): { ms: number; count: number } {
  const started = performance.now();
  const count = run();
  return { ms: performance.now() - started, count };
}

export async function benchTimeline(): Promise<void> {
  const stories = loadStories();
  ours(stories);
  chronoAlone(stories); // warm-up, unscored
  let oursMs = 0;
  let baselineMs = 0;
  let entries = 0;
  let chronoDates = 0;
  for (let pass = 0; pass < MEASURED_PASSES; pass++) {
    const a = timePass(() => ours(stories));
    const b = timePass(() => chronoAlone(stories));
    oursMs += a.ms;
    baselineMs += b.ms;
    entries = a.count;
    chronoDates = b.count;
  }
  const perArticle = (ms: number) => ms / MEASURED_PASSES / stories.length;
  console.log(`\ntimeline — ${stories.length} Wikinews stories, ${MEASURED_PASSES} measured passes`);
  console.log(
    `  ours  buildTimeline        ${perArticle(oursMs).toFixed(3)} ms/article  ` +
      `${(1000 / perArticle(oursMs)).toFixed(0)} articles/s  ${(entries / stories.length).toFixed(2)} entries/article`,
  );
  console.log(
    `  base  chrono-node alone    ${perArticle(baselineMs).toFixed(3)} ms/article  ` +
      `${(1000 / perArticle(baselineMs)).toFixed(0)} articles/s  ${(chronoDates / stories.length).toFixed(2)} dates/article`,
  );
  console.log(
    `  ratio ours/baseline ${(oursMs / baselineMs).toFixed(2)}×; budget for all enrichment ${ENRICHMENT_BUDGET_MS} ms/article ` +
      `(timeline uses ${((perArticle(oursMs) / ENRICHMENT_BUDGET_MS) * 100).toFixed(1)}%); no published figure for this task`,
  );
  await benchTimex();
  await benchEntityTimelines();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchTimeline();
