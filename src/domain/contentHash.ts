import { createHash } from 'node:crypto';
import { type ArticleDraft, type BodySection, sectionParagraphs } from './article.ts';

/**
 * A fingerprint of everything a reader would see of a draft. Keys are written in a fixed order so that the
 * same content always hashes the same, whatever order an extractor filled the object in.
 */
export function contentHash(draft: ArticleDraft): string {
  const canonical = JSON.stringify([
    draft.headline,
    draft.sectionName,
    draft.dek,
    draft.summary,
    draft.lede,
    draft.body.map(sectionFingerprint),
    draft.hero && [draft.hero.url, draft.hero.alt, draft.hero.caption, draft.hero.credit],
    draft.byline,
    draft.source &&
      [draft.source.name, draft.source.url, draft.source.attribution, draft.source.licenseName, draft.source.licenseUrl],
    draft.publishedAt,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Sections of plain paragraphs hash as the text list they were stored as before bodies had blocks, so content
 * imported back then is not mistaken for an edit (which would move every demo article's "Updated" time).
 */
function sectionFingerprint(section: BodySection): unknown[] {
  const paragraphsOnly = section.blocks.every((block) => block.type === 'paragraph');
  return [section.title, paragraphsOnly ? sectionParagraphs(section) : section.blocks];
}
