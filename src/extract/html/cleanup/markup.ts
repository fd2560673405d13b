/**
 * Small reads of the page's markup shared by the cleanup rules: the words of an element's class and id, its text
 * with spaces collapsed, how much of that text is link text.
 */

/**
 * The words of an element's class and id: `article__image-caption` → article, image, caption;
 * `InlineImage-imageEmbedCaption` → inline, image, image, embed, caption. Hashed CSS-module suffixes
 * (`caption___fMPAB`) fall out as short noise words that match nothing.
 */
export function markupWords(element: Element): string[] {
  return splitNames(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
}

function splitNames(names: string): string[] {
  if (names.trim() === '') return [];
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * Words that turn the next word into a state rather than a name: `has-share-bar`, `no_caption`, `with-ads` say
 * what an element holds or lacks, not that it is the share bar or the caption.
 */
const STATE_WORDS = new Set(['no', 'has', 'with', 'without', 'is', 'hide', 'show', 'can']);

/** True when one of the words names what the vocabulary lists, and is not a state (`has-…`, `no-…`). */
export function namesAny(words: readonly string[], vocabulary: ReadonlySet<string>): boolean {
  return words.some((word, i) => vocabulary.has(word) && !STATE_WORDS.has(words[i - 1] ?? ''));
}

/** An element that has a class or an id, with the words of them: read once per page, used by several rules. */
export interface NamedElement {
  element: Element;
  words: readonly string[];
}

export function namedElements(root: Element): NamedElement[] {
  const named: NamedElement[] = [];
  // A page repeats the same few class names on hundreds of elements: split each distinct one once.
  const split = new Map<string, string[]>();
  for (const element of root.querySelectorAll('[class], [id]')) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    let words = split.get(names);
    if (!words) {
      words = splitNames(names);
      split.set(names, words);
    }
    if (words.length > 0) named.push({ element, words });
  }
  return named;
}

export function collapsedText(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Characters of text inside links, over all characters of text: 1 for a list of headlines, ~0 for prose. */
export function linkDensity(element: Element, textLength = collapsedText(element).length): number {
  if (textLength === 0) return 0;
  let linked = 0;
  for (const link of element.querySelectorAll('a')) linked += collapsedText(link).length;
  return Math.min(1, linked / textLength);
}

/**
 * Link density counting only links to the page's own site. A site points readers at more of itself ("related",
 * "more from"); links out to other sites are the story's sources, products and documents.
 */
export function ownLinkDensity(element: Element, page: URL, textLength = collapsedText(element).length): number {
  if (textLength === 0) return 0;
  const site = siteOf(page.hostname);
  let linked = 0;
  for (const link of element.querySelectorAll('a')) {
    if (linksWithin(link.getAttribute('href'), page, site)) linked += collapsedText(link).length;
  }
  return Math.min(1, linked / textLength);
}

function linksWithin(href: string | null, page: URL, site: string): boolean {
  if (!href) return false;
  try {
    const target = new URL(href, page);
    // A link to a place on this very page (a table of contents, a footnote, a heading's anchor) is not a story.
    if (target.origin === page.origin && target.pathname === page.pathname) return false;
    return (target.protocol === 'http:' || target.protocol === 'https:') && siteOf(target.hostname) === site;
  } catch {
    return false;
  }
}

/**
 * The registrable part of a host name, near enough without the public-suffix list: the last two labels, or
 * three under a two-letter country code with a short second level (`bbc.co.uk`, `uol.com.br`).
 */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().split('.');
  const last = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const keep = last.length === 2 && second.length <= 3 && labels.length > 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Removes every element given; one already detached with an ancestor is harmless to remove again. */
export function removeAll(elements: Iterable<Element>): void {
  for (const element of elements) element.remove();
}
