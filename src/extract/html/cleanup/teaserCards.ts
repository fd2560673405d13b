/**
 * Teaser cards: the boxes a site lays out around an article to sell its other stories, each a linked headline
 * with a picture and a line of blurb, often marked up as an <article> of its own. Readability may take a row of
 * them as part of the story when they sit in the same section as its text.
 */
import { collapsedText, linkDensity } from './markup.ts';

/**
 * A card is a headline and a blurb of a sentence or two; an <article> with more text than this is a story (the
 * one on the page, or a comment) and is left alone.
 */
const MAX_CARD_CHARS = 600;

/** A heading this much link text is a link to the story it names. */
const LINKED_HEADING_DENSITY = 0.9;

export function removeTeaserCards(document: Document): void {
  const body = document.body ?? document.documentElement;
  if (!body) return;
  const cards: Element[] = [];
  for (const article of body.querySelectorAll('article')) {
    if (isTeaserCard(article)) cards.push(article);
  }
  for (const card of cards) card.remove();
}

function isTeaserCard(article: Element): boolean {
  // The heading first: it is small, and most articles' is not a link, which spares reading their whole text.
  const heading = article.querySelector('h1, h2, h3, h4, h5, h6');
  if (!heading) return false;
  const headingText = collapsedText(heading);
  if (headingText.length === 0 || linkDensity(heading, headingText.length) < LINKED_HEADING_DENSITY) return false;
  const text = collapsedText(article);
  return text.length > 0 && text.length <= MAX_CARD_CHARS;
}
