/**
 * Cross-document entity timelines on ../shared/benchmarks/timelines/ (SemEval-2015 Task 4 gold over 45
 * MEANTIME Wikinews articles): for each target entity, the sentences of its articles that name it, dated by
 * our timeline (the sentence's own date, anchored on the article's date) or, when the sentence names none, by
 * the article's date. Scored by the folder's scorer (date-level and date-only P/R/F1) beside its dct-mention
 * baseline; the published SemEval figures use another metric (temporal awareness) and are quoted for
 * orientation only.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildTimeline } from '../src/enrich/timeline/index.ts';
import { BENCH_FOLDER, runScorer } from './timex.ts';

interface BenchDocument {
  id: string;
  dct: string;
  sentences: string[];
}

interface EntityTimeline {
  id: string;
  entity: string;
  documents: string[];
}

/** Last words of a name too common to stand for it alone ("Singapore Airlines" is not every "Airlines"). */
const GENERIC_LAST_WORDS = new Set('airlines airways index average composite markets force workers reserve america worldwide'.split(' '));

/** How an article may name the entity: its name, its initials ("GM"), its distinctive last word ("Mulally"). */
export function entityNames(entity: string): RegExp[] {
  const words = entity.split(/\s+/);
  const names = [new RegExp(`\\b${escape(entity)}\\b`, 'i')];
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w));
  if (capitals.length >= 2) names.push(new RegExp(`\\b${capitals.map((w) => w[0]).join('')}\\b`));
  const last = words.at(-1)!;
  if (words.length >= 2 && /^\p{Lu}\p{Ll}{3,}$/u.test(last) && !GENERIC_LAST_WORDS.has(last.toLowerCase())) names.push(new RegExp(`\\b${last}\\b`));
  return names;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A timeline date as the scorer reads it: the start of an interval, to the day with X for what is unknown. */
function goldForm(date: string): string {
  const [start] = date.split('/');
  const [y, m, d] = start!.split('-');
  return `${y}-${m ?? 'XX'}-${d ?? 'XX'}`;
}

/** Each sentence's dates: the timeline's facts from it, else the article's own date. */
function datedSentences(doc: BenchDocument): Map<number, string[]> {
  const dates = new Map<number, string[]>();
  for (const fact of buildTimeline({ paragraphs: doc.sentences, publishedAt: `${doc.dct}T12:00:00Z` })) {
    const list = dates.get(fact.sentence.paragraph) ?? [];
    list.push(goldForm(fact.date));
    dates.set(fact.sentence.paragraph, list);
  }
  return dates;
}

export function predictEntityTimelines(file: string): void {
  const read = (name: string) => readFileSync(join(BENCH_FOLDER, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  const documents = new Map((read('documents.jsonl') as BenchDocument[]).map((d) => [d.id, d]));
  const dated = new Map([...documents.values()].map((d) => [d.id, datedSentences(d)]));
  const lines = (read('timelines.jsonl') as EntityTimeline[]).map((target) => {
    const names = entityNames(target.entity);
    const timeline = target.documents.flatMap((id) => {
      const doc = documents.get(id);
      if (!doc) return [];
      // Sentence 1 is the dateline: a date, not an event.
      return doc.sentences.flatMap((sentence, index) => {
        if (index === 1 || !names.some((name) => name.test(sentence))) return [];
        const dates = dated.get(id)!.get(index) ?? [goldForm(doc.dct)];
        return [...new Set(dates)].map((date) => ({ date, doc: id, sentence: index }));
      });
    });
    return JSON.stringify({ id: target.id, timeline });
  });
  writeFileSync(file, lines.join('\n') + '\n');
}

const f = (n: number | undefined) => (n === undefined ? '  –  ' : n.toFixed(3));

export async function benchEntityTimelines(): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'entity-timelines-')), 'predictions.jsonl');
  predictEntityTimelines(file);
  const gold = join(BENCH_FOLDER, 'timelines.jsonl');
  console.log('\nentity timelines — SemEval-2015 Task 4 gold, 32 entities over 45 Wikinews articles');
  for (const anchored of [false, true]) {
    const extra = anchored ? ['--anchored-only'] : [];
    const ours = runScorer('score_timelines.py', [gold, file, ...extra]);
    const base = runScorer('score_timelines.py', [gold, '--baseline', 'dct-mention', ...extra]);
    console.log(`  ${anchored ? 'anchored only (313 gold triples)' : 'all (424 gold triples)'}`);
    for (const [name, s] of [['ours  timeline + mention', ours], ['base  dct-mention      ', base]] as const) {
      console.log(
        `    ${name} date-level P/R/F1 ${f(s.date_level_precision)}/${f(s.date_level_recall)}/${f(s.date_level_f1)}` +
          `  date-only macro P/R/F1 ${f(s.date_only_macro_precision)}/${f(s.date_only_macro_recall)}/${f(s.date_only_macro_f1)}`,
      );
    }
  }
  console.log('  published (other metric: temporal-awareness F1 of the ordering) SemEval-2015 Task 4 Track A best run 0.0785;');
  console.log('            Track B (gold events given) GPLSIUA_1 0.2536, HeidelToul_2 0.183 — for orientation only');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchEntityTimelines();
