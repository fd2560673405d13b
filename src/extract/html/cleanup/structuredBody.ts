/**
 * The body a page states in its JSON-LD (`articleBody`) as a second witness. Where a page has one and it agrees
 * with what Readability found, a block of Readability's article that the stated body does not contain is page
 * furniture that slipped in (a caption, a promo, a "more from" box): the publisher's own account of the story
 * leaves it out.
 *
 * The witness is only heard when it agrees: many pages state a teaser (the first paragraph) or a paywalled
 * stub as the body, some state a different story altogether, and then it says nothing about the rest.
 */
import { collapsedText, removeAll } from './markup.ts';

/** Words of three-word runs: long enough to be specific to the text, short enough to survive small edits. */
const RUN_WORDS = 3;

/** Share of the article's runs the stated body must hold before it is trusted to judge blocks. */
const MIN_AGREEMENT = 0.8;

/** A block is kept when at least this share of its runs is in the stated body. */
const MIN_BLOCK_SUPPORT = 0.2;

/** Blocks this short are headings and list labels the stated body often writes differently or leaves out. */
const MIN_JUDGED_WORDS = 6;

export function removeBlocksOutsideStructuredBody(content: Element, structuredBody: string | null): void {
  if (!structuredBody) return;
  const stated = new Set(runs(words(stripMarkup(structuredBody))));
  if (stated.size === 0) return;
  const articleRuns = runs(words(collapsedText(content)));
  if (articleRuns.length === 0 || share(articleRuns, stated) < MIN_AGREEMENT) return;

  const outside: Element[] = [];
  for (const block of content.querySelectorAll('p, li, h2, h3, h4, h5, h6, blockquote, figcaption, div')) {
    if (block.querySelector('p, li, div, blockquote, h2, h3, h4, h5, h6, ul, ol, table')) continue;
    const blockWords = words(collapsedText(block));
    if (blockWords.length < MIN_JUDGED_WORDS) continue;
    if (share(runs(blockWords), stated) < MIN_BLOCK_SUPPORT) outside.push(block);
  }
  removeAll(outside);
}

/** Some pages put HTML in their articleBody; the witness is its text. */
function stripMarkup(body: string): string {
  return body.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/gi, ' ');
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function runs(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + RUN_WORDS <= tokens.length; i++) out.push(tokens.slice(i, i + RUN_WORDS).join(' '));
  return out;
}

function share(items: readonly string[], within: ReadonlySet<string>): number {
  if (items.length === 0) return 0;
  let found = 0;
  for (const item of items) if (within.has(item)) found++;
  return found / items.length;
}
