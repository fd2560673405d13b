/**
 * Stories: articles from different sources about the same event, grouped by the clusterer (enrich/stories)
 * and remembered by a StoryIndex, which the store implements so that placing an article never scans the
 * corpus and many workers share one memory. The types live here because both enrich/ and store/ use them.
 */

/** Wording fingerprint of an article: a syndicated copy or wire rewrite has one close to its original's. */
export interface Fingerprint {
  /** 64-bit SimHash of the text's three-word shingles. */
  simhash: bigint;
  /** MinHash signature of the same shingles. */
  minhash: Uint32Array;
}

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
  /** The earlier document this one is a copy of, if it is one. */
  nearDuplicateOf: string | null;
}

/**
 * What the clusterer needs to remember between articles. Every lookup is bounded (a posting list is read from
 * its newest end, a bucket holds few documents) and batched (one call for all of an article's terms), so adding
 * an article costs the same at a hundred thousand articles as at a thousand, and few round trips to a server.
 */
export interface StoryIndex {
  /** Documents counted so far, and how many of them hold each term: the IDF statistics. */
  documentCount(): Promise<number>;
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  countDocument(terms: Iterable<string>): Promise<void>;

  /**
   * A story by its id, or by the id of a story since merged into it. Stories handed out may be shared with
   * other readers (a cache): never change one in place; save a changed copy.
   */
  story(id: string): Promise<StoredStory | undefined>;
  /** Several stories at once; ids of merged stories lead to their survivor. */
  storiesById(ids: readonly string[]): Promise<Map<string, StoredStory>>;
  saveStory(story: StoredStory): Promise<void>;
  /** Removes a story merged into another; its id and its documents lead to the other from now on. */
  retireStory(id: string, mergedInto: string): Promise<void>;

  /** Notes that a story now uses these terms (as of an article published at `time`, epoch ms, if known). */
  postStoryTerms(storyId: string, terms: readonly string[], time: number | null): Promise<void>;
  /**
   * For each term, the stories that used it, newest first, at most `limit` of them, and none posted before
   * `since` (epoch ms) when it is given: a story quiet for longer than the time window cannot take an article.
   */
  storiesWithTerms(terms: readonly string[], limit: number, since: number | null): Promise<Map<string, string[]>>;

  /** Files a document's fingerprint under its bucket keys. */
  fileDocument(document: FiledDocument, buckets: readonly string[]): Promise<void>;
  document(id: string): Promise<FiledDocument | undefined>;
  /** Documents filed under any of the bucket keys, newest first, at most `limit` per bucket. */
  documentsInBuckets(buckets: readonly string[], limit: number): Promise<FiledDocument[]>;
}

/** A story as readers see it: its headline, how many articles tell it, and when (ISO, when known). */
export interface StoryListing {
  id: string;
  headline: string;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** Another source's copy of a stored article (a syndicated or rewired text), collapsed into it. */
export interface ArticleCopy {
  url: string;
  sourceName: string | null;
  headline: string;
  seenAt: string;
}
