/**
 * Page chrome: the site's own furniture that a flattened page carries along with the story ("Advertisement",
 * "Share this article", "Related Articles", "Trending"). None of it is the article, and a reader who copies the
 * page by hand deletes it without thinking; these rules do the same.
 */
import type { PageLine } from './textNormalize.ts';

/**
 * Labels that open the trailing furniture of a page: once the story has begun, everything from the first of
 * them on is lists of other stories, feedback prompts and footers, never more of this article.
 */
export const END_OF_ARTICLE_LABELS: readonly string[] = [
  'help us improve',
  'was this article helpful',
  'feedback',
  'related',
  'related articles',
  'related stories',
  'related content',
  'related topics',
  'trending',
  'trending now',
  'most read',
  'most popular',
  'most viewed',
  'popular',
  'popular now',
  'top stories',
  'more stories',
  'more news',
  'latest news',
  'recommended',
  'recommended for you',
  'you may also like',
  'you might also like',
  'read next',
  'up next',
  'editor’s picks',
  "editor's picks",
  'comments',
  'join the conversation',
];

/**
 * One-line furniture that can sit anywhere, even between paragraphs (ads, share bars, newsletter prompts):
 * the line is dropped, the story around it is kept.
 */
export const INLINE_CHROME_LABELS: readonly string[] = [
  'advertisement',
  'ad',
  'sponsored',
  'sponsored content',
  'skip to content',
  'skip to main content',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share on facebook',
  'share on x',
  'share on twitter',
  'tweet',
  'copy link',
  'link copied',
  'print',
  'email',
  'save',
  'save article',
  'subscribe',
  'subscribe now',
  'sign up',
  'sign in',
  'log in',
  'read more',
  'continue reading',
  'listen to this article',
  'story continues below advertisement',
  'scroll to continue with content',
];

/**
 * Starts of one-line prompts whose wording varies by site ("Subscribe to our newsletter", "Read more: …").
 * Only short lines qualify (MAX_CHROME_WORDS), so a paragraph that happens to begin "Subscribe…" survives.
 */
export const INLINE_CHROME_PREFIXES: readonly string[] = [
  'subscribe to ',
  'subscribe for ',
  'sign up for ',
  'sign up to ',
  'share this ',
  'follow us on ',
  'read more:',
  'related:',
  'more from ',
  'advertisement ',
];

/** Chrome labels are a few words; a longer line is prose, whatever it starts with. */
const MAX_CHROME_WORDS = 10;
const MAX_CHROME_CHARS = 80;

/** "Help us improve." and "TRENDING:" are the same label: compare lower case without trailing punctuation. */
const TRAILING_LABEL_PUNCTUATION = new Set([' ', '.', ':', '!', '…', '›', '»', '>', '|', '-']);

const endLabels = new Set(END_OF_ARTICLE_LABELS);
const inlineLabels = new Set(INLINE_CHROME_LABELS);

function labelKey(line: string): string {
  let end = line.length;
  while (end > 0 && TRAILING_LABEL_PUNCTUATION.has(line[end - 1]!)) end--;
  return line.slice(0, end).toLowerCase();
}

function wordCount(line: string): number {
  return line.split(' ').length;
}

export function isEndOfArticleLabel(line: string): boolean {
  return line.length <= MAX_CHROME_CHARS && endLabels.has(labelKey(line));
}

export function isInlineChrome(line: string): boolean {
  if (line.length > MAX_CHROME_CHARS || wordCount(line) > MAX_CHROME_WORDS) return false;
  const key = labelKey(line);
  if (inlineLabels.has(key)) return true;
  const lower = line.toLowerCase();
  return INLINE_CHROME_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

export function isChrome(line: string): boolean {
  return isEndOfArticleLabel(line) || isInlineChrome(line);
}

/**
 * Drops chrome from the lines after the headline. The article ends at the first end-of-article label that
 * follows some story text (a "Related" label before any text is a stray link, not the footer); one-line chrome
 * is removed wherever it stands.
 */
export function stripPageChrome(lines: readonly PageLine[]): PageLine[] {
  const kept: PageLine[] = [];
  for (const line of lines) {
    if (isEndOfArticleLabel(line.text)) {
      if (kept.length > 0) break;
      continue;
    }
    if (isInlineChrome(line.text)) continue;
    kept.push(line);
  }
  return kept;
}

/** Chrome above the headline (skip links, a share bar) is dropped so the masthead rules see the page's top. */
export function dropLeadingChrome(lines: readonly PageLine[]): PageLine[] {
  let start = 0;
  while (start < lines.length && isChrome(lines[start]!.text)) start++;
  return lines.slice(start);
}
