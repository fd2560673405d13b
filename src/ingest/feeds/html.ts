/**
 * Feed HTML goes through the same sanitiser as article pages: a feed is a page of someone else's markup we
 * are about to show on ours. Relative links resolve against the base in effect where the markup sat.
 */
import { sanitizeArticleHtml } from '../../extract/html/index.ts';

/** Sanitised HTML with absolute links, or null when nothing is left (empty, or only unsafe markup). */
export function safeHtml(html: string | null | undefined, baseUrl: string): string | null {
  if (!html || html.trim() === '') return null;
  const clean = sanitizeArticleHtml(html, { baseUrl }).trim();
  return clean === '' ? null : clean;
}
