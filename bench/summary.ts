/**
 * Grounded summary quality and speed: our 3-sentence summary against LEAD-3 and a greedy extractive oracle (the 3
 * article sentences picked one at a time for the best ROUGE-2 against the reference: about as high as choosing
 * sentences can go), computed by the same scorer in the same run, with the share of the LEAD-3 → oracle gap we
 * close and the count of emitted sentences that are not verbatim in their article (must be 0), on the BBC News benchmark half we did not fit on (and, for reference, the half we did), and on GUM
 * Wikinews with its human summaries (never used for fitting). ROUGE is computed exactly as the benchmark's
 * rouge.py (Porter-stemmed), sentence F1 against BBC's extractive references.
 * `npx tsx bench/summary.ts --fit` refits the salience weights on the fitting half and prints them.
 */
import { pathToFileURL } from 'node:url';
import { articleSentences } from '../src/enrich/sentences.ts';
import { rougeN, rougeTokens } from '../src/enrich/summary/rouge.ts';
import { bestRougeScores, leadSummary, sentenceScores, summarize, type RougeScores } from '../src/enrich/summary/index.ts';
import { FEATURE_NAMES, SALIENCE_WEIGHTS, salienceCues } from '../src/enrich/summary/salience.ts';
import { isFittingArticle, loadSummarySet, type BenchmarkArticle } from '../src/enrich/summary/summaryCorpus.ts';

/** Published LEAD-3 on this BBC half (README, stemmed). */
const PUBLISHED_LEAD3 = { rouge1: 44.79, rouge2: 36.33, rougeL: 34.56, rougeLsum: 43.78, sentenceF1: 36.5 };
const SUMMARY_SENTENCES = 3;

interface Figures extends RougeScores {
  sentenceP: number;
  sentenceR: number;
  sentenceF1: number;
}

export function scoreSummaries(articles: readonly BenchmarkArticle[], summaryOf: (a: BenchmarkArticle) => string): Figures {
  const total: Figures = { rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0, sentenceP: 0, sentenceR: 0, sentenceF1: 0 };
  for (const article of articles) {
    const candidate = summaryOf(article);
    const rouge = bestRougeScores(candidate, article.references, true);
    const sentences = sentenceScores(candidate, article.references[0]!);
    total.rouge1 += rouge.rouge1;
    total.rouge2 += rouge.rouge2;
    total.rougeL += rouge.rougeL;
    total.rougeLsum += rouge.rougeLsum;
    total.sentenceP += sentences.precision;
    total.sentenceR += sentences.recall;
    total.sentenceF1 += sentences.f1;
  }
  for (const key of Object.keys(total) as (keyof Figures)[]) total[key] /= Math.max(1, articles.length);
  return total;
}

export const oursSummary = (article: BenchmarkArticle, sentences = SUMMARY_SENTENCES): string =>
  summarize({ headline: article.headline, paragraphs: article.paragraphs }, { sentences }).sentences.map((s) => s.text).join('\n');

/** Greedy extractive oracle: add the sentence that most raises ROUGE-2 F1 (best over references), `k` times. */
export function oracleSummary(article: BenchmarkArticle, k = SUMMARY_SENTENCES): string {
  const sentences = articleSentences(article.paragraphs).map((s) => s.text);
  const references = article.references.map((r) => rougeTokens(r, true));
  const rouge2 = (texts: readonly string[]): number => {
    const candidate = rougeTokens(texts.join('\n'), true);
    return Math.max(...references.map((r) => rougeN(candidate, r, 2).f1));
  };
  const picked: number[] = [];
  while (picked.length < Math.min(k, sentences.length)) {
    let best = -1;
    let bestScore = -1;
    sentences.forEach((_, i) => {
      if (picked.includes(i)) return;
      const score = rouge2([...picked, i].sort((a, b) => a - b).map((j) => sentences[j]!));
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    picked.push(best);
  }
  return picked.sort((a, b) => a - b).map((i) => sentences[i]!).join('\n');
}

/** Emitted summary sentences (at `k`) that are not, whitespace aside, a span of their article's text. */
export function nonVerbatimCount(articles: readonly BenchmarkArticle[], k = SUMMARY_SENTENCES): { bad: number; total: number } {
  const normal = (text: string): string => text.replace(/\s+/g, ' ').trim();
  let bad = 0;
  let total = 0;
  for (const article of articles) {
    const body = normal(article.paragraphs.join('\n\n'));
    for (const s of summarize(article, { sentences: k }).sentences) {
      total++;
      if (!body.includes(normal(s.text))) bad++;
    }
  }
  return { bad, total };
}

const fmt = (n: number): string => n.toFixed(2).padStart(6);

function printRow(label: string, f: Figures, withSentences: boolean): void {
  const sentences = withSentences ? `  sent P/R/F1 ${fmt(f.sentenceP)} ${fmt(f.sentenceR)} ${fmt(f.sentenceF1)}` : '';
  console.log(`  ${label.padEnd(22)} R-1 ${fmt(f.rouge1)}  R-2 ${fmt(f.rouge2)}  R-L ${fmt(f.rougeL)}  R-Lsum ${fmt(f.rougeLsum)}${sentences}`);
}

function printGain(ours: Figures, lead: Figures, withSentences: boolean): void {
  const d = (a: number, b: number): string => (a - b >= 0 ? '+' : '') + (a - b).toFixed(2);
  const sentences = withSentences ? `  sent F1 ${d(ours.sentenceF1, lead.sentenceF1)}` : '';
  console.log(`  ${'ours − LEAD'.padEnd(22)} R-1 ${d(ours.rouge1, lead.rouge1)}  R-2 ${d(ours.rouge2, lead.rouge2)}  R-L ${d(ours.rougeL, lead.rougeL)}  R-Lsum ${d(ours.rougeLsum, lead.rougeLsum)}${sentences}`);
}

function printGapClosed(ours: Figures, lead: Figures, oracle: Figures): void {
  const share = (100 * (ours.rouge2 - lead.rouge2)) / (oracle.rouge2 - lead.rouge2);
  console.log(`  ${'LEAD-3 → oracle gap'.padEnd(22)} R-2 ${share.toFixed(1)} % closed`);
}

export async function benchSummary(): Promise<void> {
  const bbc = loadSummarySet('bbc-news-summary.jsonl');
  const gum = loadSummarySet('gum-news-summaries.jsonl');
  const heldOut = bbc.filter((_, i) => !isFittingArticle(i));
  const fitting = bbc.filter((_, i) => isFittingArticle(i));

  console.log(`\nSummary: ours (${SUMMARY_SENTENCES} sentences) vs LEAD-3, same scorer (rouge.py conventions, Porter), same run`);
  for (const [name, set] of [
    [`BBC held-out half (${heldOut.length})`, heldOut],
    [`BBC fitting half (${fitting.length})`, fitting],
    [`BBC all (${bbc.length})`, bbc],
  ] as const) {
    console.log(name);
    const lead = scoreSummaries(set, (a) => leadSummary(a.article, SUMMARY_SENTENCES));
    const ours = scoreSummaries(set, (a) => oursSummary(a));
    const oracle = scoreSummaries(set, (a) => oracleSummary(a));
    printRow('LEAD-3', lead, true);
    printRow('ours', ours, true);
    printRow('greedy oracle', oracle, true);
    printGain(ours, lead, true);
    printGapClosed(ours, lead, oracle);
  }
  const verbatim = nonVerbatimCount(bbc);
  console.log(`  not verbatim in their article: ${verbatim.bad} of ${verbatim.total} summary sentences (BBC all, 3 each)`);
  const p = PUBLISHED_LEAD3;
  console.log(`  published LEAD-3 (all ${bbc.length}): R-1 ${p.rouge1}  R-2 ${p.rouge2}  R-L ${p.rougeL}  R-Lsum ${p.rougeLsum}  sent F1 ${p.sentenceF1}`);

  console.log(`GUM Wikinews (${gum.length} articles, human summaries, best of references; not used for fitting)`);
  const gumLead1 = scoreSummaries(gum, (a) => leadSummary(a.article, 1));
  const gumLead3 = scoreSummaries(gum, (a) => leadSummary(a.article, 3));
  printRow('LEAD-1', gumLead1, false);
  printRow('LEAD-3', gumLead3, false);
  const gumOurs1 = scoreSummaries(gum, (a) => oursSummary(a, 1));
  const gumOurs3 = scoreSummaries(gum, (a) => oursSummary(a, 3));
  printRow('ours, 1 sentence', gumOurs1, false);
  printRow('ours, 3 sentences', gumOurs3, false);
  const gumOracle = scoreSummaries(gum, (a) => oracleSummary(a));
  printRow('greedy oracle, 3', gumOracle, false);
  printGain(gumOurs3, gumLead3, false);
  printGapClosed(gumOurs3, gumLead3, gumOracle);

  const articles = [...bbc, ...gum];
  for (const a of articles.slice(0, 200)) summarize(a); // warm-up
  const started = process.hrtime.bigint();
  for (const a of articles) summarize(a);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`speed: ${(articles.length / seconds).toFixed(0)} articles/s, ${((seconds * 1000) / articles.length).toFixed(2)} ms/article (one core, ${articles.length} articles)`);
}

/** Logistic regression of "sentence is in the BBC reference" on the salience cues, fitting half only. */
export function fitSalienceWeights(articles: readonly BenchmarkArticle[]): number[] {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const article of articles) {
    const reference = new Set(article.references[0]!.split('\n').map((s) => s.replace(/\s+/g, ' ').trim()));
    const sentences = articleSentences(article.paragraphs);
    const cues = salienceCues(sentences.map((s, index) => ({ text: s.text, index, paragraph: s.paragraph })), article.headline);
    cues.features.forEach((f, i) => {
      rows.push(f);
      labels.push(reference.has(sentences[i]!.text.replace(/\s+/g, ' ').trim()) ? 1 : 0);
    });
  }
  const LEARNING_RATE = 0.5;
  const ITERATIONS = 2000;
  const L2 = 1e-4;
  const weights = new Array<number>(FEATURE_NAMES.length).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(weights.length).fill(0);
    rows.forEach((row, r) => {
      let z = 0;
      for (let k = 0; k < row.length; k++) z += row[k]! * weights[k]!;
      const error = 1 / (1 + Math.exp(-z)) - labels[r]!;
      for (let k = 0; k < row.length; k++) gradient[k]! += error * row[k]!;
    });
    for (let k = 0; k < weights.length; k++) weights[k]! -= LEARNING_RATE * (gradient[k]! / rows.length + L2 * weights[k]!);
  }
  return weights;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--fit')) {
    const bbc = loadSummarySet('bbc-news-summary.jsonl');
    const weights = fitSalienceWeights(bbc.filter((_, i) => isFittingArticle(i)));
    FEATURE_NAMES.forEach((name, k) => console.log(`${name.padEnd(16)} ${weights[k]!.toFixed(2).padStart(6)}   (now ${SALIENCE_WEIGHTS[k]})`));
    console.log(`[${weights.map((w) => w.toFixed(2)).join(', ')}]`);
  } else {
    await benchSummary();
  }
}
