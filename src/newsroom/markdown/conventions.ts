/**
 * The newsroom editor's body format: what an editor writes, and what each piece becomes. Reader and printer
 * (markdownToBody.ts, bodyToMarkdown.ts) share these rules, so that a body printed and read back is the same.
 *
 *   ## Title                      starts a titled section (text before the first ## is the untitled opening)
 *   ### Subheading                a subheading block (####… as well)
 *   A paragraph.                  lines of one paragraph join with spaces; a blank line starts the next
 *   - item / 1. item              a list (nested lists are flattened into it, in order)
 *   > Quoted words.               a quote; each paragraph of it is one line of the quote's text
 *   > — Who said it               …and a last line starting with —, – or -- is who is quoted (the cite)
 *   ![Description](/media/… "Caption")
 *   — Credit                      a figure: alt text, address, caption, and the credit on the line under it
 *
 * The credit goes on its own line under the picture, after the same dash that marks a quote's cite, rather
 * than in the title ("Caption | Credit"): a caption or credit may hold a "|", and a second escaping layer
 * inside the title would be a trap for editors. A picture with no file yet (the site draws a placeholder) is
 * written with an empty address: ![Description]() or ![Description](<> "Caption").
 *
 * A quote line or credit that must start with a dash without being a cite is written with the dash escaped:
 * &mdash;, &ndash; or \-.
 */

/** Far beyond any article (the longest demo story is about 103,000 characters); keeps a paste of a log or a
 * book from tying up the parser. */
export const MAX_BODY_MARKDOWN_CHARS = 200_000;

/** What starts a quote's cite line and a figure's credit line: an em dash, an en dash, or two hyphens. */
const ATTRIBUTION_DASH = /^(?:—|–|--)\s*/u;

export function startsWithAttributionDash(text: string): boolean {
  return ATTRIBUTION_DASH.test(text);
}

/** The words after the dash of a cite or credit line. */
export function withoutAttributionDash(text: string): string {
  return text.replace(ATTRIBUTION_DASH, '');
}

/** The dash the printer writes before a cite or a credit. */
export const ATTRIBUTION_PREFIX = '— ';

/**
 * Body text as the store holds it: every run of whitespace (line breaks, tabs, no-break spaces) one space,
 * ends trimmed. The extractors and the Wikinews import make their text this way.
 */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Our own images (uploaded by the newsroom) live under /media/; see domain/image.ts. */
const SITE_MEDIA_PATH = /^\/media\/[^\s\\]+$/;

/**
 * Whether a figure may point at this address: one of the site's own media paths, or an http(s) address. Any
 * other scheme (javascript:, data:, file:), a protocol-relative //host or a path outside /media/ is refused.
 */
export function isAcceptedImageUrl(url: string): boolean {
  if (SITE_MEDIA_PATH.test(url)) return !url.split(/[/?#]/).includes('..');
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}
