/**
 * Small pure rules for how article data reads on the page: dates, card snippets, captions. Kept apart from the
 * views so that each rule is tested once and every view says the same thing the same way.
 */

/**
 * The demo site has no home zone of its own, so times read in UTC and say so; a reader never has to guess.
 * Written out by hand rather than with Intl.DateTimeFormat: an article page shows a dozen dates, and Intl's
 * format() was a tenth of the page's render time for output this simple.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 January 2026, 14:05 UTC". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const hours = String(date.getUTCHours()).padStart(2, '0');
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${dayMonthYear(date)}, ${hours}:${minutes} UTC`;
}

/** "12 January 2026". */
export function formatDate(iso: string): string {
  return dayMonthYear(new Date(iso));
}

function dayMonthYear(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An edit shows as "Updated" only when it came after publication by more than this (import clocks differ). */
const UPDATE_THRESHOLD_MS = 60_000;

/**
 * When an article was edited after it was published, the time of that edit; otherwise null. An article that
 * was never edited has updatedAt === createdAt, which for imports is the import time, not an update.
 */
export function visibleUpdate(article: { publishedAt: string; createdAt: string; updatedAt: string }): string | null {
  if (article.updatedAt === article.createdAt) return null;
  const gap = Date.parse(article.updatedAt) - Date.parse(article.publishedAt);
  return gap > UPDATE_THRESHOLD_MS ? article.updatedAt : null;
}

/** Cards show about two lines of text; summaries run to a paragraph, so they are cut at a word. */
export const SNIPPET_LENGTH = 220;

export function snippet(text: string, maxLength = SNIPPET_LENGTH): string {
  // Only the opening can end up in a snippet: tidy that, not a whole article's worth of text. Twice the
  // length leaves room for collapsed whitespace; a head that shrinks below the limit falls back to all of it.
  const head = text.length > maxLength * 2 ? text.slice(0, maxLength * 2) : text;
  let clean = head.replace(/\s+/g, ' ').trim();
  if (head !== text && clean.length <= maxLength) clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const words = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut.slice(0, maxLength);
  return `${words.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** What a card says about an article: its summary, else its dek, else the start of its lede, cut to size. */
export function cardText(article: { dek: string | null; summary: string | null; lede: string | null }): string | null {
  const text = article.summary ?? article.dek ?? article.lede;
  return text ? snippet(text) : null;
}

/**
 * Source pages often end the caption with the credit ("… December 29, 2019. - Nasser Nasser/AP/File"). The
 * figure shows the credit in its own element, so a caption carrying it too would print it twice.
 */
export function captionWithoutCredit(caption: string, credit: string | null): string {
  if (!credit) return caption.trim();
  const trimmed = caption.trim();
  if (!trimmed.endsWith(credit)) return trimmed;
  return trimmed.slice(0, -credit.length).replace(/[\s\-–—/|·]+$/, '').trim();
}

/**
 * A URL from stored content (a source link, a licence, an image) as it may appear in an href or src: http(s)
 * or a path on this site. Anything else — javascript:, data:, a protocol-relative //host — is null, so a
 * hostile or broken feed can never turn a credit line into a script. Stored content is untrusted.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/')) return url.startsWith('//') || url.startsWith('/\\') ? null : url;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** "1 story", "12 stories": the count a front, topic or archive page shows under its title. */
export function storyCount(count: number): string {
  return count === 1 ? '1 story' : `${count} stories`;
}

/** " · page 2 of 5" after a count on a paged list; nothing when there is one page. */
export function pageOfPages(page: number, pageCount: number): string {
  return pageCount > 1 ? ` · page ${page} of ${pageCount}` : '';
}
