/**
 * Step one of reading a flattened page: turn whatever bytes a copy-paste, a browser "save as text" or a scraper
 * produced into clean lines. Everything after this step may assume single spaces, no control characters, NFC
 * and trimmed lines, so the heuristics compare words, not invisible noise.
 */
import { ExtractError } from '../domain/index.ts';
import { plainText } from './plainText.ts';

/**
 * A long news article flattened to text is 5–50 kB; 2 MiB is far beyond any real page and keeps a hostile or
 * mistaken input (a log file, a binary) from tying up a worker.
 */
export const MAX_PAGE_TEXT_BYTES = 2 * 1024 * 1024;

/** Windows (CRLF), old Mac (CR) and Unicode line/paragraph separators all end a line. */
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;

/**
 * Zero-width and formatting characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) are invisible on the
 * page but would make two identical-looking lines compare unequal (the repeated headline, a chrome label).
 */
const INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** NUL and other C0/C1 control characters never belong in article text; tab is kept and becomes a space. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Half of a surrogate pair on its own is not a character; it would print as garbage, so it is dropped. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Tabs, NBSP and the typographic spaces (thin, hair, ideographic, …) all read as one ordinary space. */
const SPACE_RUNS = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** One line of the page after normalisation; `blankBefore` records a paragraph gap above it. */
export interface PageLine {
  text: string;
  blankBefore: boolean;
}

/** Refuses input no article could come from; the messages say what the person can do about it. */
export function assertReadablePageText(text: string): void {
  if (typeof text !== 'string') {
    throw new ExtractError('page text must be a string');
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PAGE_TEXT_BYTES) {
    throw new ExtractError(
      `page text is too large (${bytes} bytes; the limit is ${MAX_PAGE_TEXT_BYTES}): pass the text of one article`,
    );
  }
}

/**
 * The page as the extractor sees it: NFC, LF line endings, no control or zero-width characters, single spaces,
 * each line trimmed, and each line plain text (./plainText.ts): a page flattened to text means no markup, so
 * tags pasted into it are dropped and entities typed into it decoded before any line becomes a headline, a
 * byline or a caption. A line is read on its own, so a stray "<" costs at most the rest of its line. Every
 * piece of text the extractor returns is a substring of this, which is what the property tests check ("the
 * extractor never invents text").
 */
export function normalizePageText(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(LONE_SURROGATES, '')
    .replace(INVISIBLES, '')
    .replace(CONTROL_CHARS, '')
    .normalize('NFC')
    .replace(SPACE_RUNS, ' ')
    .split('\n')
    .map((line) => plainText(line))
    .join('\n');
}

/** Splits normalised text into its non-empty lines, remembering where blank lines separated them. */
export function toPageLines(normalized: string): PageLine[] {
  const lines: PageLine[] = [];
  let blankBefore = false;
  for (const text of normalized.split('\n')) {
    if (text === '') {
      blankBefore = true;
      continue;
    }
    lines.push({ text, blankBefore });
    blankBefore = false;
  }
  return lines;
}
