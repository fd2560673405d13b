/**
 * Our cleanup around Readability: boilerplate rules that run on the page before Readability scores it, and on
 * the article it returns. (Placeholder hooks: the rules land with the extraction-quality work.)
 */
export interface CleanupContext {
  /** The page's own URL. */
  url: URL;
  /** The body text a page states in its JSON-LD `articleBody`, when it has one. */
  structuredBody: string | null;
  headline: string | null;
}

/** Removes page furniture Readability would otherwise keep (share bars, newsletter boxes, "read more"). */
export function cleanBeforeReadability(_document: Document, _context: CleanupContext): void {}

/** Tidies the article element Readability returned (captions, stray links, leftover furniture). */
export function cleanAfterReadability(_content: Element, _context: CleanupContext): void {}
