/**
 * Our cleanup around Readability: boilerplate rules that run on the page before Readability scores it, and on
 * the article it returns. Readability alone loses on precision (captions, "read more", newsletter and share
 * boxes left in); each rule family lives in its own file and says why it exists, and the order here is the order
 * they run in. What each family is worth on the Zyte development pages is in ../quality/README.md.
 *
 * Before Readability, rules read the markup's own names (classes, ids, tags), which Readability strips from
 * the article it returns; after it, rules read the text and the links of the article's blocks.
 */
import { removeNamedFurniture } from './boilerplate.ts';
import { removeCreditLines, removeNamedCaptions } from './captions.ts';
import { removeDatelines } from './datelines.ts';
import { removeLinkLists, removeLinkParagraphs } from './linkDensity.ts';
import { namedElements } from './markup.ts';
import { removeReaderPrompts } from './readerPrompts.ts';
import { removeBlocksOutsideStructuredBody } from './structuredBody.ts';
import { removeTeaserCards } from './teaserCards.ts';

export interface CleanupContext {
  /** The page's own URL. */
  url: URL;
  /** The body text a page states in its JSON-LD `articleBody`, when it has one. */
  structuredBody: string | null;
  headline: string | null;
}

/** Removes page furniture Readability would otherwise keep (share bars, newsletter boxes, "read more"). */
export function cleanBeforeReadability(document: Document, _context: CleanupContext): void {
  const body = document.body ?? document.documentElement;
  if (!body) return;
  const named = namedElements(body);
  removeNamedFurniture(document, named);
  // Elements the furniture rule removed are detached now; the caption rule skips them.
  removeNamedCaptions(document, named);
  removeTeaserCards(document);
}

/** Tidies the article element Readability returned (captions, stray links, leftover furniture). */
export function cleanAfterReadability(content: Element, context: CleanupContext): void {
  removeCreditLines(content);
  removeLinkLists(content, context.url);
  removeLinkParagraphs(content, context.url);
  removeReaderPrompts(content);
  removeDatelines(content);
  removeBlocksOutsideStructuredBody(content, context.structuredBody);
}
