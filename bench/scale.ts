/**
 * Growth: does enriching one more article cost the same in a big archive as in a small one? One SQLite store
 * grows to each size in SCALE_SIZES (default 10,000 then 100,000 articles); at each size the same number of new
 * articles are imported the whole way (enrichment, story placement, related lists, all stored) and timed.
 * The bar: per-article time at 100k within 2× of 10k.
 *
 * The archive is real reporting recombined: Wikinews demo stories, ECB+ and BBC articles (read in place from
 * ../shared), each synthetic article a real lede and first paragraph followed by paragraphs of other real
 * articles, dated evenly over two years. Filling it runs the real store path (insert, story index, related
 * lists) with a light enrichment (entities only, from a per-paragraph cache), since the costly pure steps do
 * not depend on the archive; the timed articles run everything.
 *
 * `npx tsx bench/scale.ts` runs it alone; SCALE_SIZES=1000,5000 for a quick look.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../src/enrich/seededRandom.ts';
import { contentHash, paragraphSection, type ArticleDraft, type ArticleEntity } from '../src/domain/index.ts';
import { articleText } from '../src/enrich/articleText.ts';
import { enrichArticle, ENRICHMENT_VERSION, type ComputedEnrichment } from '../src/enrich/enrichArticle.ts';
import { findEntities } from '../src/enrich/entities/index.ts';
import { importArticle } from '../src/ingest/index.ts';
import { saveAndPlace } from '../src/newsroom/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const SHARED = new URL('../../shared/', import.meta.url);
const DEFAULT_SIZES = [10_000, 100_000];
/** Articles timed at each size. */
const PROBES = 200;
/** Articles a fill transaction writes: big enough that commits are not what is measured. */
const FILL_BATCH = 250;
const TWO_YEARS_MS = 2 * 365 * 86_400_000;
const START = Date.UTC(2023, 0, 1);
const GROWTH_LIMIT = 2;

interface Base {
  title: string;
  paragraphs: string[];
}

export async function benchScale(): Promise<void> {
  const sizes = (process.env['SCALE_SIZES'] ?? DEFAULT_SIZES.join(','))
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
  const bases = loadBases();
  const total = sizes[sizes.length - 1]! + PROBES * sizes.length;
  const generate = generator(bases, total);
  console.log(
    `\nScale: one SQLite store grown to ${sizes.map((n) => n.toLocaleString('en')).join(' and ')} articles ` +
      `(${bases.length.toLocaleString('en')} real articles recombined); ${PROBES} new articles imported whole at each size`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-scale-'));
  const store = await openStore({ databaseUrl: null, sqliteFile: join(dir, 'scale.db') });
  const entityCache = new Map<string, ArticleEntity[]>();
  const rows: { size: number; enrichP95: number; placeP95: number; meanMs: number }[] = [];
  try {
    let count = 0;
    for (const size of sizes) {
      const fillStarted = performance.now();
      const filledFrom = count;
      while (count < size) {
        const batch = Math.min(FILL_BATCH, size - count);
        await store.transaction(async (trx) => {
          for (let i = 0; i < batch; i++) await fillOne(trx, generate(count++), entityCache);
        });
        if (process.stderr.isTTY) process.stderr.write(`\r  filling: ${count.toLocaleString('en')} / ${size.toLocaleString('en')}`);
      }
      const fillSeconds = (performance.now() - fillStarted) / 1000;
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      console.log(`  filled ${(count - filledFrom).toLocaleString('en')} articles in ${fillSeconds.toFixed(0)} s (${((count - filledFrom) / fillSeconds).toFixed(0)}/s, store path only)`);

      const enrichMs: number[] = [];
      const placeMs: number[] = [];
      const totalMs: number[] = [];
      for (let i = 0; i < PROBES; i++) {
        const draft = generate(count++);
        const t0 = performance.now();
        enrichArticle({ ...draft, publishedAt: draft.publishedAt });
        const t1 = performance.now();
        await store.transaction((trx) => importArticle(trx, draft, { sourceKey: `scale:${count}` }));
        const t2 = performance.now();
        enrichMs.push(t1 - t0);
        // importArticle enriches again inside: its store share is what is left after one pure enrichment.
        placeMs.push(Math.max(0, t2 - t1 - (t1 - t0)));
        totalMs.push(t2 - t1);
      }
      rows.push({ size, enrichP95: p95(enrichMs), placeP95: p95(placeMs), meanMs: mean(totalMs) });
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(['articles'.padStart(9), 'ms/article'.padStart(11), 'articles/s'.padStart(11), 'p95 enrich'.padStart(11), 'p95 store+story'.padStart(16)].join(' '));
  for (const row of rows) {
    console.log(
      [row.size.toLocaleString('en').padStart(9), row.meanMs.toFixed(2).padStart(11), (1000 / row.meanMs).toFixed(0).padStart(11), row.enrichP95.toFixed(2).padStart(11), row.placeP95.toFixed(2).padStart(16)].join(' '),
    );
  }
  if (rows.length >= 2) {
    const ratio = rows[rows.length - 1]!.meanMs / rows[0]!.meanMs;
    console.log(`growth ${rows[0]!.size.toLocaleString('en')} → ${rows[rows.length - 1]!.size.toLocaleString('en')}: ${ratio.toFixed(2)}× per article (limit ${GROWTH_LIMIT}×) ${ratio <= GROWTH_LIMIT ? 'ok' : 'TOO SLOW'}`);
  }
}

/** Stores one archive article through the real store path, with only the enrichment the archive needs. */
export async function fillOne(store: Omit<Store, 'transaction' | 'close' | 'migrate'>, draft: ArticleDraft, cache: Map<string, ArticleEntity[]>): Promise<void> {
  const at = draft.publishedAt!;
  const article = await store.articles.insert({
    slug: `a-${contentHash(draft).slice(0, 16)}`,
    section: 'world',
    sourceKey: `fill:${contentHash(draft)}`,
    contentHash: contentHash(draft),
    headline: draft.headline,
    dek: null, summary: null, lede: draft.lede, body: draft.body, hero: null, byline: null, source: null, provenance: null,
    status: 'published',
    publishedAt: at, createdAt: at, updatedAt: at,
  });
  const enrichment: ComputedEnrichment = {
    version: ENRICHMENT_VERSION,
    enrichedAt: at,
    summary: null,
    sections: null,
    entities: entitiesOf(articleText(draft).paragraphs, cache),
    timeline: [],
    suggestedSection: null,
    sectionConfidence: null,
    simhash: null,
  };
  await saveAndPlace(store, article, enrichment);
}

/** An article's entities as the union of its paragraphs', each paragraph tagged once and remembered. */
function entitiesOf(paragraphs: readonly string[], cache: Map<string, ArticleEntity[]>): ComputedEnrichment['entities'] {
  const merged = new Map<string, ArticleEntity>();
  for (const paragraph of paragraphs) {
    let found = cache.get(paragraph);
    if (!found) {
      found = findEntities({ headline: '', paragraphs: [paragraph] }).map((e) => ({
        slug: e.slug, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.length,
      }));
      cache.set(paragraph, found);
    }
    for (const entity of found) {
      const known = merged.get(entity.slug);
      if (known) known.mentions += entity.mentions;
      else merged.set(entity.slug, { ...entity });
    }
  }
  return [...merged.values()].sort((a, b) => b.mentions - a.mentions);
}

/** Article n of the synthetic archive: deterministic, dated evenly over two years. */
export function generator(bases: readonly Base[], total: number): (n: number) => ArticleDraft {
  return (n) => {
    const next = seededRandom(n + 1);
    const base = bases[Math.floor(next() * bases.length)]!;
    const paragraphs = base.paragraphs.slice(0, 2);
    const extra = 2 + Math.floor(next() * 4);
    for (let i = 0; i < extra; i++) {
      const other = bases[Math.floor(next() * bases.length)]!;
      const paragraph = other.paragraphs[Math.floor(next() * other.paragraphs.length)];
      if (paragraph) paragraphs.push(paragraph);
    }
    const [lede = base.title, ...rest] = paragraphs;
    return {
      headline: `${base.title} (${n})`,
      sectionName: 'World',
      dek: null,
      summary: null,
      lede,
      body: [paragraphSection(null, rest)],
      hero: null,
      byline: null,
      source: null,
      publishedAt: new Date(START + Math.floor((n / total) * TWO_YEARS_MS)).toISOString(),
    };
  };
}

export function loadBases(): Base[] {
  const read = <T>(path: string): T[] =>
    readFileSync(new URL(path, SHARED), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
  const split = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 40);
  const bases: Base[] = [
    ...read<{ title: string; text: string }>('demo/wikinews/articles.jsonl').map((a) => ({ title: a.title, paragraphs: split(a.text) })),
    ...read<{ title: string; text: string }>('benchmarks/clusters/ecbplus-stories.jsonl').map((a) => ({ title: a.title, paragraphs: split(a.text) })),
    ...read<{ title: string; article: string }>('benchmarks/summaries/bbc-news-summary.jsonl').map((a) => ({ title: a.title, paragraphs: split(a.article) })),
  ];
  return bases.filter((base) => base.paragraphs.length >= 2);
}


function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]!;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchScale();
}
