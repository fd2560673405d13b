/**
 * Headlines, bylines and categories are plain text in our model; feeds send them as text, as escaped HTML, or
 * (too often) as text with HTML entities typed into it. These turn any of those into the words a reader sees.
 */
import { decodeHTML } from 'entities';
import { htmlText } from '../../extract/plainText.ts';

/** Whitespace runs (including the no-break kind feeds pad with) become one space; the ends are trimmed. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\s\u00a0]+/g, (run) => (run === '\u00a0' ? run : ' ')).trim();
}

/** A tag, a comment or a CDATA section: the text is HTML when one of these appears. */
const MARKUP = /<(?:[A-Za-z][^<>]*|\/[A-Za-z][^<>]*|!--[\s\S]*?--)>/;
const ENTITY = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/;

/**
 * A headline is a line; a title field longer than this is a document pasted into the wrong place, and only its
 * start is read (which also bounds the work the parser does).
 */
const MAX_TITLE_SOURCE_CHARS = 20_000;

/** A declaration or processing instruction left open at the very end ("<!DOCTYPE ~"), not a comment or CDATA. */
const OPEN_DECLARATION_AT_END = /<(?:!(?!--|\[)|\?)[^>]*$/;

/**
 * The visible text of an HTML fragment, entities decoded, whitespace collapsed; null when nothing is left. The
 * markup is read by the HTML parser every text field is made plain with (extract/plainText.ts), not by patterns.
 * One difference, to read feeds as feedparser does: a declaration left open at the end is text there, where a
 * browser drops it. Nothing of it reaches an article as markup: every text field of a draft is plain text.
 */
export function htmlToText(html: string | null | undefined): string | null {
  if (!html) return null;
  const source = html.slice(0, MAX_TITLE_SOURCE_CHARS);
  const open = OPEN_DECLARATION_AT_END.exec(source);
  if (!open) return nonEmpty(htmlText(source));
  return nonEmpty(collapseWhitespace(`${htmlText(source.slice(0, open.index))} ${decodeHTML(open[0])}`));
}

/**
 * A title from a format that does not say whether it is text or HTML (RSS, RDF, JSON Feed): read as HTML only
 * when it has markup or entities in it, so "Q&A" and "1 < 2" stay as written.
 */
export function looseTitleText(value: string | null | undefined): string | null {
  if (!value) return null;
  if (MARKUP.test(value) || ENTITY.test(value)) return htmlToText(value);
  return nonEmpty(collapseWhitespace(value));
}

/** A declared-text value (Atom type="text"): kept as written apart from whitespace. */
export function plainText(value: string | null | undefined): string | null {
  return value ? nonEmpty(collapseWhitespace(value)) : null;
}

/** Plain text as HTML: escaped, blank lines as paragraph breaks. */
export function textToHtml(text: string | null | undefined): string | null {
  if (!text?.trim()) return null;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text.trim().split(/\n\s*\n/).map((p) => escape(p.trim()));
  return paragraphs.length === 1 ? paragraphs[0]! : paragraphs.map((p) => `<p>${p}</p>`).join('');
}

export function nonEmpty(value: string | null | undefined): string | null {
  return value && value.trim() !== '' ? value : null;
}

/** The text of XML character data as written: CDATA sections verbatim, references decoded (HTML's too). */
export function xmlCharacterData(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeHTML(part.replace(/<!--[\s\S]*?-->/g, ''))))
    .join('');
}

/** Language tags are written with hyphens (BCP 47); feeds also send "en_US" and stray spaces. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  return tag ? tag : null;
}
