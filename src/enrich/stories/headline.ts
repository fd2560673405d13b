import type { StoredStory } from '../../domain/index.ts';
import { contentTerms } from './words.ts';

/**
 * Titles outside these lengths are rarely headlines: a dateline ("Jan 05,2011") or a whole lede sentence
 * given as a title. They are chosen only when a story has nothing better.
 */
const HEADLINE_CHARS = { min: 20, max: 110 };

/**
 * The member title that best says what the story is about: the one whose words weigh most in the centroid,
 * per word, so a long lede sentence does not win by length alone. Ties go to the earliest member.
 */
export function chooseHeadline(story: StoredStory): string {
  const fitting = story.titles.filter((title) => title.length >= HEADLINE_CHARS.min && title.length <= HEADLINE_CHARS.max);
  const candidates = fitting.length > 0 ? fitting : story.titles;
  let best = candidates[0] ?? '';
  let bestScore = -1;
  for (const title of candidates) {
    const terms = contentTerms(title);
    if (terms.length === 0) continue;
    let score = 0;
    for (const term of new Set(terms)) score += story.centroid.get(term) ?? 0;
    score /= Math.sqrt(terms.length);
    if (score > bestScore) {
      best = title;
      bestScore = score;
    }
  }
  return best;
}
