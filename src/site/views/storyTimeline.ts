import type { TimelineFact } from '../../domain/index.ts';

/** A dated fact of a story, with the article whose sentence it came from. */
export interface StoryFact {
  fact: TimelineFact;
  articleId: number;
  /** How many of the story's articles report this event (1 when only its teller does). */
  reports: number;
}

/**
 * A story page's timeline is read, not searched: about a dozen entries, the events the coverage agrees
 * matter. Beyond that it stops being a timeline and becomes an index.
 */
export const STORY_TIMELINE_LENGTH = 12;

/** Words that say nothing of which event it is; left out when comparing and weighing labels. */
const STOP_WORDS = new Set(
  (
    'a an the of in on at to for with by from and or but its their his her this that these those is are was were be ' +
    'been has have had will would can could may might not as it he she they we planned expected said says'
  ).split(' '),
);
/** Share of the smaller label's words two labels must share to tell one event ("Iowa holds caucuses" / "Iowa caucuses held"). */
const SAME_EVENT_OVERLAP = 0.5;
/** Weights of the ranking: another article reporting the event counts most; the lede and central words next. */
const WEIGHT_PER_REPORT = 1;
const WEIGHT_CENTRALITY = 0.6;
const WEIGHT_LEDE = 0.3;

interface Event {
  teller: { fact: TimelineFact; articleId: number };
  articles: Set<number>;
  words: Set<string>;
  order: number;
}

/**
 * One timeline out of the timelines of a story's articles (oldest first). The same event told by several
 * articles — same or overlapping date, most of the words of the shorter label shared — is one entry, linked
 * to its first teller. Entries are ranked by how many articles report them, how central their words are to
 * the story (shared with the other entries' labels) and whether they come from a lede; the best
 * STORY_TIMELINE_LENGTH are shown in date order. A one-word label (stored by older code) is never shown.
 */
export function storyTimeline(timelines: readonly { articleId: number; timeline: readonly TimelineFact[] }[]): StoryFact[] {
  const events: Event[] = [];
  for (const { articleId, timeline } of timelines) {
    for (const fact of timeline) {
      const words = contentWords(fact.label);
      if (fact.label.trim().split(/\s+/).length < 2 || words.size === 0) continue;
      const same = events.find((event) => sameEvent(event, fact, words));
      if (same) same.articles.add(articleId);
      else events.push({ teller: { fact, articleId }, articles: new Set([articleId]), words, order: events.length });
    }
  }
  const frequency = wordFrequency(events);
  return events
    .map((event) => ({ event, score: score(event, frequency) }))
    .sort((a, b) => b.score - a.score || a.event.order - b.event.order)
    .slice(0, STORY_TIMELINE_LENGTH)
    .map(({ event }) => event)
    // Stable: facts of one date keep the order their articles told them in.
    .sort((a, b) => compareDates(a.teller.fact.date, b.teller.fact.date) || a.order - b.order)
    .map((event) => ({ ...event.teller, reports: event.articles.size }));
}

function contentWords(label: string): Set<string> {
  const words = label
    .toLowerCase()
    .replace(/^(?:planned|expected):\s*/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map((w) => (w.length > 3 ? w.replace(/(?:es|s)$/, '') : w));
  return new Set(words);
}

function sameEvent(event: Event, fact: TimelineFact, words: Set<string>): boolean {
  if (!datesOverlap(event.teller.fact.date, fact.date)) return false;
  const shared = [...words].filter((w) => event.words.has(w)).length;
  return shared / Math.min(words.size, event.words.size) >= SAME_EVENT_OVERLAP;
}

/** "2020-01" and "2020-01-08" can be one event; "2020-01" and "2020-02" cannot. */
function datesOverlap(a: string, b: string): boolean {
  const start = (d: string) => d.split('/')[0]!;
  const [x, y] = [start(a), start(b)];
  return x.startsWith(y) || y.startsWith(x);
}

/** In how many events each word stands: the story's central words stand in many. */
function wordFrequency(events: readonly Event[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const event of events) for (const word of event.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return frequency;
}

function score(event: Event, frequency: ReadonlyMap<string, number>): number {
  const shared = [...event.words].map((w) => (frequency.get(w) ?? 1) - 1);
  const centrality = shared.length ? shared.reduce((sum, n) => sum + Math.min(n, 3), 0) / (3 * shared.length) : 0;
  const lede = event.teller.fact.sentence.paragraph === 0 ? 1 : 0;
  return WEIGHT_PER_REPORT * event.articles.size + WEIGHT_CENTRALITY * centrality + WEIGHT_LEDE * lede;
}

/** ISO dates and intervals sort by their start as text. */
function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
