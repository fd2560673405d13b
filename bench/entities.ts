/**
 * Entity recognition on the GUM Wikinews benchmark (../shared/benchmarks/entities/, 24 articles, 1,111 gold
 * PER/LOC/ORG spans), scored in-process with the same rules as its score_entities.py: our entitySpans next to
 * the benchmark's capitalised-words baseline measured in this run, on the whole set and on the held-out half
 * (the rules were tuned looking at the other half only), plus findEntities' time per article.
 *
 * `npx tsx bench/entities.ts` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { findEntities, entitySpans } from '../src/enrich/entities/index.ts';
import { loadBenchmark, splitBenchmark, type BenchmarkArticle } from '../src/enrich/entities/benchmark.ts';
import { BENCHMARK_TYPE, BENCHMARK_TYPES, capitalisedBaseline, scoreEntities, type EntityScore, type Prf } from '../src/enrich/entities/score.ts';

/** The baseline's span F1 as the benchmark's README publishes it. */
const PUBLISHED_BASELINE_SPAN_F1 = 43.87;
/** The aim for span F1. */
const AIM_SPAN_F1 = 75;
/** Untimed passes first, so the JIT has warmed up; then the timed ones. */
const WARM_UP_PASSES = 3;
const TIMED_PASSES = 10;

export async function benchEntities(): Promise<void> {
  const articles = loadBenchmark();
  const { tuning, heldOut } = splitBenchmark(articles);
  console.log(`\nEntities, GUM Wikinews (${articles.length} articles, ${articles.reduce((n, a) => n + a.entities.length, 0)} gold spans; scored as score_entities.py)`);
  console.log('set'.padEnd(38), 'span P'.padStart(7), 'R'.padStart(6), 'F1'.padStart(6), ' strict F1', '   PER'.padStart(6), '   LOC', '   ORG', ' overlap F1');
  for (const [name, set] of [['all', articles], ['tuning half', tuning], ['held-out half', heldOut]] as const) {
    const ours = ourScore(set);
    const baseline = baselineScore(set);
    row(`newsdesk entitySpans, ${name}`, ours, false);
    row(`capitalised words, ${name}`, baseline, true);
  }
  console.log('  (* the baseline is untyped: its overlap F1 is the untyped one; strict and per-type figures do not apply)');
  const ours = ourScore(articles);
  for (const type of BENCHMARK_TYPES) {
    const t = ours.byType[type];
    console.log(`  ${type} strict P ${fixed(t.precision)} R ${fixed(t.recall)} F1 ${fixed(t.f1)}`);
  }
  const ms = timePerArticle(articles);
  console.log(
    `span F1 ${ours.span.f1.toFixed(1)} (held-out ${ourScore(heldOut).span.f1.toFixed(1)}) vs capitalised baseline ` +
      `${baselineScore(articles).span.f1.toFixed(1)} (published ${PUBLISHED_BASELINE_SPAN_F1}); aim ≥ ${AIM_SPAN_F1} · ` +
      `findEntities ${ms.toFixed(2)} ms/article`,
  );
}

function ourScore(articles: readonly BenchmarkArticle[]): EntityScore {
  return scoreEntities(
    articles.map((a) => ({
      id: a.id,
      gold: a.entities,
      predicted: entitySpans(a.text).map((s) => ({ start: s.start, end: s.end, type: BENCHMARK_TYPE[s.type] })),
    })),
  );
}

function baselineScore(articles: readonly BenchmarkArticle[]): EntityScore {
  return scoreEntities(articles.map((a) => ({ id: a.id, gold: a.entities, predicted: capitalisedBaseline(a.text) })), true);
}

function row(name: string, score: EntityScore, untyped: boolean): void {
  const typed = (prf: Prf): string => (untyped ? '     -' : fixed(prf.f1));
  console.log(
    name.padEnd(38),
    fixed(score.span.precision).padStart(7),
    fixed(score.span.recall),
    fixed(score.span.f1),
    typed(score.strict).padStart(10),
    ...BENCHMARK_TYPES.map((t) => typed(score.byType[t])),
    (untyped ? fixed(score.overlapUntyped.f1) + '*' : fixed(score.overlap.f1)).padStart(11),
  );
}

/** findEntities (which runs entitySpans and gathers) over each article as headline + paragraphs. */
function timePerArticle(articles: readonly BenchmarkArticle[]): number {
  const inputs = articles.map((a) => {
    const [headline = '', ...paragraphs] = a.text.split('\n');
    return { headline, paragraphs };
  });
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const input of inputs) findEntities(input);
  const started = performance.now();
  for (let pass = 0; pass < TIMED_PASSES; pass++) for (const input of inputs) findEntities(input);
  return (performance.now() - started) / (TIMED_PASSES * inputs.length);
}

function fixed(x: number): string {
  return x.toFixed(1).padStart(6);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchEntities();
