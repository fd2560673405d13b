/** Text for XML documents we write: feeds (through feedsmith) and sitemaps (by hand). */
import { plainText } from '../../extract/plainText.ts';

/** Text and attribute values, without markup and without characters XML cannot carry. */
export function escapeXml(text: string): string {
  return withoutXmlForbidden(text).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!,
  );
}

/**
 * Drops the control characters XML 1.0 does not allow even escaped: one stray byte from a source's text
 * would make a whole feed or sitemap unreadable to a strict parser.
 */
export function withoutXmlForbidden(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/**
 * A text field of a feed (a title, a name, a category, a plain summary): plain text, whatever was stored — feed
 * readers show titles as HTML often enough that markup kept in one would be built there — and nothing XML
 * cannot carry.
 */
export function feedText(text: string): string {
  return withoutXmlForbidden(plainText(text));
}

/** A CDATA section feedsmith wrote, with the whitespace it indents it by. */
const CDATA_ELEMENT_TEXT = />\s*((?:<!\[CDATA\[[\s\S]*?\]\]>)+)\s*<\//g;
const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/**
 * The document with every CDATA section written as escaped character data instead, which XML reads as the same
 * characters. feedsmith wraps any value holding "<", ">" or "&" in CDATA, and readers take a CDATA section as a
 * sign of HTML: "Q&A" or "1 < 2" in a title is text and is sent as text. feedsmith splits a value holding
 * "]]>" across sections, so a section always ends at the first "]]>" after it opens.
 */
export function cdataAsEscapedText(xml: string): string {
  return xml
    .replace(CDATA_ELEMENT_TEXT, (_, sections: string) => `>${escapeXml(sectionText(sections))}</`)
    .replace(CDATA_SECTION, (_, text: string) => escapeXml(text));
}

function sectionText(sections: string): string {
  return [...sections.matchAll(CDATA_SECTION)].map((match) => match[1]).join('');
}
