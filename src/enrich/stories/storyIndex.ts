/**
 * What the clusterer needs to remember between articles, behind one interface so the same code runs on the
 * in-memory index here and on one kept in the store. Every lookup is bounded (a posting list is read from its
 * newest end, a bucket holds few documents), so adding an article costs the same at ten thousand articles as
 * at one thousand: nothing here ever scans the corpus.
 */
import type { Fingerprint } from './fingerprint.ts';

/** A story as the clusterer keeps it between articles. */
export interface StoredStory {
  id: string;
  /** Member document ids, in arrival order: the first names the story. */
  members: string[];
  /** Member titles, for choosing the headline. */
  titles: string[];
  /** Sum of the members' unit TF-IDF vectors (pruned to its heaviest terms). */
  centroid: Map<string, number>;
  /** Euclidean norm of the centroid, kept so a comparison costs only the article's terms. */
  centroidNorm: number;
  /** Order in which stories were opened: when two merge, the older one keeps its id. */
  opened: number;
  /** Members that brought a vector to the centroid (near-duplicates do not: they would weigh one text twice). */
  vectorCount: number;
  /** Earliest and latest publication time of the members, epoch ms, when known. */
  firstSeen: number | null;
  lastSeen: number | null;
}

export interface FiledDocument {
  id: string;
  storyId: string;
  fingerprint: Fingerprint;
  /** The earlier article this one is a copy of, if it is one. */
  nearDuplicateOf: string | null;
}

export interface StoryIndex {
  /** Documents counted so far, and how many of them hold a term: the IDF statistics. */
  documentCount(): number;
  documentFrequency(term: string): number;
  countDocument(terms: Iterable<string>): void;

  /** A story by its id, or by the id of a story since merged into it. */
  story(id: string): StoredStory | undefined;
  saveStory(story: StoredStory): void;
  /** Removes a story merged into another; its id leads to the other from now on. */
  retireStory(id: string, mergedInto: string): void;
  stories(): Iterable<StoredStory>;

  /** Notes that a story now uses these terms (as of an article published at `time`, epoch ms, if known). */
  postStoryTerms(storyId: string, terms: readonly string[], time: number | null): void;
  /**
   * Stories that used a term, newest first, at most `limit` of them, and none posted before `since` (epoch
   * ms) when it is given: a story quiet for longer than the time window cannot take a new article.
   */
  storiesWithTerm(term: string, limit: number, since: number | null): string[];

  /** Files a document's fingerprint under its bucket keys. */
  fileDocument(document: FiledDocument, buckets: readonly string[]): void;
  document(id: string): FiledDocument | undefined;
  /** Documents filed under a bucket key, newest first, at most `limit` of them. */
  documentsInBucket(bucket: string, limit: number): string[];
}

interface Posting {
  storyId: string;
  time: number | null;
}

/** The index in this process's memory: for the CLI, tests and benchmarks, and until the store keeps one. */
export class MemoryStoryIndex implements StoryIndex {
  #documents = 0;
  readonly #frequency = new Map<string, number>();
  readonly #stories = new Map<string, StoredStory>();
  readonly #mergedInto = new Map<string, string>();
  readonly #postings = new Map<string, Posting[]>();
  readonly #filed = new Map<string, FiledDocument>();
  readonly #buckets = new Map<string, string[]>();

  documentCount(): number {
    return this.#documents;
  }

  documentFrequency(term: string): number {
    return this.#frequency.get(term) ?? 0;
  }

  countDocument(terms: Iterable<string>): void {
    this.#documents++;
    for (const term of new Set(terms)) this.#frequency.set(term, (this.#frequency.get(term) ?? 0) + 1);
  }

  story(id: string): StoredStory | undefined {
    let current = id;
    for (let next = this.#mergedInto.get(current); next !== undefined; next = this.#mergedInto.get(current)) current = next;
    return this.#stories.get(current);
  }

  retireStory(id: string, mergedInto: string): void {
    this.#stories.delete(id);
    this.#mergedInto.set(id, mergedInto);
  }

  saveStory(story: StoredStory): void {
    this.#stories.set(story.id, story);
  }

  stories(): Iterable<StoredStory> {
    return this.#stories.values();
  }

  postStoryTerms(storyId: string, terms: readonly string[], time: number | null): void {
    for (const term of terms) {
      const list = this.#postings.get(term);
      const posting = { storyId, time };
      const last = list?.[list.length - 1];
      if (!list) this.#postings.set(term, [posting]);
      else if (last?.storyId === storyId) last.time = time;
      else list.push(posting);
    }
  }

  storiesWithTerm(term: string, limit: number, since: number | null): string[] {
    const list = this.#postings.get(term);
    if (!list) return [];
    const stories = new Set<string>();
    // A repeated story costs a step, so bound the steps too, not only the results.
    for (let i = list.length - 1, steps = 0; i >= 0 && stories.size < limit && steps < limit * 4; i--, steps++) {
      const posting = list[i]!;
      if (since !== null && posting.time !== null && posting.time < since) break;
      stories.add(posting.storyId);
    }
    return [...stories];
  }

  fileDocument(document: FiledDocument, buckets: readonly string[]): void {
    this.#filed.set(document.id, document);
    for (const bucket of buckets) {
      const list = this.#buckets.get(bucket);
      if (list) list.push(document.id);
      else this.#buckets.set(bucket, [document.id]);
    }
  }

  document(id: string): FiledDocument | undefined {
    return this.#filed.get(id);
  }

  documentsInBucket(bucket: string, limit: number): string[] {
    const list = this.#buckets.get(bucket);
    return list ? list.slice(-limit).reverse() : [];
  }
}
