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

/**
 * Why an article may not go on the site yet, in an editor's words; empty when it may. Every path that publishes
 * (imports, feeds, the CLI, the newsroom) asks this one function.
 */
export function publishBlockers(article: Pick<ArticleDraft, 'headline' | 'lede' | 'body'>, rules: PublishRules = DEFAULT_PUBLISH_RULES): string[] {
  const blockers: string[] = [];
  if (!article.headline.trim()) blockers.push('it has no headline');
  const words = bodyWordCount(article);
  if (words < rules.minBodyWords) {
    blockers.push(`its body has ${words} word${words === 1 ? '' : 's'}; a published article needs at least ${rules.minBodyWords}`);
  }
  return blockers;
}
