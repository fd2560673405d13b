/**
 * Text fields — headline, dek, byline, source and section names, captions, credits, alt text — are plain text:
 * the words a reader sees, never markup. Pages, feeds and page-text files hand them over with tags in them,
 * with entities typed into them, or escaped twice ("&amp;lt;b&amp;gt;"). What comes out of here has no tag,
 * comment or entity left that an HTML reader would act on, so a feed reader that shows a title with innerHTML,
 * or a slug made of a byline's words, sees only the words.
 *
 * The markup is read by an HTML parser (sanitize-html's), never by patterns: the text is what its parse shows.
 */
import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import type { ArticleDraft, BodySection, HeroImage } from '../domain/article.ts';

/**
 * Elements whose content a reader never sees as words of the text: code, styles, form controls, and what a
 * browser keeps as raw text and does not render (an <object>'s fallback content, by contrast, is shown).
 */
const HIDDEN = [
  'script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes',
  'select', 'option', 'head',
];

/** Elements that end a run of words: each becomes a space, so "Jane Doe<br>Reuters" does not read "Jane DoeReuters". */
const BREAKING = [
  'br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'hr', 'dt', 'dd', 'dl', 'figure', 'figcaption', 'section', 'article', 'header', 'footer', 'address', 'pre',
];

/**
 * CMSs escape twice often and three times now and then; text that still holds markup after this many readings
 * was built to hide it. Its markup characters are dropped instead, so the result is plain either way.
 */
const MAX_READINGS = 4;

/** Without "<" there is no tag or comment and without "&" no entity: such text needs no parse. */
const MAY_HOLD_MARKUP = /[<&]/;
const MARKUP_CHARACTERS = /[<>&]/g;

/**
 * C0 and C1 controls other than whitespace are never text. They go before parsing, not after: removing one
 * afterwards could join "<", a control and "b>" into a tag.
 */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * The words of `value` as a reader sees them: tags and comments removed (the content of scripts, styles and
 * other hidden elements with them), entities decoded, whitespace runs made one space, ends trimmed.
 * Idempotent: plain text comes back as it is.
 */
export function plainText(value: string): string {
  let text = value.replace(CONTROLS, '');
  for (let reading = 0; reading < MAX_READINGS; reading++) {
    if (!MAY_HOLD_MARKUP.test(text)) return collapse(text);
    const read = visibleText(text).replace(CONTROLS, '');
    if (read === text) return collapse(text);
    text = read;
  }
  return collapse(MAY_HOLD_MARKUP.test(text) ? text.replace(MARKUP_CHARACTERS, ' ') : text);
}

/**
 * The text of a value known to be HTML (an Atom title of type "html"), read once: tags gone, entities decoded
 * once, whitespace collapsed. An escaped "&lt;b&gt;" in it is text that says "<b>"; a text field made from it
 * still goes through plainText.
 */
export function htmlText(html: string): string {
  return collapse(visibleText(html.replace(CONTROLS, '')).replace(CONTROLS, ''));
}

/** plainText for optional fields: null for nothing, and for text with no words left once the markup is gone. */
export function plainTextOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = plainText(value);
  return text === '' ? null : text;
}

/** A photo's alt text, caption and credit as plain text. */
export function plainImage(image: HeroImage): HeroImage {
  return { ...image, alt: plainText(image.alt), caption: plainTextOrNull(image.caption), credit: plainTextOrNull(image.credit) };
}

/**
 * A draft with its text fields plain: headline, dek, byline, section and source names, and every photo's alt
 * text, caption and credit. Body paragraphs are left as they are: they are text already, and a story about
 * markup may quote some.
 */
export function plainTextFields(draft: ArticleDraft): ArticleDraft {
  return {
    ...draft,
    headline: plainText(draft.headline),
    sectionName: plainTextOrNull(draft.sectionName),
    dek: plainTextOrNull(draft.dek),
    byline: plainTextOrNull(draft.byline),
    hero: draft.hero && plainImage(draft.hero),
    source: draft.source && { ...draft.source, name: plainText(draft.source.name) },
    body: draft.body.map(plainFigures),
  };
}

function plainFigures(section: BodySection): BodySection {
  return {
    ...section,
    blocks: section.blocks.map((block) => (block.type === 'figure' ? { ...block, image: plainImage(block.image) } : block)),
  };
}

/**
 * The text an HTML fragment shows, read once. htmlparser2 (the parser under sanitize-html) gives the rest of a
 * declaration or processing instruction left open at the end ("Jane <!DOCTYPE x", "<?xml-stylesheet href=…")
 * as text, where a browser drops it. Read with a ">" after it, such a construct closes and goes; when the ">"
 * only comes back as the last character of the text, nothing was left open and the text is read as it is.
 */
function visibleText(html: string): string {
  const asIs = parsedText(html);
  if (!html.includes('<')) return asIs;
  const closed = parsedText(`${html}>`);
  return closed === `${asIs}>` ? asIs : closed;
}

/**
 * The text sanitize-html finds in a fragment. It parses with htmlparser2, streaming, so a stray DOCTYPE, an
 * <html> inside a headline or a tag left open cannot derail it; it drops hidden elements with their content and
 * every other tag but the breaking ones, bare. Its output escapes every "<" of the text, so each "<" left opens
 * one of those bare tags, which become spaces; the escaped text is then decoded.
 */
function parsedText(html: string): string {
  const kept = sanitizeHtml(html, {
    allowedTags: BREAKING,
    allowedAttributes: {},
    nonTextTags: HIDDEN,
    disallowedTagsMode: 'discard',
  });
  return decodeHTML(kept.replace(KEPT_TAG, ' '));
}

/** A tag in sanitize-html's output above: only the bare breaking tags can be there ("<p>", "</p>", "<br />"). */
const KEPT_TAG = /<[^>]*>/g;

function collapse(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}
