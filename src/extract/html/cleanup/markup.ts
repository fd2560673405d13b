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
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (names.length === 1) return [];
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
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

/** Removes every element given; one already detached with an ancestor is harmless to remove again. */
export function removeAll(elements: Iterable<Element>): void {
  for (const element of elements) element.remove();
}
