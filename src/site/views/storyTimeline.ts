import type { TimelineFact } from '../../domain/index.ts';

/** A dated fact of a story, with the article whose sentence it came from. */
export interface StoryFact {
  fact: TimelineFact;
  articleId: number;
}

/** A story page's timeline is read, not searched: beyond this many facts it stops being one. */
export const STORY_TIMELINE_LENGTH = 40;

/**
 * One timeline out of the timelines of a story's articles: in date order (ISO dates and intervals sort by
 * their start as text), each fact once — two sources dating the same event the same way say it once, from the
 * earlier article. Articles come oldest first, so the first teller of a fact is the one linked.
 */
export function storyTimeline(timelines: readonly { articleId: number; timeline: readonly TimelineFact[] }[]): StoryFact[] {
  const seen = new Set<string>();
  const facts: StoryFact[] = [];
  for (const { articleId, timeline } of timelines) {
    for (const fact of timeline) {
      const key = `${fact.date}\u0000${fact.label.toLowerCase().replace(/\s+/g, ' ').trim()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ fact, articleId });
    }
  }
  // Stable: facts of one date keep the order their articles told them in.
  return facts.sort((a, b) => (a.fact.date < b.fact.date ? -1 : a.fact.date > b.fact.date ? 1 : 0)).slice(0, STORY_TIMELINE_LENGTH);
}
