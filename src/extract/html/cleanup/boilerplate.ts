/**
 * Page furniture named as such in the markup. Sites name their share bars, newsletter boxes, related-story
 * lists and datelines for what they are (`share-tools`, `newsletter-signup`, `recirc`, `dateline`); Readability
 * scores those names only loosely (a `related` box inside an `article-body` wrapper survives), so we remove
 * them outright before it scores the page.
 *
 * A name is only a hint, so one guard keeps the rule from eating the article: an element that holds a large
 * share of the page's prose is the article (or wraps it), whatever its class says (`entry author-jane-doe`,
 * `body has-share-bar`).
 */
import { collapsedText, linkDensity, markupWords, namedElements, namesAny, type NamedElement } from './markup.ts';

/** Whole words of a class or id that name furniture, grouped by what they are. */
export const FURNITURE_WORDS: ReadonlySet<string> = new Set([
  // share and follow bars
  'share', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'follow',
  // newsletter and subscription boxes
  'newsletter', 'newsletters', 'signup', 'subscribe', 'subscription',
  // related and recommended stories
  'related', 'recirc', 'recirculation', 'recommended', 'recommendations', 'trending', 'popular', 'outbrain',
  'taboola', 'promo', 'promos',
  // advertising
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'sponsored', 'dfp', 'adsense',
  // page chrome
  'breadcrumb', 'breadcrumbs', 'toolbar', 'pagination', 'cookie', 'cookies', 'consent', 'gdpr', 'modal', 'popup',
  'print', 'disclaimer',
  // who and when: the metadata above and below the story, not its text
  'byline', 'bylines', 'dateline', 'timestamp', 'datetime', 'pubdate',
  // tags and comments under the story
  'tags', 'comments', 'comment',
  // the writer's biography under the story
  'bio', 'biography',
  // the standfirst under the headline: the core extractor reads it as the dek, the body starts below it
  'standfirst', 'dek',
]);

/**
 * Hover cards: a name in the text opens a box of that person's other stories. They sit inside the paragraph,
 * where no other furniture name counts (a link styled `popup` is a word of the story).
 */
const HOVER_CARD_WORDS = new Set(['tooltip', 'popover', 'hovercard', 'flyout']);
const HOVER_CARD_PHRASES = ['rollover-block'];

/** Furniture named in two words, matched on the class/id words joined by '-'. */
export const FURNITURE_PHRASES: readonly string[] = [
  'read-more', 'more-stories', 'also-read', 'see-also', 'most-read', 'most-popular', 'more-from', 'you-may-like',
  'screen-reader', 'sr-only', 'visually-hidden', 'skip-link', 'author-bio', 'about-author', 'post-author',
  'author-info', 'author-box', 'entry-meta', 'post-meta', 'article-meta', 'content-meta', 'post-date',
  'publish-date', 'published-date', 'post-views', 'read-time', 'reading-time', 'inline-image-credit',
];

/** Elements that are furniture by their tag alone. */
const FURNITURE_TAGS = 'nav, form, button, dialog, [role="navigation"], [role="dialog"], [role="complementary"]';

/**
 * An element holding this share of the page's prose is the story, not furniture beside it. Half is generous:
 * the furniture we remove (newsletter boxes, related lists with blurbs) is a small part of any article page.
 */
const STORY_SHARE_OF_PROSE = 0.5;

/**
 * Some pages cut the story into several wrappers (one per run of paragraphs between ads), each under half of
 * it; a wrapper holding this many full paragraphs of unlinked prose is story, not a box beside it.
 */
const STORY_PARAGRAPHS = 3;
const STORY_PARAGRAPH_CHARS = 150;
const STORY_PARAGRAPH_MAX_LINK_DENSITY = 0.3;

/** Removes furniture named by tag, class or id from the page, leaving anything that holds most of its prose. */
export function removeNamedFurniture(document: Document, named?: readonly NamedElement[]): void {
  const body = document.body ?? document.documentElement;
  if (!body) return;
  const candidates = new Set<Element>(body.querySelectorAll(FURNITURE_TAGS));
  for (const { element, words } of named ?? namedElements(body)) {
    if (element === body) continue;
    const inParagraph = element.tagName !== 'P' && element.parentElement?.closest('p') != null;
    if (inParagraph ? namesHoverCard(words) : namesFurniture(words) || namesHoverCard(words)) candidates.add(element);
  }
  if (candidates.size === 0) return;
  const { pageProse, held } = weighProse(body, candidates);
  for (const element of candidates) {
    const weight = held.get(element);
    if (weight && (weight.prose >= STORY_SHARE_OF_PROSE * pageProse || weight.storyParagraphs >= STORY_PARAGRAPHS)) {
      continue;
    }
    element.remove();
  }
}

export function isNamedFurniture(element: Element): boolean {
  const words = markupWords(element);
  return namesFurniture(words) || namesHoverCard(words);
}

function namesFurniture(words: readonly string[]): boolean {
  if (namesAny(words, FURNITURE_WORDS)) return true;
  const joined = words.join('-');
  return FURNITURE_PHRASES.some((phrase) => joined.includes(phrase));
}

function namesHoverCard(words: readonly string[]): boolean {
  if (namesAny(words, HOVER_CARD_WORDS)) return true;
  const joined = words.join('-');
  return HOVER_CARD_PHRASES.some((phrase) => joined.includes(phrase));
}

interface ProseHeld {
  /** Characters of paragraph text inside the element. */
  prose: number;
  /** Full paragraphs of unlinked prose inside it. */
  storyParagraphs: number;
}

/**
 * How much of the page's prose each candidate holds, in one pass over the paragraphs (each adds itself to the
 * candidates above it) rather than a search of every candidate's subtree.
 */
function weighProse(body: Element, candidates: ReadonlySet<Element>): { pageProse: number; held: Map<Element, ProseHeld> } {
  const held = new Map<Element, ProseHeld>();
  let pageProse = 0;
  for (const paragraph of body.querySelectorAll('p')) {
    const length = collapsedText(paragraph).length;
    if (length === 0) continue;
    pageProse += length;
    const holders: Element[] = [];
    for (let at: Element | null = paragraph; at && at !== body; at = at.parentElement) {
      if (candidates.has(at)) holders.push(at);
    }
    if (holders.length === 0) continue;
    const story = length >= STORY_PARAGRAPH_CHARS && linkDensity(paragraph, length) <= STORY_PARAGRAPH_MAX_LINK_DENSITY;
    for (const holder of holders) {
      const weight = held.get(holder) ?? { prose: 0, storyParagraphs: 0 };
      weight.prose += length;
      if (story) weight.storyParagraphs++;
      held.set(holder, weight);
    }
  }
  return { pageProse, held };
}
