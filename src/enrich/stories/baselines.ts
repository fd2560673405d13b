/**
 * The two reference clusterings of the clusters benchmark, written to match its score_clusters.py step for
 * step (same tokens, stop words, weights and summing order), so the bench can print them beside ours from the
 * same run: exact-title match, and TF-IDF cosine with single link at a threshold.
 */

export interface LabelledArticle {
  id: string;
  title: string;
  text: string;
}

/** Items with the same lower-cased, punctuation-stripped title share a cluster. */
export function exactTitleClusters(items: readonly LabelledArticle[]): Map<string, string> {
  return new Map(items.map((item) => [item.id, normaliseTitle(item.title)]));
}

function normaliseTitle(title: string): string {
  return (title ?? '').toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, ' ').split(/\s+/).filter(Boolean).join(' ');
}

const BASELINE_TOKEN = /[a-z0-9]+/g;
const BASELINE_STOP = new Set(
  `a an the and or but if of in on at to for from by with as is are was were be been
being it its this that these those he she they we you i his her their our your not no
said says say will would could should can may might has have had do does did than then
there here who whom which what when where why how all any some more most other such
into over after before about against between during up down out off again new`.split(/\s+/),
);

/** The benchmark's published TF-IDF row uses this threshold. */
export const BASELINE_TFIDF_THRESHOLD = 0.3;

/** TF-IDF vectors of title + text; any pair at or above `threshold` cosine joins their clusters. */
export function tfidfSingleLinkClusters(
  items: readonly LabelledArticle[],
  threshold = BASELINE_TFIDF_THRESHOLD,
): Map<string, string> {
  const docs = items.map((item) => {
    const counts = new Map<string, number>();
    for (const token of `${item.title ?? ''} ${item.text ?? ''}`.toLowerCase().match(BASELINE_TOKEN) ?? []) {
      if (token.length > 1 && !BASELINE_STOP.has(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    return counts;
  });
  const frequency = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const n = docs.length;
  const vectors = docs.map((doc) => {
    const vector = new Map<string, number>();
    for (const [term, count] of doc) vector.set(term, (1 + Math.log(count)) * Math.log((n + 1) / (frequency.get(term)! + 1)));
    const norm = Math.sqrt([...vector.values()].reduce((sum, x) => sum + x * x, 0)) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
  const parent = items.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const postings = new Map<string, [number, number][]>();
  vectors.forEach((vector, i) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term);
      if (list) list.push([i, weight]);
      else postings.set(term, [[i, weight]]);
    }
  });
  vectors.forEach((vector, i) => {
    const sums = new Map<number, number>();
    for (const [term, weight] of vector) {
      for (const [j, other] of postings.get(term)!) if (j > i) sums.set(j, (sums.get(j) ?? 0) + weight * other);
    }
    for (const [j, sum] of sums) if (sum >= threshold) parent[find(i)] = find(j);
  });
  return new Map(items.map((item, i) => [item.id, String(find(i))]));
}
