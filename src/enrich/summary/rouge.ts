/**
 * ROUGE-1/2/L/Lsum and exact-sentence F1, computed exactly as the summary benchmark's reference scorer
 * (`../shared/benchmarks/summaries/rouge.py`) does, so figures printed by our bench compare with the published
 * ones. rouge.test.ts checks the two agree on real pairs. Conventions: lower-case, anything outside [a-z0-9]
 * becomes a space, optional Porter stemming of tokens longer than 3 characters, per-document F1 ×100.
 */
import { porterStem } from './porter.ts';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
  rougeLsum: number;
}

export interface SentenceScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Stemming only pays off on words long enough to carry a suffix; the reference scorer's cut-off. */
const SHORTEST_STEMMED = 4;

export function rougeTokens(text: string, stem = false): string[] {
  const tokens = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ').filter(Boolean);
  return stem ? tokens.map((t) => (t.length >= SHORTEST_STEMMED ? porterStem(t) : t)) : tokens;
}

function f1Of(hits: number, candidateTotal: number, referenceTotal: number): SentenceScores {
  const precision = candidateTotal ? hits / candidateTotal : 0;
  const recall = referenceTotal ? hits / referenceTotal : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): SentenceScores {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let hits = 0;
  for (const [gram, count] of c) hits += Math.min(count, r.get(gram) ?? 0);
  return f1Of(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Full LCS table, rows over `a`, as the reference scorer builds it (needed for its backtrack). */
function lcsTable(a: readonly string[], b: readonly string[]): Int32Array[] {
  const table = [new Int32Array(b.length + 1)];
  for (let i = 1; i <= a.length; i++) {
    const row = new Int32Array(b.length + 1);
    const previous = table[i - 1]!;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      row[j] = ai === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    table.push(row);
  }
  return table;
}

export function rougeL(candidate: readonly string[], reference: readonly string[]): SentenceScores {
  if (!candidate.length || !reference.length) return { precision: 0, recall: 0, f1: 0 };
  const lcs = lcsTable(reference, candidate)[reference.length]![candidate.length]!;
  return f1Of(lcs, candidate.length, reference.length);
}

function lcsReferenceIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const table = lcsTable(reference, candidate);
  const indices: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if (table[i - 1]![j]! >= table[i]![j - 1]!) i--;
    else j--;
  }
  return indices;
}

/** Summary-level union LCS over lines (ROUGE-Lsum). */
export function rougeLsum(candidate: readonly string[][], reference: readonly string[][]): SentenceScores {
  const m = reference.reduce((sum, s) => sum + s.length, 0);
  const n = candidate.reduce((sum, s) => sum + s.length, 0);
  if (!m || !n) return { precision: 0, recall: 0, f1: 0 };
  const left = (sentences: readonly string[][]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const s of sentences) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  };
  const referenceLeft = left(reference);
  const candidateLeft = left(candidate);
  let hits = 0;
  for (const r of reference) {
    const union = new Set<number>();
    for (const c of candidate) for (const i of lcsReferenceIndices(r, c)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const token = r[i]!;
      if ((candidateLeft.get(token) ?? 0) > 0 && (referenceLeft.get(token) ?? 0) > 0) {
        hits++;
        candidateLeft.set(token, candidateLeft.get(token)! - 1);
        referenceLeft.set(token, referenceLeft.get(token)! - 1);
      }
    }
  }
  return f1Of(hits, n, m);
}

const lines = (text: string): string[] => text.split('\n').filter((s) => s.trim());

/** Candidate and reference: one sentence per line. F1 ×100 for each metric. */
export function rougeScores(candidate: string, reference: string, stem = false): RougeScores {
  const c = rougeTokens(candidate, stem);
  const r = rougeTokens(reference, stem);
  return {
    rouge1: 100 * rougeN(c, r, 1).f1,
    rouge2: 100 * rougeN(c, r, 2).f1,
    rougeL: 100 * rougeL(c, r).f1,
    rougeLsum: 100 * rougeLsum(lines(candidate).map((s) => rougeTokens(s, stem)), lines(reference).map((s) => rougeTokens(s, stem))).f1,
  };
}

/** Several references: the best F1 per metric, as the reference scorer keeps. */
export function bestRougeScores(candidate: string, references: readonly string[], stem = false): RougeScores {
  const all = references.map((reference) => rougeScores(candidate, reference, stem));
  const best = (key: keyof RougeScores): number => Math.max(...all.map((s) => s[key]));
  return { rouge1: best('rouge1'), rouge2: best('rouge2'), rougeL: best('rougeL'), rougeLsum: best('rougeLsum') };
}

const normalSentence = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Exact-sentence precision/recall/F1 ×100, for references made of verbatim article sentences. */
export function sentenceScores(candidate: string, reference: string): SentenceScores {
  const c = new Set(lines(candidate).map(normalSentence));
  const r = new Set(lines(reference).map(normalSentence));
  let hits = 0;
  for (const s of c) if (r.has(s)) hits++;
  const { precision, recall, f1 } = f1Of(hits, c.size, r.size);
  return { precision: 100 * precision, recall: 100 * recall, f1: 100 * f1 };
}
