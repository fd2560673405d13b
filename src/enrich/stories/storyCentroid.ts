/**
 * A story's running state: its members, its time span and the centroid of its members' vectors, kept to its
 * heaviest terms so that comparing an article with a big story costs no more than with a small one.
 */
import type { ClusterDocument } from './clusterer.ts';
import type { StoredStory } from '../../domain/index.ts';

export type Vector = Map<string, number>;

/** Terms a centroid keeps: far more than any article's heaviest terms, few enough to compare fast. */
const CENTROID_TERMS = 400;

/**
 * Prefix of the story's own tallies kept among the centroid's terms (so any StoryIndex stores them with it):
 * no article has such a term, and they take no part in norms, cosines, pruning or posting.
 */
export const TALLY_PREFIX = '~';
export function isTally(term: string): boolean {
  return term.startsWith(TALLY_PREFIX);
}

export function newStory(id: string, opened: number): StoredStory {
  return { id, opened, members: [], titles: [], centroid: new Map(), centroidNorm: 0, vectorCount: 0, firstSeen: null, lastSeen: null };
}

/**
 * A story to change: an index hands out stories it may share with other readers (the store keeps parsed
 * stories in a cache), so the clusterer changes a copy and saves that.
 */
export function copyStory(story: StoredStory): StoredStory {
  return { ...story, members: [...story.members], titles: [...story.titles], centroid: new Map(story.centroid) };
}

export function joinStory(story: StoredStory, doc: ClusterDocument, vector: Vector | null, time: number | null): void {
  story.members.push(doc.id);
  story.titles.push(doc.title);
  if (time !== null) {
    story.firstSeen = story.firstSeen === null ? time : Math.min(story.firstSeen, time);
    story.lastSeen = story.lastSeen === null ? time : Math.max(story.lastSeen, time);
  }
  if (!vector) return;
  story.vectorCount++;
  for (const [term, weight] of vector) story.centroid.set(term, (story.centroid.get(term) ?? 0) + weight);
  pruneCentroid(story);
}

/** Keeps the centroid to its heaviest terms and refreshes its norm. */
function pruneCentroid(story: StoredStory): void {
  if (story.centroid.size > CENTROID_TERMS * 2) {
    const tallies = [...story.centroid].filter(([term]) => isTally(term));
    story.centroid = new Map([...heaviest(story.centroid, CENTROID_TERMS).map((term) => [term, story.centroid.get(term)!] as const), ...tallies]);
  }
  let norm = 0;
  for (const [term, weight] of story.centroid) if (!isTally(term)) norm += weight * weight;
  story.centroidNorm = Math.sqrt(norm);
}

/** Cosine of two stories' centroids, walking the smaller one. */
export function centroidCosine(a: StoredStory, b: StoredStory): number {
  const [small, large] = a.centroid.size <= b.centroid.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.centroid) if (!isTally(term)) dot += weight * (large.centroid.get(term) ?? 0);
  return dot === 0 ? 0 : dot / (a.centroidNorm * b.centroidNorm);
}

/** Moves every member of `newer` into `older`, after the older story's own members. */
export function absorb(older: StoredStory, newer: StoredStory): void {
  older.members.push(...newer.members);
  older.titles.push(...newer.titles);
  older.vectorCount += newer.vectorCount;
  for (const [term, weight] of newer.centroid) older.centroid.set(term, (older.centroid.get(term) ?? 0) + weight);
  for (const time of [newer.firstSeen, newer.lastSeen]) {
    if (time === null) continue;
    older.firstSeen = older.firstSeen === null ? time : Math.min(older.firstSeen, time);
    older.lastSeen = older.lastSeen === null ? time : Math.max(older.lastSeen, time);
  }
  pruneCentroid(older);
}

export function withinWindow(story: StoredStory, time: number | null, windowMs: number): boolean {
  if (time === null || story.firstSeen === null || story.lastSeen === null) return true;
  return time >= story.firstSeen - windowMs && time <= story.lastSeen + windowMs;
}

/** Cosine of a unit vector and a story's centroid. */
export function cosine(vector: Vector, story: StoredStory): number {
  let dot = 0;
  for (const [term, weight] of vector) dot += weight * (story.centroid.get(term) ?? 0);
  return dot === 0 ? 0 : dot / story.centroidNorm;
}

/** The heaviest terms of a vector or centroid (tallies are not terms). */
export function heaviest(vector: Vector, count: number): string[] {
  return [...vector.entries()]
    .filter(([term]) => !isTally(term))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([term]) => term);
}
