/**
 * Related Articles on the clusters benchmark (ECB+ odd topics: 496 articles, 21 topics of two look-alike
 * events each): an article listed under another is right when both are of the same topic. Printed for our rule
 * (domain/related.ts, over the candidates the site reads), beside baselines measured in the same run: the
 * previous rule (the stored list as it was), the previous page (that list topped up with the newest stories of
 * the section) and the newest stories of the section alone. Then the settings grid, on the topics the settings
 * were chosen on and on the held-out ones.
 *
 * Precision@k counts the links shown in the first k places that are right, over all links shown there: a list
 * may be shorter than k, or empty, so coverage (articles with any related at all) is printed beside it.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_RELATED_SETTINGS, RELATED_LIMIT, type RelatedProfile, type RelatedSettings } from '../src/domain/index.ts';
import { rankCorpus, readCorpus, type CorpusArticle, type RelatedCorpus } from '../src/enrich/related/index.ts';
import { tuningTopics } from './clusters.ts';

const CLUSTERS_FILE = new URL('../../shared/benchmarks/clusters/ecbplus-stories.jsonl', import.meta.url);
const WIKINEWS_FILE = new URL('../../shared/demo/wikinews/articles.jsonl', import.meta.url);
const WIKINEWS_CLUSTERS = new URL('../../shared/demo/wikinews/clusters.json', import.meta.url);

interface BenchArticle {
  id: string;
  title: string;
  text: string;
  topic: number;
  story: string;
}

/** Lists by position: each article's related articles' positions, best first. */
type Lists = number[][];

interface Figures {
  precisionAt3: number;
  precisionAt5: number;
  /** Share of articles with at least one related article. */
  coverage: number;
  meanShown: number;
}

/** Figures over the subjects' lists; a link is right when both articles carry the same (non-null) topic. */
export function measure(lists: Lists, topics: readonly (string | null)[], subjects: readonly number[]): Figures {
  const precisionAt = (k: number) => {
    let shown = 0;
    let right = 0;
    for (const n of subjects) {
      for (const other of lists[n]!.slice(0, k)) {
        shown++;
        if (topics[n] !== null && topics[other] === topics[n]) right++;
      }
    }
    return shown ? (100 * right) / shown : NaN;
  };
  const listed = subjects.filter((n) => lists[n]!.length > 0).length;
  return {
    precisionAt3: precisionAt(3),
    precisionAt5: precisionAt(5),
    coverage: (100 * listed) / subjects.length,
    meanShown: subjects.reduce((sum, n) => sum + Math.min(lists[n]!.length, RELATED_LIMIT), 0) / subjects.length,
  };
}

/** The rule the site stored lists with before: shared central names of the subject, any at all. */
function previousRule(corpus: RelatedCorpus): Lists {
  return corpus.profiles.map((subject, n) => {
    const central = subject.entities.slice(0, 4);
    const total = central.reduce((sum, e) => sum + e.mentions, 0) || 1;
    const weight = new Map(central.map((e) => [e.slug, e.mentions / total]));
    const sectionBonus = (c: RelatedProfile) => (c.section === subject.section ? 0.15 : 0);
    return corpus
      .candidatesOf(n)
      .map((c) => ({ id: c.id, overlap: c.entities.reduce((sum, e) => sum + (weight.get(e.slug) ?? 0), 0), c }))
      .filter((s) => s.overlap > 0)
      .map((s) => ({ id: s.id, score: s.overlap * 0.5 + sectionBonus(s.c) })) // undated: no recency lift
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .slice(0, RELATED_LIMIT)
      .map((s) => s.id);
  });
}

/** The newest other stories of the article's section, as the page topped its list up with. */
function newestInSection(corpus: RelatedCorpus): Lists {
  const newestFirst = [...corpus.profiles].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id - a.id);
  return corpus.profiles.map((subject) =>
    newestFirst
      .filter((other) => other.id !== subject.id && other.section === subject.section)
      .slice(0, RELATED_LIMIT)
      .map((other) => other.id),
  );
}

/** The page as it was: the stored list first, topped up to five with the section's newest. */
function toppedUp(stored: Lists, newest: Lists): Lists {
  return stored.map((list, n) => [...new Set([...list, ...newest[n]!])].slice(0, RELATED_LIMIT));
}

function ours(corpus: RelatedCorpus, settings: Partial<RelatedSettings> = {}): Lists {
  return rankCorpus(corpus, { settings }).map((links) => links.map((link) => link.id));
}

function row(name: string, f: Figures): string {
  return [name.padEnd(44), f.precisionAt3.toFixed(1).padStart(6), f.precisionAt5.toFixed(1).padStart(6), f.coverage.toFixed(1).padStart(8), f.meanShown.toFixed(2).padStart(6)].join(' ');
}

const HEADER = ['method'.padEnd(44), 'P@3'.padStart(6), 'P@5'.padStart(6), 'covered'.padStart(8), 'shown'.padStart(6)].join(' ');

/** Settings tried: names alone, lede words alone, both; at thresholds around the chosen one. */
const GRID: [string, Partial<RelatedSettings>][] = [
  ...[0.1, 0.2, 0.3].flatMap((threshold): [string, Partial<RelatedSettings>][] => [
    [`names only ≥ ${threshold}`, { entityWeight: 1, leadWeight: 0, threshold }],
    [`lede only ≥ ${threshold}`, { entityWeight: 0, leadWeight: 1, threshold }],
  ]),
  ...[0.1, 0.15, 0.2, 0.25, 0.3, 0.4].map((threshold): [string, Partial<RelatedSettings>] => [`names + lede ≥ ${threshold}`, { entityWeight: 1, leadWeight: 1, threshold }]),
  ...[0.15, 0.2, 0.25].map((threshold): [string, Partial<RelatedSettings>] => [`names ×0.5 + lede ≥ ${threshold}`, { entityWeight: 0.5, leadWeight: 1, threshold }]),
  ...[0.15, 0.2, 0.25].map((threshold): [string, Partial<RelatedSettings>] => [`names + lede ×0.5 ≥ ${threshold}`, { entityWeight: 1, leadWeight: 0.5, threshold }]),
];

interface WikinewsRecord {
  id: string;
  title: string;
  text: string;
  publishedAt: string;
  section: string | null;
}

/** A test set: articles, each one's topic (null: no label), and the positions whose lists are scored. */
interface RelatedSet {
  name: string;
  articles: CorpusArticle[];
  topics: (string | null)[];
  subjects: number[];
}

function readJsonl<T>(url: URL): T[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

const positions = (count: number) => [...Array(count).keys()];

/** ECB+ as it is: every article has a score of same-topic articles about it, so filling up is easy. */
function ecbSet(ecb: readonly BenchArticle[]): RelatedSet {
  return { name: 'ECB+ odd topics', articles: [...ecb], topics: ecb.map((a) => `ecb-${a.topic}`), subjects: positions(ecb.length) };
}

/**
 * The site's case: a few articles a topic among many unrelated ones. Each ECB+ topic's first
 * ECB_PER_TOPIC articles among the Wikinews demo archive; their lists are scored, and a Wikinews article
 * listed under one counts as wrong (none is about these events; a lower bound, should one be).
 */
const ECB_PER_TOPIC = 3;
function sparseSet(ecb: readonly BenchArticle[], wikinews: readonly WikinewsRecord[], topics?: ReadonlySet<number>): RelatedSet {
  const seen = new Map<number, number>();
  const few = ecb.filter((a) => (!topics || topics.has(a.topic)) && (seen.set(a.topic, (seen.get(a.topic) ?? 0) + 1).get(a.topic)! <= ECB_PER_TOPIC));
  return {
    name: `ECB+ ${ECB_PER_TOPIC} a topic among ${wikinews.length} Wikinews`,
    articles: [...wikinews, ...few],
    topics: [...wikinews.map(() => null), ...few.map((a) => `ecb-${a.topic}`)],
    subjects: few.map((_, n) => wikinews.length + n),
  };
}

/** Wikinews' labelled topics (Apple, Airbus and Boeing, carmakers, stock markets: 30 each) in the whole archive. */
function wikinewsTopicSet(wikinews: readonly WikinewsRecord[]): RelatedSet {
  const clusters = JSON.parse(readFileSync(WIKINEWS_CLUSTERS, 'utf8')) as { topicClusters: { id: string; articleIds: string[] }[] };
  const topicOf = new Map(clusters.topicClusters.flatMap((c) => c.articleIds.map((id) => [id, c.id] as const)));
  const topics = wikinews.map((a) => topicOf.get(a.id) ?? null);
  return { name: 'Wikinews labelled topics in the archive', articles: [...wikinews], topics, subjects: positions(wikinews.length).filter((n) => topics[n] !== null) };
}

async function reportSet(set: RelatedSet): Promise<RelatedCorpus> {
  const started = performance.now();
  const corpus = await readCorpus(set.articles);
  const ourLists = ours(corpus);
  const ms = performance.now() - started;
  const stored = previousRule(corpus);
  const newest = newestInSection(corpus);
  const scored = (lists: Lists) => measure(lists, set.topics, set.subjects);
  console.log(`\n${set.name}: ${set.articles.length} articles, ${set.subjects.length} scored (${ms.toFixed(0)} ms: names, rarity, ranking)`);
  console.log(HEADER);
  console.log(row(`ours: names + lede ≥ ${DEFAULT_RELATED_SETTINGS.threshold}`, scored(ourLists)));
  console.log(row('previous rule (stored list)', scored(stored)));
  console.log(row('previous page (stored list + newest topped up)', scored(toppedUp(stored, newest))));
  console.log(row('newest in the same section', scored(newest)));
  return corpus;
}

export async function benchRelated(): Promise<void> {
  const ecb = readJsonl<BenchArticle>(CLUSTERS_FILE);
  const wikinews = readJsonl<WikinewsRecord>(WIKINEWS_FILE);
  console.log('\nRelated Articles — right = same topic; P@k over the links shown in the first k places (×100);');
  console.log('covered = % of scored articles with any related; shown = mean links shown (at most 5)');
  await reportSet(ecbSet(ecb));
  await reportSet(wikinewsTopicSet(wikinews));
  const sparse = sparseSet(ecb, wikinews);
  const corpus = await reportSet(sparse);

  // Settings were chosen on the tuning topics of the sparse set; the held-out topics say whether they carry.
  const tuned = tuningTopics(ecb);
  const inTuning = (n: number) => tuned.has(Number(sparse.topics[n]!.slice(4)));
  const tuning = sparse.subjects.filter(inTuning);
  const heldOut = sparse.subjects.filter((n) => !inTuning(n));
  console.log(`\nsettings grid on the sparse set: tuning topics (${tuning.length} articles) | held-out topics (${heldOut.length})`);
  console.log(`${HEADER} | ${'P@3'.padStart(6)} ${'P@5'.padStart(6)} ${'covered'.padStart(8)}`);
  for (const [name, settings] of GRID) {
    const lists = ours(corpus, settings);
    const held = measure(lists, sparse.topics, heldOut);
    console.log(`${row(name, measure(lists, sparse.topics, tuning))} | ${held.precisionAt3.toFixed(1).padStart(6)} ${held.precisionAt5.toFixed(1).padStart(6)} ${held.coverage.toFixed(1).padStart(8)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchRelated();
