/**
 * Body → Markdown: a stored body printed in the editor's format (./conventions.ts), so that reading the print
 * gives the same body back. Body text is plain text, so every character Markdown would read as syntax is
 * escaped where it would be read so: emphasis and code markers, brackets, "<", backslashes, entity-like "&…;",
 * and the characters that start a block at the start of a line (#, >, -, +, "1." and "1)").
 *
 * Text is printed normalised (./conventions.ts normalizeText): a paragraph is one line. Sections print in
 * order; an untitled section after the first has no heading to set it apart, so it reads back as part of the
 * section before it (the bodies the importers store only ever have one, first).
 */
import type { BodyBlock, BodySection, HeroImage } from '../../domain/index.ts';
import { ATTRIBUTION_PREFIX, normalizeText, startsWithAttributionDash } from './conventions.ts';

export function bodyToMarkdown(body: readonly BodySection[]): string {
  const chunks: string[] = [];
  for (const section of body) {
    const title = normalizeText(section.title ?? '');
    if (title !== '') chunks.push(`## ${headingText(title)}`);
    const lists = new ListMarkers();
    for (const block of section.blocks) {
      const printed = printBlock(block, lists);
      if (printed !== '') chunks.push(printed);
    }
  }
  return chunks.length === 0 ? '' : `${chunks.join('\n\n')}\n`;
}

/**
 * Two lists of the same kind one after the other would read back as one list, blank line or not; a different
 * marker (- then *, 1. then 1)) starts a new one.
 */
class ListMarkers {
  private previous: { ordered: boolean; alternate: boolean } | null = null;

  next(block: BodyBlock): { ordered: boolean; alternate: boolean } | null {
    if (block.type !== 'list') {
      this.previous = null;
      return null;
    }
    const alternate = this.previous !== null && this.previous.ordered === block.ordered && !this.previous.alternate;
    this.previous = { ordered: block.ordered, alternate };
    return this.previous;
  }
}

function printBlock(block: BodyBlock, lists: ListMarkers): string {
  const marker = lists.next(block);
  switch (block.type) {
    case 'paragraph':
      return escapeText(normalizeText(block.text), { lineStart: true });
    case 'subheading': {
      const text = normalizeText(block.text);
      return text === '' ? '' : `### ${headingText(text)}`;
    }
    case 'list': {
      const items = block.items.map(normalizeText).filter(Boolean);
      const bullet = (index: number): string =>
        block.ordered ? `${index + 1}${marker?.alternate ? ')' : '.'}` : marker?.alternate ? '*' : '-';
      return items.map((item, index) => `${bullet(index)} ${escapeText(item, { lineStart: true })}`).join('\n');
    }
    case 'quote':
      return printQuote(block.text, block.cite);
    case 'figure':
      return printFigure(block.image);
  }
}

/**
 * One quote paragraph per line of its text, and the cite on a last line after a dash. A last line of text that
 * itself starts with a dash is written with the dash escaped, so that it is not read as the cite.
 */
function printQuote(text: string, cite: string | null): string {
  const lines = text.split('\n').map(normalizeText).filter(Boolean);
  if (lines.length === 0) return '';
  const who = normalizeText(cite ?? '');
  const printed = lines.map((line, index) => {
    const last = index === lines.length - 1;
    return `> ${last && who === '' ? withEscapedDash(line) : escapeText(line, { lineStart: true })}`;
  });
  const body = printed.join('\n>\n');
  return who === '' ? body : `${body}\n> ${ATTRIBUTION_PREFIX}${escapeText(who)}`;
}

/** A line starting with — or – written with the dash as an entity; "--" is escaped as any line-start "-" is. */
function withEscapedDash(line: string): string {
  if (!startsWithAttributionDash(line)) return escapeText(line, { lineStart: true });
  if (line.startsWith('—')) return `&mdash;${escapeText(line.slice(1))}`;
  if (line.startsWith('–')) return `&ndash;${escapeText(line.slice(1))}`;
  return escapeText(line, { lineStart: true });
}

/** ![alt](address "caption"), and the credit on the line under it after a dash. */
function printFigure(image: HeroImage): string {
  const caption = normalizeText(image.caption ?? '');
  const credit = normalizeText(image.credit ?? '');
  const title = caption === '' ? '' : ` "${escapeTitle(caption)}"`;
  const address = image.url === null || image.url === '' ? (title === '' ? '' : '<>') : printAddress(image.url);
  const picture = `![${escapeText(normalizeText(image.alt))}](${address}${title})`;
  return credit === '' ? picture : `${picture}\n${ATTRIBUTION_PREFIX}${escapeText(credit)}`;
}

/** Entity-like "&…;" is read as the character it names; a backslash before it keeps it as written. */
const ENTITY_LIKE_AMPERSAND = /&(?=#|[A-Za-z][A-Za-z0-9]*;)/g;

/** An address as written, bare when it can be, else in <…> (spaces, brackets, parentheses). */
function printAddress(url: string): string {
  const escaped = url.replace(/\\/g, '\\\\').replace(ENTITY_LIKE_AMPERSAND, '\\&');
  return /[\s<>()]|[\u0000-\u001F\u007F]/.test(url) ? `<${escaped.replace(/[<>]/g, '\\$&')}>` : escaped;
}

/** A link title: only backslashes, the closing quote and entities are read inside it. */
function escapeTitle(text: string): string {
  return text.replace(/[\\"]/g, '\\$&').replace(ENTITY_LIKE_AMPERSAND, '\\&');
}

/**
 * A heading's text. A run of # at its end after a space (or alone) would be read as the heading's closing
 * sequence and dropped; its first # is escaped.
 */
function headingText(text: string): string {
  return escapeText(text).replace(/(^|\s)(#+)$/, '$1\\$2');
}

/** Always syntax wherever it stands: emphasis, code, link brackets, autolinks and HTML, escapes. */
const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '[', ']', '<']);
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Plain text as Markdown that reads back as the same text. `lineStart`: the text starts a block's line (a
 * paragraph, list item, quote line), where #, >, -, + and "1." / "1)" would start a heading, quote or list.
 */
export function escapeText(text: string, options: { lineStart?: boolean } = {}): string {
  const characters = [...text];
  let out = '';
  characters.forEach((character, index) => {
    const before = characters[index - 1] ?? '';
    const after = characters[index + 1] ?? '';
    if (ALWAYS_ESCAPED.has(character)) out += `\\${character}`;
    // "_" between two letters or digits can neither open nor close emphasis (snake_case stays readable).
    else if (character === '_') out += WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after) ? '_' : '\\_';
    // A single "~" is text; two or more make strikethrough, three a fence.
    else if (character === '~') out += before === '~' || after === '~' ? '\\~' : '~';
    else out += character;
  });
  out = out.replace(ENTITY_LIKE_AMPERSAND, '\\&');
  if (options.lineStart) out = out.replace(/^[#>+-]/, '\\$&').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
  return out;
}
