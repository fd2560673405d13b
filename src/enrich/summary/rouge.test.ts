import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { leadSummary } from './leadBaseline.ts';
import { porterStem } from './porter.ts';
import { rougeScores, sentenceScores } from './rouge.ts';
import { loadSummarySet, SUMMARY_BENCHMARK_DIR } from './summaryCorpus.ts';
import { summarize } from './summarize.ts';

/** Runs the benchmark's own rouge.py on the given pairs and returns its per-pair figures. */
function pythonScores(pairs: { candidate: string; reference: string; article: string }[]): {
  stemmed: Record<string, number>;
  plain: Record<string, number>;
  sentences: number[];
  lead: string;
  stems: string[];
}[] {
  const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(SUMMARY_BENCHMARK_DIR)})
import rouge
out = []
for p in json.load(sys.stdin):
    out.append({
        "stemmed": rouge.score(p["candidate"], p["reference"], True),
        "plain": rouge.score(p["candidate"], p["reference"], False),
        "sentences": list(rouge.sentence_prf(p["candidate"], p["reference"])),
        "lead": rouge.lead(p["article"], 3),
        "stems": [rouge.porter_stem(t) for t in rouge.tokenize(p["article"]) if len(t) > 3],
    })
json.dump(out, sys.stdout)
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(pairs), maxBuffer: 64 << 20 }).toString());
}

describe('our scorer matches the benchmark reference scorer (rouge.py)', () => {
  const bbc = loadSummarySet('bbc-news-summary.jsonl');
  const gum = loadSummarySet('gum-news-summaries.jsonl');
  // A spread of articles from every category, plus GUM's abstractive references; candidates are our
  // summaries and, to cover unequal lengths and out-of-order lines, the reference's lines reversed vs LEAD-5.
  const picked = [...bbc.filter((_, i) => i % 37 === 0), ...gum.slice(0, 8)];
  const pairs = picked.flatMap((a) => {
    const ours = summarize(a).sentences.map((s) => s.text).join('\n');
    const reversed = a.references[0]!.split('\n').reverse().join('\n');
    return [
      { candidate: ours, reference: a.references[0]!, article: a.article },
      { candidate: leadSummary(a.article, 5), reference: reversed, article: a.article },
    ];
  });
  const expected = pythonScores(pairs);

  test(`ROUGE-1/2/L/Lsum, stemmed and not, and sentence P/R/F1 on ${pairs.length} pairs`, () => {
    assert.ok(pairs.length >= 36);
    pairs.forEach((pair, i) => {
      for (const stem of [true, false]) {
        const ours = rougeScores(pair.candidate, pair.reference, stem);
        const theirs = expected[i]![stem ? 'stemmed' : 'plain'];
        for (const key of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const) {
          assert.ok(Math.abs(ours[key] - theirs[key]!) < 1e-9, `pair ${i} ${key} stem=${stem}: ${ours[key]} vs ${theirs[key]}`);
        }
      }
      const s = sentenceScores(pair.candidate, pair.reference);
      assert.deepEqual([s.precision, s.recall, s.f1].map((x) => x.toFixed(9)), expected[i]!.sentences.map((x) => x.toFixed(9)));
    });
  });

  test('LEAD-3 with the reference splitter, and Porter stems, are the same', () => {
    pairs.forEach((pair, i) => {
      assert.equal(leadSummary(pair.article, 3), expected[i]!.lead, `pair ${i}`);
      const ours = pair.article.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ').filter((t) => t.length > 3).map(porterStem);
      assert.deepEqual(ours, expected[i]!.stems, `pair ${i}`);
    });
  });
});
