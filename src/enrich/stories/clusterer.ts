/**
 * Groups articles from different sources about the same event into stories, one article at a time.
 *
 * An article is a TF-IDF vector of its title and text, with the names it mentions as extra, heavier terms:
 * two look-alike events (two jewellery heists in Paris) share their vocabulary but not their names. Its
 * heaviest terms find candidate stories through the index's posting lists; it joins the candidate whose
 * centroid it is closest to, if close enough and within the time window, or else opens a new story. A
 * near-duplicate (a syndicated copy) joins its original's story whatever its vector says. Articles without a
 * publication time are kept apart by the years their leads name instead (eventCues.ts).
 */
import { fingerprint, fingerprintBuckets, hashString, isNearDuplicate } from './fingerprint.ts';
import { leadYears, leadYearsConflict, leadYearTalliesConflict, leadYearTally, tallyLeadYears } from './eventCues.ts';
import { chooseHeadline } from './headline.ts';
import {
  absorb,
  centroidCosine,
  cosine,
  heaviest,
  copyStory,
  joinStory,
  newStory,
  withinWindow,
  type Vector,
} from './storyCentroid.ts';
import type { FiledDocument, Fingerprint, StoredStory, StoryIndex } from '../../domain/index.ts';
import { MemoryStoryIndex } from './storyIndex.ts';
import { contentTerms, nameSlugs } from './words.ts';

export interface ClusterDocument {
  id: string;
  title: string;
  text: string;
  publishedAt?: string | null;
  source?: string | null;
  /** Entity slugs from the entity tagger, when it ran; otherwise names are guessed from capitals. */
  entities?: string[];
}

export interface StoryPlacement {
  storyId: string;
  nearDuplicateOf: string | null;
  /** Earlier articles that moved into `storyId` because their story merged into it with this article. */
  moved: string[];
}

export interface StorySummary {
  id: string;
  headline: string;
  members: string[];
}

/** Knobs of the clusterer; the defaults were tuned on half the topics of the clusters benchmark. */
export interface ClusterSettings {
  /** Cosine between an article and a story centroid at or above which the article joins the story. */
  joinSimilarity: number;
  /** How much heavier a name weighs than a common word of the same rarity. */
  nameWeight: number;
  /** How many of an article's heaviest terms are used to look up candidate stories. */
  queryTerms: number;
  /** Cosine between two story centroids at or above which they are one story told twice, and merge. */
  mergeSimilarity: number;
  /** Articles further apart than this (from the story's time span) are not the same event. */
  timeWindowDays: number;
  /**
   * For articles without a publication time: members reported with no year in their leads that a story needs
   * before an article whose lead names a year is kept out of it (0, the default: only a different year keeps
   * it out). Off because it rewards a habit of one corpus, not a property of events: see README.md.
   */
  undatedMembers: number;
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  joinSimilarity: 0.2,
  nameWeight: 2,
  queryTerms: 25,
  mergeSimilarity: 0.4,
  timeWindowDays: 10,
  undatedMembers: 0,
};

/** The title says what the story is about; counting its words twice leans the vector towards it. */
const TITLE_REPEAT = 2;
/**
 * Documents the IDF pretends to have seen before the first one arrives: without it the first articles of an
 * empty index weigh every word at zero (a word in every document seen says nothing).
 */
const PRIOR_DOCUMENTS = 20;
/** Stories read from each posting list: the newest ones, which are the only ones a new article can join. */
const STORIES_PER_TERM = 40;
/** Candidate stories compared in full with an article. */
const COMPARED_STORIES = 60;
/** Documents read from each fingerprint bucket. */
const DOCUMENTS_PER_BUCKET = 20;
/** Terms of a story posted in the index: enough to be found by any article about it. */
const POSTED_TERMS = 40;
const NAME_PREFIX = '@';
const DAY_MS = 86_400_000;


export class StoryClusterer {
  readonly #index: StoryIndex;
  readonly #settings: ClusterSettings;

  constructor(index: StoryIndex = new MemoryStoryIndex(), settings: Partial<ClusterSettings> = {}) {
    this.#index = index;
    this.#settings = { ...DEFAULT_CLUSTER_SETTINGS, ...settings };
  }

  /**
   * Places an article in a story. Adding an article id again changes nothing and answers as the first time.
   * Calls must not overlap on one index: each reads what the one before wrote (the store serialises them).
   */
  async add(doc: ClusterDocument): Promise<StoryPlacement> {
    const known = await this.#index.document(doc.id);
    if (known) return { storyId: known.storyId, nearDuplicateOf: known.nearDuplicateOf, moved: [] };
    const print = fingerprint(`${doc.title}\n${doc.text}`);
    const time = publicationTime(doc.publishedAt);
    const duplicateOf = await this.#findNearDuplicate(print);
    const terms = this.#terms(doc);
    // With a publication time the time window tells events apart; without one, the lead's years stand in.
    const years = time === null ? leadYears(doc) : [];

    let story: StoredStory | undefined;
    let vector: Vector | null = null;
    const moved: string[] = [];
    if (duplicateOf) {
      story = await this.#index.story(duplicateOf.storyId);
    } else {
      vector = await this.#vector(terms);
      story = await this.#closestStory(vector, time, years);
    }
    await this.#index.countDocument(terms.keys());
    story = story ? copyStory(story) : newStory(await storyIdFor(doc.id, this.#index), await this.#index.documentCount());
    joinStory(story, doc, vector, time);
    tallyLeadYears(story, years);
    await this.#index.saveStory(story);
    if (vector) {
      story = await this.#mergeRetold(story, time, moved);
      await this.#index.postStoryTerms(story.id, heaviest(story.centroid, POSTED_TERMS), time);
    }
    const nearDuplicateOf = duplicateOf?.id ?? null;
    await this.#index.fileDocument({ id: doc.id, storyId: story.id, fingerprint: print, nearDuplicateOf }, fingerprintBuckets(print));
    return { storyId: story.id, nearDuplicateOf, moved: moved.filter((id) => id !== doc.id) };
  }

  /**
   * Counts an article's words towards how rare each word is, without placing it in a story: past articles
   * (or any news corpus) teach the clusterer which words are common before the first story arrives.
   */
  async learnVocabulary(doc: Pick<ClusterDocument, 'title' | 'text' | 'entities'>): Promise<void> {
    await this.#index.countDocument(this.#terms(doc).keys());
  }

  async #findNearDuplicate(print: Fingerprint): Promise<FiledDocument | undefined> {
    const filed = await this.#index.documentsInBuckets(fingerprintBuckets(print), DOCUMENTS_PER_BUCKET);
    return filed.find((document) => isNearDuplicate(print, document.fingerprint));
  }

  /** Term counts of title (counted twice) and text, with names under their own prefix. */
  #terms(doc: Pick<ClusterDocument, 'title' | 'text' | 'entities'>): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (term: string, times = 1) => counts.set(term, (counts.get(term) ?? 0) + times);
    for (const term of contentTerms(doc.title)) add(term, TITLE_REPEAT);
    for (const term of contentTerms(doc.text)) add(term);
    const names = doc.entities ?? nameSlugs(`${doc.title}\n${doc.text}`);
    for (const name of names) add(NAME_PREFIX + name);
    return counts;
  }

  /**
   * Unit TF-IDF vector, sublinear in term count so one word repeated does not drown the rest. The IDF counts
   * the article itself among the documents, as if it had been counted first.
   */
  async #vector(terms: Map<string, number>): Promise<Vector> {
    const [count, frequencies] = await Promise.all([this.#index.documentCount(), this.#index.documentFrequencies([...terms.keys()])]);
    const documents = count + 1 + PRIOR_DOCUMENTS;
    const vector: Vector = new Map();
    let norm = 0;
    for (const [term, times] of terms) {
      const idf = Math.log((documents + 1) / ((frequencies.get(term) ?? 0) + 1 + 1));
      const weight = (1 + Math.log(times)) * idf * (term.startsWith(NAME_PREFIX) ? this.#settings.nameWeight : 1);
      if (weight <= 0) continue;
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  }

  /**
   * A story that grew may now read as another story told twice (its first articles came in before the two
   * could be seen to agree): the two merge, and the older keeps its id.
   */
  async #mergeRetold(story: StoredStory, time: number | null, moved: string[]): Promise<StoredStory> {
    const candidates = await this.#candidates(story.centroid, time);
    const stories = await this.#index.storiesById(candidates);
    let survivor = story;
    for (const id of candidates) {
      const other = stories.get(id);
      if (!other || other.id === survivor.id || !withinWindow(other, time, this.#settings.timeWindowDays * DAY_MS)) continue;
      if (centroidCosine(survivor, other) < this.#settings.mergeSimilarity) continue;
      if (time === null && leadYearTalliesConflict(leadYearTally(survivor), leadYearTally(other), this.#settings.undatedMembers)) continue;
      const [older, newer] = other.opened < survivor.opened ? [other, survivor] : [survivor, other];
      moved.push(...newer.members);
      const merged = copyStory(older);
      absorb(merged, newer);
      await this.#index.retireStory(newer.id, merged.id);
      await this.#index.saveStory(merged);
      survivor = merged;
    }
    return survivor;
  }

  /** Stories sharing the heaviest terms of a vector, strongest overlap first. */
  async #candidates(vector: Vector, time: number | null): Promise<string[]> {
    const since = time === null ? null : time - this.#settings.timeWindowDays * DAY_MS;
    const terms = heaviest(vector, this.#settings.queryTerms);
    const postings = await this.#index.storiesWithTerms(terms, STORIES_PER_TERM, since);
    const hits = new Map<string, number>();
    for (const term of terms) {
      for (const id of postings.get(term) ?? []) hits.set(id, (hits.get(id) ?? 0) + vector.get(term)!);
    }
    return [...hits.entries()].sort((a, b) => b[1] - a[1]).slice(0, COMPARED_STORIES).map(([id]) => id);
  }

  async #closestStory(vector: Vector, time: number | null, years: readonly string[]): Promise<StoredStory | undefined> {
    // Stories sharing more of the article's heaviest terms come first; only the leaders are compared in full.
    const windowMs = this.#settings.timeWindowDays * DAY_MS;
    const candidates = await this.#candidates(vector, time);
    const stories = await this.#index.storiesById(candidates);
    let best: StoredStory | undefined;
    let bestSimilarity = this.#settings.joinSimilarity;
    for (const id of candidates) {
      const story = stories.get(id);
      if (!story || !withinWindow(story, time, windowMs)) continue;
      const similarity = cosine(vector, story);
      if (similarity >= bestSimilarity && !(years.length > 0 && leadYearsConflict(years, leadYearTally(story), this.#settings.undatedMembers))) {
        best = story;
        bestSimilarity = similarity;
      }
    }
    return best;
  }
}

/** The stories of an in-memory run, each with its chosen headline. */
export function listStories(index: MemoryStoryIndex): StorySummary[] {
  return index.stories().map((story) => ({ id: story.id, headline: chooseHeadline(story), members: [...story.members] }));
}

/**
 * A stable id from the first member's id: the same article opening the same story gives the same id on
 * every run, and the id never changes as the story grows.
 */
async function storyIdFor(firstMemberId: string, index: StoryIndex): Promise<string> {
  const base = `story-${hashString(firstMemberId).toString(36)}${hashString(`${firstMemberId}#`).toString(36)}`;
  let id = base;
  for (let n = 2; await index.story(id); n++) id = `${base}-${n}`;
  return id;
}

function publicationTime(publishedAt: string | null | undefined): number | null {
  if (!publishedAt) return null;
  const time = Date.parse(publishedAt);
  return Number.isNaN(time) ? null : time;
}
