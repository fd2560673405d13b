/**
 * The labelled stories the section model learns from: the Wikinews demo corpus (CC BY 2.5), whose records carry a
 * suggested section from their Wikinews categories (Economy and business → Business, Politics and conflicts →
 * Politics). Records without a section (the 2019–2020 set) are not used.
 *
 * The split into training and held-out stories is fixed by a hash of each story's id, so it never changes
 * when records are added or reordered, and a held-out story can never leak into training.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LabelledStory {
  id: string;
  headline: string;
  text: string;
  section: string;
}

/** The shared demo corpus, read in place (never copied into the repo). */
export const WIKINEWS_ARTICLES = fileURLToPath(
  new URL('../../../../shared/demo/wikinews/articles.jsonl', import.meta.url),
);

/** One story in this many is held out: 20 %, enough for a stable accuracy figure on ~1,300 stories. */
const HELD_OUT_ONE_IN = 5;

/** Whether a story belongs to the held-out split (the first byte of SHA-1 of its id, modulo HELD_OUT_ONE_IN). */
export function isHeldOut(id: string): boolean {
  return createHash('sha1').update(id).digest()[0]! % HELD_OUT_ONE_IN === 0;
}

/** Every Wikinews record that has a section, in file order. */
export function readLabelledStories(path = WIKINEWS_ARTICLES): LabelledStory[] {
  const stories: LabelledStory[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id: string; title: string; text: string; section: string | null };
    if (!record.section) continue;
    stories.push({ id: record.id, headline: record.title, text: record.text, section: record.section });
  }
  return stories;
}

/** The fixed split of the labelled stories. */
export function splitStories(stories: readonly LabelledStory[]): { training: LabelledStory[]; heldOut: LabelledStory[] } {
  const training: LabelledStory[] = [];
  const heldOut: LabelledStory[] = [];
  for (const story of stories) (isHeldOut(story.id) ? heldOut : training).push(story);
  return { training, heldOut };
}
