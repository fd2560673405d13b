import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BENCHMARK_FILE, BENCHMARK_SCORER, loadBenchmark } from './benchmark.ts';
import { BENCHMARK_TYPE, BENCHMARK_TYPES, capitalisedBaseline, scoreEntities, type EntityScore, type Prf } from './score.ts';
import { entitySpans } from './spans.ts';

interface PythonPrf {
  P: number;
  R: number;
  F1: number;
}
interface PythonScore {
  docs: number;
  gold_entities: number;
  predicted: number;
  strict: PythonPrf;
  span: PythonPrf;
  overlap: PythonPrf;
  overlap_untyped: PythonPrf;
  strict_F1_by_type: Record<string, number>;
}

function python(args: string[]): PythonScore {
  return JSON.parse(execFileSync('python3', [BENCHMARK_SCORER, '--data', BENCHMARK_FILE, ...args], { encoding: 'utf8' })) as PythonScore;
}

const rounded = (prf: Prf): PythonPrf => ({ P: round(prf.precision), R: round(prf.recall), F1: round(prf.f1) });
const round = (x: number): number => Math.round(x * 100) / 100;

function assertSameScore(ours: EntityScore, theirs: PythonScore): void {
  assert.equal(ours.documents, theirs.docs);
  assert.equal(ours.gold, theirs.gold_entities);
  assert.equal(ours.predicted, theirs.predicted);
  assert.deepEqual(rounded(ours.strict), theirs.strict);
  assert.deepEqual(rounded(ours.span), theirs.span);
  assert.deepEqual(rounded(ours.overlap), theirs.overlap);
  assert.deepEqual(rounded(ours.overlapUntyped), theirs.overlap_untyped);
  for (const type of BENCHMARK_TYPES) assert.equal(round(ours.byType[type].f1), theirs.strict_F1_by_type[type]);
}

describe('entity scorer', () => {
  const articles = loadBenchmark();

  test('the capitalised-words baseline scores as score_entities.py --baseline capitalised does', () => {
    const ours = scoreEntities(articles.map((a) => ({ id: a.id, gold: a.entities, predicted: capitalisedBaseline(a.text) })), true);
    assertSameScore(ours, python(['--baseline', 'capitalised']));
    assert.equal(round(ours.span.f1), 43.87, 'the figure the benchmark README publishes');
  });

  test('our predictions score as score_entities.py --pred does', () => {
    const documents = articles.map((a) => ({
      id: a.id,
      gold: a.entities,
      predicted: entitySpans(a.text).map((s) => ({ start: s.start, end: s.end, type: BENCHMARK_TYPE[s.type] })),
    }));
    const dir = mkdtempSync(join(tmpdir(), 'entities-'));
    try {
      const file = join(dir, 'pred.jsonl');
      writeFileSync(file, documents.map((d) => JSON.stringify({ id: d.id, entities: d.predicted })).join('\n') + '\n');
      assertSameScore(scoreEntities(documents), python(['--pred', file]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('strict needs span and type; overlap matches each gold entity once', () => {
    const gold = [
      { start: 0, end: 4, type: 'LOC' as const },
      { start: 10, end: 20, type: 'ORG' as const },
    ];
    const predicted = [
      { start: 0, end: 4, type: 'PER' as const },
      { start: 10, end: 15, type: 'ORG' as const },
      { start: 12, end: 20, type: 'ORG' as const },
    ];
    const score = scoreEntities([{ id: 'x', gold, predicted }]);
    assert.equal(score.strict.f1, 0);
    assert.equal(round(score.span.precision), 33.33);
    assert.equal(round(score.overlap.precision), 33.33, 'the second overlapping ORG finds its gold entity already used');
    assert.equal(score.overlapUntyped.recall, 100);
  });
});
