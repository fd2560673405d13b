import { createHash } from 'node:crypto';
import { sectionParagraphs, type ArticleDraft } from '../../domain/index.ts';

/**
 * The second ingest key: headline and body text alone, case and spacing folded. Unlike the content hash it
 * leaves out the source and the times, so the same story reached through two addresses (a syndicated copy,
 * a link without its canonical tag) is recognised as one.
 */
export function storyHash(draft: ArticleDraft): string {
  const text = [draft.headline, draft.lede ?? '', ...draft.body.flatMap(sectionParagraphs)]
    .join('\n')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(text).digest('hex');
}
