/**
 * The story index in this process's memory: for the CLI's streaming `cluster`, tests and benchmarks. The
 * store keeps the same index in tables (store/stories.ts) for the site and the workers; both implement the
 * domain's StoryIndex, so the clusterer runs unchanged on either.
 */
import type { FiledDocument, StoredStory, StoryIndex } from '../../domain/index.ts';

interface Posting {
  storyId: string;
  time: number | null;
}

export class MemoryStoryIndex implements StoryIndex {
  #documents = 0;
  readonly #frequency = new Map<string, number>();
  readonly #stories = new Map<string, StoredStory>();
  readonly #mergedInto = new Map<string, string>();
  readonly #postings = new Map<string, Posting[]>();
  readonly #filed = new Map<string, FiledDocument>();
  readonly #buckets = new Map<string, string[]>();

  /** Every live story, for listing at the end of a run. */
  stories(): StoredStory[] {
    return [...this.#stories.values()];
  }

  async documentCount(): Promise<number> {
    return this.#documents;
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    return new Map(terms.map((term) => [term, this.#frequency.get(term) ?? 0]));
  }

  async countDocument(terms: Iterable<string>): Promise<void> {
    this.#documents++;
    for (const term of new Set(terms)) this.#frequency.set(term, (this.#frequency.get(term) ?? 0) + 1);
  }

  async story(id: string): Promise<StoredStory | undefined> {
    return this.#live(id);
  }

  async storiesById(ids: readonly string[]): Promise<Map<string, StoredStory>> {
    const found = new Map<string, StoredStory>();
    for (const id of ids) {
      const story = this.#live(id);
      if (story) found.set(id, story);
    }
    return found;
  }

  async retireStory(id: string, mergedInto: string): Promise<void> {
    this.#stories.delete(id);
    this.#mergedInto.set(id, mergedInto);
  }

  async saveStory(story: StoredStory): Promise<void> {
    this.#stories.set(story.id, story);
  }

  async postStoryTerms(storyId: string, terms: readonly string[], time: number | null): Promise<void> {
    for (const term of terms) {
      const list = this.#postings.get(term);
      const posting = { storyId, time };
      const last = list?.[list.length - 1];
      if (!list) this.#postings.set(term, [posting]);
      else if (last?.storyId === storyId) last.time = time;
      else list.push(posting);
    }
  }

  async storiesWithTerms(terms: readonly string[], limit: number, since: number | null): Promise<Map<string, string[]>> {
    return new Map(terms.map((term) => [term, this.#storiesWithTerm(term, limit, since)]));
  }

  async fileDocument(document: FiledDocument, buckets: readonly string[]): Promise<void> {
    this.#filed.set(document.id, document);
    for (const bucket of buckets) {
      const list = this.#buckets.get(bucket);
      if (list) list.push(document.id);
      else this.#buckets.set(bucket, [document.id]);
    }
  }

  async document(id: string): Promise<FiledDocument | undefined> {
    return this.#current(this.#filed.get(id));
  }

  async documentsInBuckets(buckets: readonly string[], limit: number): Promise<FiledDocument[]> {
    const found = new Map<string, FiledDocument>();
    for (const bucket of buckets) {
      for (const id of (this.#buckets.get(bucket) ?? []).slice(-limit).reverse()) {
        const document = this.#current(this.#filed.get(id));
        if (document) found.set(id, document);
      }
    }
    return [...found.values()];
  }

  #live(id: string): StoredStory | undefined {
    return this.#stories.get(this.#survivor(id));
  }

  /** The id a story goes by now: its own, or that of the story it merged into. */
  #survivor(id: string): string {
    let current = id;
    for (let next = this.#mergedInto.get(current); next !== undefined; next = this.#mergedInto.get(current)) current = next;
    return current;
  }

  /** A filed document as of now: its story may have merged into another since it was filed. */
  #current(document: FiledDocument | undefined): FiledDocument | undefined {
    if (!document) return undefined;
    const storyId = this.#survivor(document.storyId);
    return storyId === document.storyId ? document : { ...document, storyId };
  }

  #storiesWithTerm(term: string, limit: number, since: number | null): string[] {
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
}
