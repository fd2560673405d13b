/**
 * Time-expression quality on the MEANTIME Wikinews articles of ../shared/benchmarks/timelines/timex.jsonl
 * (TempEval-3 Task A scoring by the folder's own scorer): our `findTimexes` against the folder's year-regex
 * baseline, beside the published TempEval-3 figures of HeidelTime and SUTime (other data: TE3-platinum).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findTimexes } from '../src/enrich/timeline/timex.ts';

export const BENCH_FOLDER = fileURLToPath(new URL('../../shared/benchmarks/timelines/', import.meta.url));

/** TempEval-3 Task A, English (UzZaman et al. 2013, Table 3): value F1 and relaxed F1, on TE3-platinum. */
const PUBLISHED = [
  { system: 'HeidelTime-t', relaxedF1: 0.903, valueF1: 0.7761 },
  { system: 'SUTime', relaxedF1: 0.9032, valueF1: 0.6738 },
  { system: 'ClearTK-1,2', relaxedF1: 0.9023, valueF1: 0.6466 },
];

interface TimexDocument {
  id: string;
  dct: string;
  text: string;
}

type Scores = Record<string, number>;

/** Runs the folder's scorer and returns the JSON object it prints last. */
export function runScorer(script: string, args: readonly string[]): Scores {
  const out = execFileSync('python3', [join(BENCH_FOLDER, script), ...args], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Scores;
}

export function predictTimexes(file: string): void {
  const lines = readFileSync(join(BENCH_FOLDER, 'timex.jsonl'), 'utf8').split('\n').filter(Boolean);
  const predictions = lines.map((line) => {
    const doc = JSON.parse(line) as TimexDocument;
    const timexes = findTimexes(doc.text, new Date(`${doc.dct}T12:00:00Z`));
    return JSON.stringify({ id: doc.id, timexes: timexes.map(({ start, end, type, value }) => ({ start, end, type, value })) });
  });
  writeFileSync(file, predictions.join('\n') + '\n');
}

const figure = (n: number | undefined) => (n === undefined ? '  –  ' : n.toFixed(3));

export async function benchTimex(): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'timex-')), 'predictions.jsonl');
  predictTimexes(file);
  const gold = join(BENCH_FOLDER, 'timex.jsonl');
  console.log('\ntime expressions — MEANTIME Wikinews, 60 articles, 253 gold TIMEX3 (TempEval-3 Task A scoring)');
  for (const skip of [false, true]) {
    const extra = skip ? ['--skip-dateline'] : [];
    const ours = runScorer('score_timex.py', [gold, file, ...extra]);
    const base = runScorer('score_timex.py', [gold, '--baseline', 'year-regex', ...extra]);
    console.log(`  ${skip ? 'without datelines (193 gold)' : 'all (253 gold)'}`);
    for (const [name, s] of [['ours  findTimexes ', ours], ['base  year-regex  ', base]] as const) {
      console.log(
        `    ${name} strict F1 ${figure(s.strict_f1)}  relaxed P/R/F1 ${figure(s.relaxed_precision)}/${figure(s.relaxed_recall)}/${figure(s.relaxed_f1)}` +
          `  value acc ${figure(s.value_accuracy)}  value F1 ${figure(s.value_f1)}  type F1 ${figure(s.type_f1)}`,
      );
    }
  }
  for (const p of PUBLISHED) {
    console.log(`  published ${p.system.padEnd(13)} relaxed F1 ${figure(p.relaxedF1)}  value F1 ${figure(p.valueF1)}  (TempEval-3 TE3-platinum, other data)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchTimex();
