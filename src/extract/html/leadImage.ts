/**
 * The lead photo: the image the publisher chose for the story (og:image, JSON-LD image), with the caption and
 * credit the page prints under it. The caption is looked up on the page before Readability runs, because the lead
 * figure usually sits above the headline, outside the part of the page Readability keeps.
 */
import type { HeroImage } from '../../domain/index.ts';
import { imageUrl, type ExtractedBlock } from './bodyBlocks.ts';
import { sameImageFile, type PageMetadata } from './metadata.ts';
import { cleanCredit, readCaptionElement, splitPhotoCaption } from './photoCredit.ts';

/** How far up from the <img> a caption may sit: figure > div > picture > img is as deep as real layouts go. */
const MAX_CAPTION_ANCESTOR_STEPS = 4;
/** How many opening blocks may hold a repeat of the hero photo. */
const HERO_REPEAT_WINDOW = 3;
const CAPTION_SELECTOR = 'figcaption, [class*="caption"], [class*="Caption"], [itemprop="caption"]';

/** The stated lead image with what the page shows alongside it (alt text, caption, credit). */
export function findLeadImage(document: Document, metadata: PageMetadata): HeroImage | null {
  const stated = metadata.image;
  if (!stated) return null;
  const hero: HeroImage = { url: stated.url, alt: '', caption: stated.caption, credit: stated.credit && cleanCredit(stated.credit) };
  const onPage = findImageOnPage(document, stated.url, metadata.baseUrl);
  if (!onPage) return hero;
  hero.alt = (onPage.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
  const captionElement = captionNear(onPage);
  if (captionElement) {
    const printed = readCaptionElement(captionElement);
    hero.caption ??= printed.caption;
    hero.credit ??= printed.credit;
  } else if (hero.caption && !hero.credit) {
    const split = splitPhotoCaption(hero.caption);
    hero.caption = split.caption;
    hero.credit = split.credit;
  }
  return hero;
}

function findImageOnPage(document: Document, url: string, baseUrl: URL): Element | null {
  for (const image of document.querySelectorAll('img')) {
    const src = imageUrl(image, baseUrl);
    if (src && sameImageFile(src, url)) return image;
  }
  return null;
}

function captionNear(image: Element): Element | null {
  let node: Element | null = image.parentElement;
  for (let step = 0; node && step < MAX_CAPTION_ANCESTOR_STEPS; step++, node = node.parentElement) {
    const caption = node.querySelector(CAPTION_SELECTOR);
    if (caption && (caption.textContent ?? '').trim() !== '') return caption;
    if (node.tagName === 'FIGURE') return null;
  }
  return null;
}

/**
 * The hero and the body without a repeat of it: the body's first figure is dropped when it shows the hero photo,
 * and when the page states no image, a figure opening the body becomes the hero.
 */
export function settleLeadImage(
  hero: HeroImage | null,
  blocks: ExtractedBlock[],
): SettledLeadImage {
  if (hero === null) {
    // Only a figure before any text is the article's lead photo; one further down illustrates a passage.
    const firstText = blocks.findIndex((block) => block.type !== 'figure');
    const leadIndex = blocks.findIndex((block, index) => (firstText === -1 || index < firstText) && block.type === 'figure');
    const lead = blocks[leadIndex];
    if (!lead || lead.type !== 'figure') return { image: null, blocks, movedFromBody: null };
    return { image: lead.image, blocks: blocks.filter((_, index) => index !== leadIndex), movedFromBody: lead.image.url };
  }
  // The hero repeated near the top of the body (often after a summary paragraph) is dropped from the body.
  const leadIndex = blocks.findIndex(
    (block, index) => index < HERO_REPEAT_WINDOW && block.type === 'figure' && !!block.image.url && !!hero.url && sameImageFile(block.image.url, hero.url),
  );
  const lead = blocks[leadIndex];
  if (!lead || lead.type !== 'figure') return { image: hero, blocks, movedFromBody: null };
  const merged: HeroImage = {
    url: hero.url,
    alt: hero.alt || lead.image.alt,
    caption: hero.caption ?? lead.image.caption,
    credit: hero.credit ?? lead.image.credit,
  };
  return { image: merged, blocks: blocks.filter((_, index) => index !== leadIndex), movedFromBody: lead.image.url };
}

export interface SettledLeadImage {
  image: HeroImage | null;
  blocks: ExtractedBlock[];
  /** URL of the body figure that became (or repeated) the hero, to take out of the body HTML as well. */
  movedFromBody: string | null;
}

/** Takes the figure showing `url` out of the article element, so the body HTML agrees with the blocks. */
export function removeFigure(content: Element, url: string, baseUrl: URL): void {
  for (const image of content.querySelectorAll('img')) {
    if (imageUrl(image, baseUrl) !== url) continue;
    (image.closest('figure') ?? image.closest('picture') ?? image).remove();
    return;
  }
}
