import type { ArticleDraft } from './article.ts';

/** A story with less body than this is a headline, not an article: it waits as a draft for an editor. */
export const DEFAULT_MIN_BODY_WORDS = 80;

export interface PublishRules {
  /** Words the lede and body must have between them (PUBLISH_MIN_WORDS). */
  minBodyWords: number;
}

export const DEFAULT_PUBLISH_RULES: PublishRules = { minBodyWords: DEFAULT_MIN_BODY_WORDS };

/** Words of what a reader reads below the headline: the lede and every block of text in the body. */
export function bodyWordCount(article: Pick<ArticleDraft, 'lede' | 'body'>): number {
  const texts = [article.lede ?? ''];
  for (const section of article.body) {
    for (const block of section.blocks) {
      if (block.type === 'list') texts.push(...block.items);
      else if (block.type !== 'figure') texts.push(block.text);
    }
  }
  return texts.reduce((words, text) => words + countWords(text), 0);
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** What the publish checks read of an article: its text, its images and (once stored) its section. */
export type Publishable = Pick<ArticleDraft, 'headline' | 'lede' | 'body' | 'hero'> & { section?: string | null };

/**
 * Why an article may not go on the site yet, in an editor's words; empty when it may. Every path that publishes
 * (imports, feeds, the CLI, the newsroom, the API) asks this one function.
 */
export function publishBlockers(article: Publishable, rules: PublishRules = DEFAULT_PUBLISH_RULES): string[] {
  const blockers: string[] = [];
  if (!article.headline.trim()) blockers.push('it has no headline');
  if (article.section !== undefined && !article.section?.trim()) blockers.push('it has no section');
  const words = bodyWordCount(article);
  if (words < rules.minBodyWords) {
    blockers.push(`its body has ${words} word${words === 1 ? '' : 's'}; a published article needs at least ${rules.minBodyWords}`);
  }
  const images = [article.hero, ...article.body.flatMap((section) => section.blocks.flatMap((block) => (block.type === 'figure' ? [block.image] : [])))];
  const withoutAlt = images.filter((image) => image && !image.alt.trim()).length;
  if (withoutAlt > 0) {
    blockers.push(`${withoutAlt === 1 ? 'an image has' : `${withoutAlt} images have`} no alt text (say what it shows, for readers who cannot see it)`);
  }
  const empty = article.body.filter((section) => section.title !== null && section.blocks.length === 0).map((section) => `“${section.title}”`);
  if (empty.length > 0) blockers.push(`the titled section${empty.length === 1 ? '' : 's'} ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no text`);
  return blockers;
}
