/**
 * Lists and paragraphs of links inside the article: "related stories" lists, "READ MORE: <headline>" lines,
 * a headline standing alone as a link. Prose links a few words of a sentence; furniture is almost all link,
 * and it links back into the same site (links out are the story's sources, products and documents).
 */
import { collapsedText, ownLinkDensity, removeAll } from './markup.ts';

/** A list whose text is at least this much link text is a list of headlines, not a list the story makes. */
const LINK_LIST_DENSITY = 0.8;

/** A paragraph this much link text is a link standing alone (a teaser headline), not a sentence with a link. */
const LINK_PARAGRAPH_DENSITY = 0.8;

/**
 * Links of fewer words are kept: a source named in brackets ("[CNET]") or a one-word link belongs to the story;
 * a teaser headline has more words than that.
 */
const MIN_TEASER_WORDS = 4;

/**
 * A list whose every item links to another story on the site is a list of stories even when part of each item
 * is plain text ("YouTubers must unionize, <a>no matter what Google says</a>"), given a few items and a fair
 * share of link text; a list the story makes links one item here and there.
 */
const STORY_LIST_MIN_ITEMS = 3;
const STORY_LIST_DENSITY = 0.4;

/** A lead-in line above a list of links ("More:", "You may also like…", "More Great WIRED Stories"). */
const MAX_LEAD_IN_CHARS = 40;

export function removeLinkLists(content: Element, page: URL): void {
  const lists: Element[] = [];
  for (const list of content.querySelectorAll('ul, ol')) {
    const text = collapsedText(list);
    if (text.length === 0) continue;
    const density = ownLinkDensity(list, page, text.length);
    if (density >= LINK_LIST_DENSITY || (density >= STORY_LIST_DENSITY && everyItemLinksWithin(list, page))) {
      lists.push(list);
    }
  }
  for (const list of lists) {
    const leadIn = list.previousElementSibling;
    if (leadIn && isLeadIn(leadIn)) leadIn.remove();
    list.remove();
  }
}

export function removeLinkParagraphs(content: Element, page: URL): void {
  const teasers: Element[] = [];
  for (const block of content.querySelectorAll('p, h2, h3, h4, h5, h6')) {
    const text = collapsedText(block);
    if (wordCount(text) < MIN_TEASER_WORDS) continue;
    if (ownLinkDensity(block, page, text.length) >= LINK_PARAGRAPH_DENSITY) teasers.push(block);
  }
  removeAll(teasers);
}

function everyItemLinksWithin(list: Element, page: URL): boolean {
  const items = [...list.children].filter((child) => child.tagName === 'LI');
  return items.length >= STORY_LIST_MIN_ITEMS && items.every((item) => ownLinkDensity(item, page) > 0);
}

function isLeadIn(element: Element): boolean {
  if (element.querySelector('img, ul, ol, table')) return false;
  const text = collapsedText(element);
  return text.length > 0 && text.length <= MAX_LEAD_IN_CHARS && !/[.!?]["”’]?$/.test(text);
}

function wordCount(text: string): number {
  return text.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
