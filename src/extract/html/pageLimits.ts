/**
 * Limits that keep a hostile page from costing minutes. The fetcher caps downloads, but within that cap a page can
 * still nest elements hundreds of thousands deep, and linkedom's parser slows down with the square of the depth
 * (100 000 nested <div>s take 13 s on our machine, 400 000 several minutes). Real pages nest a few dozen levels,
 * so we measure the depth with a cheap scan first and refuse monsters before parsing them.
 */
import { ExtractError } from '../../domain/index.ts';

/**
 * The fetcher stops reading a page at 5 MB, which decodes to at most this many characters; anything longer did
 * not come through the fetcher and is refused rather than parsed.
 */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;

/**
 * Deepest element nesting we parse. The deepest of the 218 pages in our corpora nests 49 levels (by the scan below);
 * 2000 leaves room for the sloppiest real markup and parses in well under a second.
 */
export const MAX_NESTING_DEPTH = 2000;

/**
 * Most elements we parse. The largest of the 218 corpus pages (a long Wikipedia article) has about 10 000; a page
 * of 700 000 empty elements still fits in the fetcher's 5 MB and takes linkedom seconds to parse and Readability
 * far longer to score. (Readability's own maxElemsToParse cannot guard us: it counts with
 * getElementsByTagName('*'), which linkedom answers with an empty list.)
 */
export const MAX_PAGE_ELEMENTS = 50_000;

/** Raw-text and comment content, where "<div>" is text, not a tag. */
const NOT_MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea|title|xmp|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/**
 * Elements that never hold others (void) or that the next sibling closes without an end tag (implied end): they
 * do not add to the depth however they are written.
 */
const FLAT_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rp', 'html', 'head', 'body', '!doctype',
]);

/** Refuses a page too long, too large or too deeply nested to parse in reasonable time. */
export function assertParseable(html: string): void {
  if (html.length > MAX_HTML_CHARS) {
    throw new ExtractError(`the page is ${html.length} characters long; pages over ${MAX_HTML_CHARS} are refused`);
  }
  const shape = measureMarkup(html);
  if (shape.depth > MAX_NESTING_DEPTH) {
    throw new ExtractError(`the page nests elements ${shape.depth} levels deep; more than ${MAX_NESTING_DEPTH} is refused`);
  }
  if (shape.elements > MAX_PAGE_ELEMENTS) {
    throw new ExtractError(`the page has ${shape.elements} elements; more than ${MAX_PAGE_ELEMENTS} is refused`);
  }
}

export interface MarkupShape {
  /** Deepest nesting of elements, counted from the tags as written (an upper bound on what the parser builds). */
  depth: number;
  /** Start tags outside comments, scripts and styles. */
  elements: number;
}

export function measureMarkup(html: string): MarkupShape {
  const markup = html.replace(NOT_MARKUP, '');
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  for (const match of markup.matchAll(TAG)) {
    if (match[1] !== '/') elements++;
    const name = match[2]!.toLowerCase();
    if (FLAT_ELEMENTS.has(name) || match[3] === '/') continue;
    if (match[1] === '/') {
      depth = Math.max(0, depth - 1);
    } else {
      depth++;
      if (depth > deepest) deepest = depth;
    }
  }
  return { depth: deepest, elements };
}
