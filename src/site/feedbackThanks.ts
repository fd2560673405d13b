import { articlePath, type Article } from '../domain/index.ts';

/**
 * The article page a reader returns to after sending a note without JavaScript: the same page, saying thank
 * you. It is its own page variant: the page cache keys it apart (see pageCacheKey), so the thank-you is never
 * served to anyone who did not ask for it, and the plain page never replaces it.
 */
export const FEEDBACK_THANKS_PARAM = 'feedback';
export const FEEDBACK_THANKS_VALUE = 'thanks';

export function thanksLocation(article: Pick<Article, 'section' | 'slug'>): string {
  return `${articlePath(article)}?${FEEDBACK_THANKS_PARAM}=${FEEDBACK_THANKS_VALUE}#feedback`;
}

/** Whether a page request asks for the thank-you variant. */
export function isFeedbackThanks(query: unknown): boolean {
  return typeof query === 'object' && query !== null && (query as Record<string, unknown>)[FEEDBACK_THANKS_PARAM] === FEEDBACK_THANKS_VALUE;
}
