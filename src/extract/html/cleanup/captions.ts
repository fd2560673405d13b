/**
 * Photo captions and credits. The story's text is what a reader reads top to bottom; a caption describes a
 * picture beside it and a credit names its photographer, so neither belongs in the body text. Readability keeps
 * both when they sit inside the article.
 *
 * One kind stays: the <figcaption> of a <figure> that holds its photo. The body's figure blocks carry that
 * caption and credit beside the photo, and the body text leaves it out on its own.
 */
import { collapsedText, namedElements, namesAny, type NamedElement } from './markup.ts';

/** Class or id words that mark a caption or a credit (`article__image-caption`, `Figure-credit`, `cutline`). */
export const CAPTION_WORDS: ReadonlySet<string> = new Set(['caption', 'captions', 'figcaption', 'cutline', 'credit', 'credits', 'copyright']);

/**
 * A caption is a sentence or two; an element named "caption" that holds more is a layout wrapper (a gallery
 * whose slides carry the story). Three hundred characters of text is already a long caption.
 */
const MAX_CAPTION_CHARS = 600;

const MEDIA = 'img, picture, video, iframe, figure';

/** A credit line or caption label standing alone: "(Image: © NASA)", "Photo: Reuters", "Image copyright". */
const CREDIT_LINE =
  /^[([]?\s*(?:image|images|photo|photos|photograph|picture|pictures|foto|fotos|credit|credits|source|illustration|video|image copyright|image caption|media caption)\s*(?::|©|copyright|credit|by\b)/i;

/** Captions and credits named in the markup, before Readability decides what the article is. */
export function removeNamedCaptions(document: Document, named?: readonly NamedElement[]): void {
  const body = document.body ?? document.documentElement;
  if (!body) return;
  const captions: Element[] = [...body.querySelectorAll('figcaption')];
  for (const { element, words } of named ?? namedElements(body)) {
    if (element.tagName === 'FIGURE' || element.tagName === 'BODY') continue;
    if (namesAny(words, CAPTION_WORDS)) captions.push(element);
  }
  for (const caption of captions) {
    if (!caption.isConnected || isPhotoCaption(caption)) continue;
    if (collapsedText(caption).length > MAX_CAPTION_CHARS) continue;
    if (caption.querySelector(MEDIA)) removeWordsBesideMedia(caption);
    else caption.remove();
  }
}

/** A caption box that holds its photo (`wp-caption`, `wf_caption`): the photo stays, the words around it go. */
function removeWordsBesideMedia(box: Element): void {
  for (const child of [...box.childNodes]) {
    if (child.nodeType === 3) child.remove();
    else if (child.nodeType === 1 && !(child as Element).matches(MEDIA) && !(child as Element).querySelector(MEDIA)) child.remove();
  }
}

/** Credit lines Readability kept as text of their own: a short block that opens with "Image:", "Photo:" … */
export function removeCreditLines(content: Element): void {
  for (const block of content.querySelectorAll('p, div, span, figcaption, small, em, i')) {
    if (isPhotoCaption(block)) continue;
    const text = collapsedText(block);
    if (text.length > 0 && text.length <= MAX_CAPTION_CHARS && CREDIT_LINE.test(text)) block.remove();
  }
  for (const caption of content.querySelectorAll('figcaption')) {
    if (!isPhotoCaption(caption)) caption.remove();
  }
}

/** Inside the <figcaption> of a <figure> with its photo: the figure block's caption, kept out of the text anyway. */
function isPhotoCaption(element: Element): boolean {
  const caption = element.closest('figcaption');
  const figure = caption?.parentElement?.closest('figure');
  return figure !== null && figure !== undefined && figure.querySelector('img, picture') !== null;
}
