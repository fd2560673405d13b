/** Text for XML documents we write: feeds (through feedsmith) and sitemaps (by hand). */

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
