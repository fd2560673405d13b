/**
 * B-cubed and pairwise scores of a clustering against gold story labels, computed exactly as the clusters
 * benchmark's score_clusters.py does (Bagga & Baldwin 1998), so figures printed here and there agree.
 */

export interface ClusterScores {
  items: number;
  goldStories: number;
  predictedClusters: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
}

/**
 * Scores `predicted` (item id → cluster label) against `gold` (item id → story label), both ×100. An item
 * missing from `predicted` stands alone, as in the Python scorer.
 */
export function scoreClusters(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): ClusterScores {
  const label = (id: string) => (predicted.has(id) ? `p:${predicted.get(id)}` : `alone:${id}`);
  const byGold = groupBy(gold, (id) => gold.get(id)!);
  const byPredicted = groupBy(gold, label);
  let precision = 0;
  let recall = 0;
  const joint = new Map<string, number>();
  for (const [id, story] of gold) {
    const goldMembers = byGold.get(story)!;
    const predictedMembers = byPredicted.get(label(id))!;
    let shared = 0;
    for (const other of predictedMembers) if (goldMembers.has(other)) shared++;
    precision += shared / predictedMembers.size;
    recall += shared / goldMembers.size;
    const key = `${story}\u0000${label(id)}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const n = gold.size;
  precision /= n;
  recall /= n;
  const pairs = (groups: Iterable<number>) => [...groups].reduce((sum, k) => sum + (k * (k - 1)) / 2, 0);
  const truePairs = pairs(joint.values());
  const predictedPairs = pairs([...byPredicted.values()].map((members) => members.size));
  const goldPairs = pairs([...byGold.values()].map((members) => members.size));
  const pairPrecision = predictedPairs ? truePairs / predictedPairs : 1;
  const pairRecall = goldPairs ? truePairs / goldPairs : 1;
  return {
    items: n,
    goldStories: byGold.size,
    predictedClusters: byPredicted.size,
    bcubedPrecision: percent(precision),
    bcubedRecall: percent(recall),
    bcubedF1: percent(f1(precision, recall)),
    pairwisePrecision: percent(pairPrecision),
    pairwiseRecall: percent(pairRecall),
    pairwiseF1: percent(f1(pairPrecision, pairRecall)),
  };
}

function groupBy(gold: ReadonlyMap<string, string>, key: (id: string) => string): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const id of gold.keys()) {
    const group = groups.get(key(id));
    if (group) group.add(id);
    else groups.set(key(id), new Set([id]));
  }
  return groups;
}

function f1(precision: number, recall: number): number {
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/** ×100, rounded to two places like the Python scorer's output. */
function percent(value: number): number {
  return Math.round(value * 10_000) / 100;
}
