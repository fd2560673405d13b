/**
 * Search latency as the archive grows: one store per dialect filled to each size in SEARCH_SIZES (default 1,000
 * then 100,000 articles) by the scale bench's generator (real reporting recombined), and at each size the same
 * mix of reader queries run through store.search (ranking, total and marked passages, as the page asks for
 * them). Aims from the issue: p95 < 10 ms on SQLite at 100k, and 100k within 1.5× of 1k.
 *
 * The policy measured (store/searchEngine.ts): matches are walked newest first, the newest RANKED_WINDOW are
 * ranked with the newest headline matches, and they are counted only that far ("more than 500"), so at 100k
 * most queries of the mix stop at the window. The machine's load average is printed beside the figures:
 * on a shared machine they move with it.
 *
 * Articles are written in multi-row inserts straight to the articles table (the index keeps itself current,
 * so this is the path the triggers and generated column see in production, minus the enrichment a real import
 * also does). PostgreSQL is skipped, with a note, when none answers at DATABASE_URL / TEST_DATABASE_URL.
 *
 * `npx tsx bench/search.ts` runs it alone; SEARCH_SIZES=1000,10000 for a quick look, SEARCH_DIALECTS=sqlite for one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { contentHash, DEFAULT_SECTIONS, type ArticleDraft } from '../src/domain/index.ts';
import { seededRandom } from '../src/enrich/seededRandom.ts';
import { openStore, type SearchQuery, type Store } from '../src/store/index.ts';
import { connectPostgres } from '../src/store/postgres.ts';
import { RANKED_WINDOW } from '../src/store/searchEngine.ts';
import { contentColumns } from '../src/store/rows.ts';
import type { Database } from '../src/store/schema.ts';
import { connectSqlite } from '../src/store/sqlite.ts';
import { generator, loadBases } from './scale.ts';

const DEFAULT_SIZES = [1_000, 100_000];
/** Queries timed at each size, after each has run once untimed (statements prepared, pages cached). */
const QUERIES = 400;
/** Rows a fill statement writes: well under either dialect's limit on bound values. */
const FILL_BATCH = 400;
const PAGE_SIZE = 10;
const P95_AIM_MS = 10;
const GROWTH_AIM = 1.5;
const PG_URL = process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';
/** Words every news archive is full of: the queries whose matches are most numerous. */
const COMMON_WORDS = ['government', 'police', 'president', 'people', 'minister', 'company', 'world', 'election'];

type Kind = 'word' | 'common' | 'two words' | 'phrase' | 'prefix' | 'section+dates' | 'page 3';
interface TimedQuery {
  kind: Kind;
  query: SearchQuery;
}

export async function benchSearch(): Promise<void> {
  const sizes = (process.env['SEARCH_SIZES'] ?? DEFAULT_SIZES.join(','))
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
  const bases = loadBases();
  const largest = sizes[sizes.length - 1]!;
  const generate = generator(bases, largest);
  const queries = queryMix(bases.map((base) => base.title));
  console.log(
    `\nSearch (load average ${loadAverage()}): stores grown to ${sizes.map((n) => n.toLocaleString('en')).join(' and ')} articles; ${QUERIES} queries ` +
      `(${[...new Set(queries.map((q) => q.kind))].join(', ')}) through store.search, ${PAGE_SIZE} results with passages; ` +
      `matches counted to ${RANKED_WINDOW}`,
  );

  const rows: { dialect: string; size: number; p50: number; p95: number; p99: number; byKind: Map<Kind, number> }[] = [];
  const dialects = (process.env['SEARCH_DIALECTS'] ?? 'sqlite,postgres').split(',');
  for (const dialect of (['sqlite', 'postgres'] as const).filter((d) => dialects.includes(d))) {
    const target = await openTarget(dialect);
    if (typeof target === 'string') {
      console.log(`  postgres: skipped (${target})`);
      continue;
    }
    try {
      let count = 0;
      for (const size of sizes) {
        const started = performance.now();
        while (count < size) {
          const batch = Math.min(FILL_BATCH, size - count);
          await insertBatch(target.writer, Array.from({ length: batch }, () => count++), generate, largest);
        }
        if (dialect === 'postgres') await sql`analyze articles`.execute(target.writer);
        console.log(
          `  ${dialect}: filled to ${size.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
            `timing at load average ${loadAverage()}`,
        );
        for (const { query } of queries) await target.store.search.search(query);
        const times: number[] = [];
        const byKind = new Map<Kind, number[]>();
        for (const { kind, query } of queries) {
          const t0 = performance.now();
          await target.store.search.search(query);
          const ms = performance.now() - t0;
          times.push(ms);
          byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
        }
        rows.push({
          dialect,
          size,
          p50: percentile(times, 0.5),
          p95: percentile(times, 0.95),
          p99: percentile(times, 0.99),
          byKind: new Map([...byKind].map(([kind, ms]) => [kind, percentile(ms, 0.95)])),
        });
      }
    } finally {
      await target.close();
    }
  }
  report(rows);
}

interface Target {
  store: Store;
  writer: Kysely<Database>;
  close(): Promise<void>;
}

/** The store to time, or why PostgreSQL could not be opened. */
async function openTarget(dialect: 'sqlite' | 'postgres'): Promise<Target | string> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-search-'));
    const file = join(dir, 'search.db');
    const store = await openStore({ databaseUrl: null, sqliteFile: file });
    const writer = connectSqlite(file);
    return {
      store,
      writer,
      async close() {
        await writer.destroy();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `newsdesk_bench_${randomBytes(4).toString('hex')}`;
  let store: Store;
  try {
    store = await openStore({ databaseUrl: PG_URL, sqliteFile: '', pgSchema: schema });
  } catch (error) {
    return `no store at ${PG_URL}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const writer = await connectPostgres(PG_URL, schema);
  return {
    store,
    writer,
    async close() {
      await store.close();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(writer);
      await writer.destroy();
    },
  };
}

/** Articles `ns` of the generated archive, published, spread over the sections, in one statement. */
async function insertBatch(db: Kysely<Database>, ns: number[], generate: (n: number) => ArticleDraft, total: number): Promise<void> {
  const values = ns.map((n) => {
    const draft = generate(n);
    const at = draft.publishedAt!;
    const hash = contentHash(draft);
    return {
      ...contentColumns({
        ...draft,
        section: DEFAULT_SECTIONS[n % DEFAULT_SECTIONS.length]!.slug,
        contentHash: hash,
        status: 'published',
        publishedAt: at,
        updatedAt: at,
        provenance: null,
      }),
      slug: `a-${n}`,
      source_key: `bench:${n}:${total}`,
      created_at: at,
    };
  });
  await db.insertInto('articles').values(values).execute();
}

/** The same queries at every size: words and pairs from real headlines, common words, filters, a deeper page. */
function queryMix(titles: readonly string[]): TimedQuery[] {
  const next = seededRandom(2024);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const wordsOf = (title: string) => title.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  const titleWords = () => {
    for (;;) {
      const words = wordsOf(pick(titles));
      if (words.length >= 2) return words;
    }
  };
  const base = { limit: PAGE_SIZE, offset: 0 };
  const kinds: Array<() => TimedQuery> = [
    () => ({ kind: 'word', query: { ...base, q: pick(titleWords()) } }),
    () => ({ kind: 'common', query: { ...base, q: pick(COMMON_WORDS) } }),
    () => {
      const words = titleWords();
      return { kind: 'two words', query: { ...base, q: `${words[0]} ${words[words.length - 1]}` } };
    },
    () => {
      const words = titleWords();
      const at = Math.floor(next() * (words.length - 1));
      return { kind: 'phrase', query: { ...base, q: `"${words[at]} ${words[at + 1]}"` } };
    },
    () => ({ kind: 'prefix', query: { ...base, q: `${pick(titleWords()).slice(0, 4)}*` } }),
    () => {
      // A month of the two years the generator spreads articles over.
      const month = Math.floor(next() * 24);
      const from = new Date(Date.UTC(2023, month, 1));
      const to = new Date(Date.UTC(2023, month + 1, 0));
      return {
        kind: 'section+dates',
        query: { ...base, q: pick(titleWords()), section: pick(DEFAULT_SECTIONS).slug, from: day(from), to: day(to) },
      };
    },
    () => ({ kind: 'page 3', query: { ...base, q: pick(COMMON_WORDS), offset: 2 * PAGE_SIZE } }),
  ];
  return Array.from({ length: QUERIES }, (_, i) => kinds[i % kinds.length]!());
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function report(rows: { dialect: string; size: number; p50: number; p95: number; p99: number; byKind: Map<Kind, number> }[]): void {
  const kinds = [...(rows[0]?.byKind.keys() ?? [])];
  console.log(
    ['dialect'.padEnd(9), 'articles'.padStart(9), 'p50 ms'.padStart(7), 'p95 ms'.padStart(7), 'p99 ms'.padStart(7), ...kinds.map((k) => `p95 ${k}`.padStart(Math.max(8, k.length + 4)))].join(' '),
  );
  for (const row of rows) {
    console.log(
      [
        row.dialect.padEnd(9),
        row.size.toLocaleString('en').padStart(9),
        row.p50.toFixed(2).padStart(7),
        row.p95.toFixed(2).padStart(7),
        row.p99.toFixed(2).padStart(7),
        ...kinds.map((k) => row.byKind.get(k)!.toFixed(2).padStart(Math.max(8, k.length + 4))),
      ].join(' '),
    );
  }
  for (const dialect of new Set(rows.map((row) => row.dialect))) {
    const mine = rows.filter((row) => row.dialect === dialect);
    const first = mine[0]!;
    const last = mine[mine.length - 1]!;
    const verdicts: string[] = [];
    if (mine.length >= 2) {
      const ratio = last.p95 / first.p95;
      verdicts.push(`p95 ${first.size.toLocaleString('en')} → ${last.size.toLocaleString('en')}: ${ratio.toFixed(2)}× (aim ≤ ${GROWTH_AIM}×) ${ratio <= GROWTH_AIM ? 'ok' : 'OVER'}`);
    }
    if (dialect === 'sqlite') {
      verdicts.push(`p95 at ${last.size.toLocaleString('en')}: ${last.p95.toFixed(2)} ms (aim < ${P95_AIM_MS} ms) ${last.p95 < P95_AIM_MS ? 'ok' : 'OVER'}`);
    }
    console.log(`${dialect}: ${verdicts.join('; ')}`);
  }
}

/** The last 1, 5 and 15 minutes' load, as `uptime` prints it: the bench shares the machine. */
function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchSearch();
}
