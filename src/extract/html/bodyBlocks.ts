/**
 * Readability's article element → the body as clean blocks: paragraphs, h2/h3 headings, lists, quotes and
 * figures with caption and credit. The walk keeps the page's reading order; inline markup becomes plain text
 * (links live on in the sanitized HTML), and anything that is not text (scripts, forms, embeds) is left out.
 */
import type { BodyBlock, HeroImage } from '../../domain/index.ts';
import { readCaptionElement } from './photoCredit.ts';
import { resolveUrl } from './sanitize.ts';

export type ExtractedBlock = BodyBlock | { type: 'heading'; level: 2 | 3; text: string };

/** Elements whose content is never body text. A figcaption outside a figure is a caption all the same. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA',
  'IFRAME', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED', 'CANVAS', 'FIGCAPTION', 'HEAD', 'TITLE', 'NAV',
]);

/** Elements that end the running paragraph: what they hold is a block of its own. */
const CONTAINERS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'P', 'CENTER', 'ADDRESS', 'DETAILS',
  'SUMMARY', 'DL', 'DT', 'DD', 'LI', 'TD', 'TH', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION', 'BODY', 'HTML', 'HGROUP',
]);

/** A quote's text leaves out its attribution, which is kept as the quote's `cite`. */
const SKIPPED_IN_QUOTE = new Set([...SKIPPED, 'CITE', 'FOOTER']);

/** A list item's own text leaves out its nested lists, which follow it as items of their own. */
const SKIPPED_IN_LIST_ITEM = new Set([...SKIPPED, 'UL', 'OL']);

const HEADING_LEVEL: Readonly<Record<string, 2 | 3>> = { H1: 2, H2: 2, H3: 3, H4: 3, H5: 3, H6: 3 };

/** Tiny images are icons, spacers and tracking pixels, not photos. */
const MIN_PHOTO_SIDE_PX = 50;

export function readBlocks(root: Element, baseUrl: URL): ExtractedBlock[] {
  return collectBlocks(root, baseUrl, SKIPPED);
}

/** The blocks inside `root` (its own tag is not looked at), leaving out elements whose tag is in `skip`. */
function collectBlocks(root: Element, baseUrl: URL, skip: ReadonlySet<string>): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  let running: string[] = [];

  // Each line of the running text is a paragraph: a <br> inside a paragraph starts a new one.
  const flush = (): void => {
    for (const line of running.join('').split('\n')) {
      const text = collapse(line);
      if (text !== '') blocks.push({ type: 'paragraph', text });
    }
    running = [];
  };

  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      running.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (skip.has(tag) || isHidden(element)) return;
    if (tag === 'BR') {
      running.push('\n');
      return;
    }
    const level = HEADING_LEVEL[tag];
    if (level !== undefined) {
      flush();
      const text = inlineText(element);
      if (text !== '') blocks.push({ type: 'heading', level, text });
      return;
    }
    if (tag === 'UL' || tag === 'OL') {
      flush();
      const items = listItems(element);
      if (items.length > 0) blocks.push({ type: 'list', ordered: tag === 'OL', items });
      return;
    }
    if (tag === 'BLOCKQUOTE') {
      flush();
      const quote = readQuote(element, baseUrl);
      if (quote) blocks.push(quote);
      return;
    }
    if (tag === 'FIGURE' || tag === 'IMG' || tag === 'PICTURE') {
      const image = readFigure(element, baseUrl);
      if (image) {
        flush();
        blocks.push({ type: 'figure', image });
        return;
      }
      if (tag !== 'FIGURE') return;
    }
    if (tag === 'PRE') {
      flush();
      const text = (element.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
      if (text !== '') blocks.push({ type: 'paragraph', text });
      return;
    }
    if (tag === 'TR') {
      flush();
      const cells = [...element.children].map((cell) => inlineText(cell)).filter(Boolean);
      if (cells.length > 0 && !hasBlockContent(element)) {
        blocks.push({ type: 'paragraph', text: cells.join(' | ') });
        return;
      }
    }
    const container = CONTAINERS.has(tag) || tag === 'TABLE' || tag === 'TR' || tag === 'FIGURE' || tag === 'HR';
    if (container) flush();
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    if (container) flush();
  };

  for (let child = root.firstChild; child; child = child.nextSibling) walk(child);
  flush();
  return blocks;
}

/**
 * The body as plain text: a line per paragraph, heading, list item, quote line and quote attribution; figures
 * and their captions left out.
 */
export function blocksToText(blocks: readonly ExtractedBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'list') lines.push(...block.items);
    else if (block.type === 'figure') continue;
    else if (block.type === 'quote') lines.push(...block.text.split('\n'), ...(block.cite ? [block.cite] : []));
    else lines.push(block.text);
  }
  return lines.join('\n');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Readability keeps elements a stylesheet would hide only when they are marked inline; honour the mark. */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The element's text on one line, skipping what is never text. */
function inlineText(element: Element, skip: ReadonlySet<string> = SKIPPED): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as Element;
    if (skip.has(child.tagName.toUpperCase()) || isHidden(child)) return;
    if (child.tagName === 'BR') parts.push(' ');
    for (let next = child.firstChild; next; next = next.nextSibling) walk(next);
  };
  walk(element);
  return collapse(parts.join(''));
}

function hasBlockContent(element: Element): boolean {
  return element.querySelector('p, div, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, figure, img, table') !== null;
}

/** Items of a list, nested lists flattened after their parent item (a body block holds one level). */
function listItems(list: Element): string[] {
  const items: string[] = [];
  for (const item of list.children) {
    if (item.tagName !== 'LI') {
      if (item.tagName === 'UL' || item.tagName === 'OL') items.push(...listItems(item));
      continue;
    }
    const nested = [...item.children].filter((child) => child.tagName === 'UL' || child.tagName === 'OL');
    const text = inlineText(item, SKIPPED_IN_LIST_ITEM);
    if (text !== '') items.push(text);
    for (const child of nested) items.push(...listItems(child));
  }
  return items;
}

/** A quote's text, one line per paragraph, and who is quoted when the page says (<cite>, <footer>). */
function readQuote(element: Element, baseUrl: URL): BodyBlock | null {
  let cite: string | null = null;
  const attribution = [...element.querySelectorAll('cite, footer')].pop();
  if (attribution) cite = collapse(attribution.textContent ?? '').replace(/^[—–-]\s*/u, '') || null;
  const lines = collectBlocks(element, baseUrl, SKIPPED_IN_QUOTE).flatMap((block) => {
    if (block.type === 'list') return block.items;
    if (block.type === 'figure') return [];
    return block.type === 'quote' ? [block.text, ...(block.cite ? [block.cite] : [])] : [block.text];
  });
  const text = lines.filter(Boolean).join('\n');
  return text === '' ? null : { type: 'quote', text, cite };
}

/** The photo of a <figure>, <picture> or lone <img>, with its caption split from its credit; null when none. */
function readFigure(element: Element, baseUrl: URL): HeroImage | null {
  const image = element.tagName === 'IMG' ? element : element.querySelector('img');
  if (!image) return null;
  const url = imageUrl(image, baseUrl);
  if (url === null || isTiny(image)) return null;
  const captionElement = element.tagName === 'FIGURE' ? element.querySelector('figcaption') : null;
  const { caption, credit } = captionElement ? readCaptionElement(captionElement) : { caption: null, credit: null };
  return { url, alt: collapse(image.getAttribute('alt') ?? ''), caption, credit };
}

/** Attributes lazy-loading scripts keep the real address in until the image scrolls into view. */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original', 'data-srcset', 'data-lazy-srcset'];

/**
 * The image's address: its src, else the first srcset candidate, else a lazy-loading attribute; absolute, and
 * never a data: placeholder.
 */
export function imageUrl(image: Element, baseUrl: URL): string | null {
  const candidates = [image.getAttribute('src'), image.getAttribute('srcset'), ...LAZY_SOURCES.map((name) => image.getAttribute(name))];
  for (const value of candidates) {
    const candidate = value?.trim().split(/\s+/)[0];
    if (!candidate || candidate.toLowerCase().startsWith('data:')) continue;
    const url = resolveUrl(candidate, baseUrl);
    if (url && /^https?:\/\//i.test(url)) return url;
  }
  return null;
}

function isTiny(image: Element): boolean {
  const width = Number(image.getAttribute('width'));
  const height = Number(image.getAttribute('height'));
  return (width > 0 && width < MIN_PHOTO_SIDE_PX) || (height > 0 && height < MIN_PHOTO_SIDE_PX);
}
