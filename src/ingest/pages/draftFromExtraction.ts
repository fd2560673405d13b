import type { ArticleDraft, BodyBlock, BodySection } from '../../domain/index.ts';
import type { ExtractedArticle, ExtractedBlock } from '../../extract/html/index.ts';
import { plainText, plainTextFields } from '../../extract/plainText.ts';

export interface DraftOptions {
  /** Section name to file the story under. */
  sectionName: string;
  /** Who to credit: the feed's source name, else the page's site name, else its host. */
  sourceName: string;
  /** The address readers follow to the original: the canonical URL. */
  sourceUrl: string;
}

/**
 * An extracted web page as an article draft. Headings split the body into titled sections: the page's
 * top heading level (h2 on most sites) opens a section, a lower one stays inside it as a subheading.
 * The first paragraph is the lede.
 *
 * The lead photo keeps its alt, caption and credit but not its address: we do not hot-link another
 * publisher's photo (the site's CSP would refuse it anyway). The address stays in the stored extraction,
 * for an editor to license and upload the image.
 *
 * Text fields come out plain (extract/plainText.ts): the extractor makes the page's own plain, but the source
 * name may be a feed's title, and a stored extraction read again may predate the rule.
 */
export function draftFromExtraction(extracted: ExtractedArticle, options: DraftOptions): ArticleDraft {
  const { lede, blocks } = takeLede(extracted.blocks);
  return plainTextFields({
    headline: extracted.headline,
    sectionName: options.sectionName,
    dek: extracted.dek,
    // The summary is the enrichment step's work (key sentences of the source's own text).
    summary: null,
    lede,
    body: sectionsOf(blocks),
    hero: extracted.image && { ...extracted.image, url: null },
    byline: extracted.byline,
    source: { name: sourceName(options), url: options.sourceUrl, attribution: null, licenseName: null, licenseUrl: null },
    publishedAt: extracted.publishedAt,
  });
}

/** A source named by nothing but markup (a feed titled "<b></b>") is credited by its address instead. */
function sourceName(options: DraftOptions): string {
  return plainText(options.sourceName) || new URL(options.sourceUrl).hostname;
}

/** The first paragraph before any heading, when there is one. */
function takeLede(blocks: readonly ExtractedBlock[]): { lede: string | null; blocks: readonly ExtractedBlock[] } {
  const first = blocks.findIndex((block) => block.type === 'paragraph' || block.type === 'heading');
  const block = blocks[first];
  if (block?.type !== 'paragraph') return { lede: null, blocks };
  return { lede: block.text, blocks: [...blocks.slice(0, first), ...blocks.slice(first + 1)] };
}

function sectionsOf(blocks: readonly ExtractedBlock[]): BodySection[] {
  const sectionLevel = Math.min(
    ...blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : [])),
    Number.POSITIVE_INFINITY,
  );
  const sections: BodySection[] = [];
  let current: BodySection | null = null;
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === sectionLevel) {
      current = { title: block.text, blocks: [] };
      sections.push(current);
      continue;
    }
    const bodyBlock = asBodyBlock(block);
    if (!current) {
      current = { title: null, blocks: [] };
      sections.push(current);
    }
    current.blocks.push(bodyBlock);
  }
  // A heading with nothing under it (a trailing "Related" label the cleanup missed) is not a section.
  return sections.filter((section) => section.blocks.length > 0);
}

function asBodyBlock(block: ExtractedBlock): BodyBlock {
  if (block.type === 'heading') return { type: 'subheading', text: block.text };
  // Same rule as the lead photo: keep the caption and credit, not the other publisher's file.
  if (block.type === 'figure') return { type: 'figure', image: { ...block.image, url: null } };
  return block;
}
