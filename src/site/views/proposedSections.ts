import type { BodyBlock, BodySection, ProposedSection, PublishedArticle } from '../../domain/index.ts';

/**
 * An untitled body regrouped under the titles enrichment proposed for it. Proposed sections name paragraphs by
 * their index in reading order, the lede first (the numbering of the page's `p-N` anchors); other blocks (a
 * figure, a quote, a list) stay with the paragraph before them. The blocks are the article's own objects, in
 * their own order, so anchors and everything keyed by block still hold: only headings are added.
 *
 * Null, and the body is shown as it came, when the article has titled sections of its own, when no proposed
 * section has a title, or when the proposal does not fit this body exactly (written for an earlier version of
 * the text, say): a heading over the wrong paragraphs would be worse than none.
 */
export function bodyWithProposedSections(
  article: Pick<PublishedArticle, 'lede' | 'body'>,
  proposed: readonly ProposedSection[] | null | undefined,
): BodySection[] | null {
  if (!proposed || !proposed.some((section) => section.title !== null)) return null;
  if (article.body.some((section) => section.title !== null)) return null;

  // Which proposed section each paragraph index falls in; they must take 0, 1, 2, … in order, each once.
  const sectionOf: number[] = [];
  proposed.forEach((section, s) => section.paragraphs.forEach((paragraph) => (sectionOf[paragraph] = s)));
  const numbered = proposed.flatMap((section) => section.paragraphs);
  if (numbered.some((paragraph, i) => paragraph !== i)) return null;

  const blocks = article.body.flatMap((section) => section.blocks);
  const paragraphCount = (article.lede ? 1 : 0) + blocks.filter((block) => block.type === 'paragraph').length;
  if (numbered.length !== paragraphCount) return null;

  const groups: BodyBlock[][] = proposed.map(() => []);
  let next = article.lede ? 1 : 0;
  // Blocks before the first body paragraph go with it; the lede, shown above the body, is in no group.
  let current = sectionOf[next] ?? 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') current = sectionOf[next++]!;
    groups[current]!.push(block);
  }
  // A section that held only the lede has nothing left to head.
  return proposed.flatMap((section, s) => (groups[s]!.length ? [{ title: section.title, blocks: groups[s]! }] : []));
}
