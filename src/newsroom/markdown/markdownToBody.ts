/**
 * Markdown → body: what an editor wrote (see ./conventions.ts) read by markdown-it into typed body blocks.
 * The blocks are plain text, so inline formatting is dropped (its words kept) and the editor told once per kind;
 * what the body cannot hold at all (raw HTML, a # headline, tables, code, an empty section) is refused with
 * the line it is on, in words an editor can act on.
 */
import MarkdownIt, { type Env, type Token } from 'markdown-it';
import { ValidationError, type BodyBlock, type BodySection, type HeroImage } from '../../domain/index.ts';
import {
  MAX_BODY_MARKDOWN_CHARS,
  isAcceptedImageUrl,
  normalizeText,
  startsWithAttributionDash,
  withoutAttributionDash,
} from './conventions.ts';

export interface MarkdownBody {
  body: BodySection[];
  /** What was written but not kept (formatting, links, …), once per kind, in an editor's words. */
  notes: string[];
}

/** The parser the body is read with: no HTML (it is refused, see findHtml), the default rules otherwise. */
const reader = new MarkdownIt({ html: false });
// Escaped characters and entities stay tokens of their own (text_special) instead of being merged into the
// text, so a line written "&mdash; …" or "\-- …" can be told from one written "— …", which is a cite or credit.
reader.core.ruler.disable('text_join');
// Addresses are judged by isAcceptedImageUrl, which names the line, and kept exactly as written (no
// percent-encoding or punycode) so that a stored address prints and reads back unchanged.
reader.validateLink = () => true;
reader.normalizeLink = (url) => url;

/** The same rules with HTML on, used only to find HTML: with html off markdown-it reads a tag as plain text. */
const htmlFinder = new MarkdownIt({ html: true });

const NOTE = {
  emphasis: 'Emphasis (*italic*, **bold**) is not kept: its text is.',
  strikethrough: 'Strikethrough (~~…~~) is not kept: its text is.',
  code: 'Code formatting (`…`) is not kept: its text is.',
  links: 'Links are not kept: their text is.',
  linkDefinitions: 'Link definitions ([name]: address) are not kept.',
  lineBreaks: 'Line breaks inside a paragraph are not kept: a blank line starts a new paragraph.',
  nestedLists: 'Nested lists are flattened: their items follow the item they were under, in one list.',
  rules: 'Horizontal rules (---) are not kept.',
  listsInQuotes: 'Lists inside a quote are kept as lines of the quote.',
  quotesInQuotes: 'A quote inside a quote is kept as lines of the outer quote.',
} as const;

const REFUSAL = {
  headline: 'a "#" heading is not allowed in the body: the headline is its own field; use ## for a section title.',
  emptyHeading: 'this heading has no words: write its title, or remove the line.',
  table: 'tables cannot be kept in the body: write the rows as a list or as paragraphs.',
  code: 'code blocks cannot be kept in the body (a block fenced with ``` or ~~~, or indented by four spaces, is one): write it as a paragraph or a quote.',
  html: 'HTML is not allowed in the body: write it in Markdown (to show a "<" as it is, write "\\<").',
  pictureInText:
    'a picture must stand on a line of its own, outside lists and quotes: ![description](address "caption"), with its credit on the next line after "— ".',
  creditLine: 'the line under a picture is its credit and must start with "— ": leave a blank line before a paragraph.',
  headingInside: 'a heading cannot sit inside a list or a quote.',
  quoteInList: 'a quote cannot sit inside a list item.',
} as const;

function refusal(line: number, message: string): ValidationError {
  return new ValidationError(`Line ${line}: ${message}`);
}

/**
 * The body an editor's Markdown describes, and what of it was not kept. Throws ValidationError, naming the
 * line, for what the body cannot hold.
 */
export function markdownToBody(markdown: string): MarkdownBody {
  const length = characterCount(markdown);
  if (length > MAX_BODY_MARKDOWN_CHARS) {
    throw new ValidationError(
      `The body is too long: ${length.toLocaleString('en')} characters, and the limit is ${MAX_BODY_MARKDOWN_CHARS.toLocaleString('en')}. Split the story, or cut it.`,
    );
  }
  const htmlLine = findHtml(htmlFinder.parse(markdown, {}));
  if (htmlLine !== null) throw refusal(htmlLine, REFUSAL.html);

  const env: Env = {};
  const reading = new Reading();
  const body = reading.sections(blockTree(reader.parse(markdown, env)));
  if (Object.keys(env.references ?? {}).length > 0) reading.notes.add(NOTE.linkDefinitions);
  return { body, notes: [...reading.notes] };
}

/** Characters as an editor counts them: a character outside the BMP (an emoji) is one, not two UTF-16 units. */
function characterCount(text: string): number {
  let count = text.length;
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff) {
      const previous = text.charCodeAt(index - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) count--;
    }
  }
  return count;
}

/** A block token with what it holds (open … close), or a token that holds nothing (inline, hr, fence). */
interface BlockNode {
  token: Token;
  children: BlockNode[];
}

function blockTree(tokens: readonly Token[]): BlockNode[] {
  const root: BlockNode[] = [];
  const open: BlockNode[][] = [root];
  for (const token of tokens) {
    const siblings = open[open.length - 1]!;
    if (token.nesting === -1) {
      open.pop();
      continue;
    }
    const node: BlockNode = { token, children: [] };
    siblings.push(node);
    if (token.nesting === 1) open.push(node.children);
  }
  return root;
}

/** The 1-based line a block starts on. */
function lineOf(node: BlockNode): number {
  return (node.token.map?.[0] ?? 0) + 1;
}

/** The first line holding HTML (a block or a tag in text), or null. Table cells carry no line: their table's is used. */
function findHtml(tokens: readonly Token[]): number | null {
  let blockLine = 1;
  for (const token of tokens) {
    if (token.map) blockLine = token.map[0] + 1;
    if (token.type === 'html_block') return blockLine;
    let line = blockLine;
    const inText = (children: readonly Token[]): boolean =>
      children.some((child) => {
        if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
        return child.type === 'html_inline' || (child.children !== null && inText(child.children));
      });
    if (token.children && inText(token.children)) return line;
  }
  return null;
}

/** One line of inline text; `dashed` when it starts with a dash written as such (a cite or credit line). */
interface TextLine {
  text: string;
  dashed: boolean;
}

interface OpenSection {
  title: string | null;
  line: number;
  blocks: BodyBlock[];
}

/** One reading of a document: the blocks it makes and the notes it collects on the way. */
class Reading {
  readonly notes = new Set<string>();

  sections(nodes: readonly BlockNode[]): BodySection[] {
    const sections: BodySection[] = [];
    let current: OpenSection = { title: null, line: 1, blocks: [] };
    const close = (): void => {
      if (current.title !== null && current.blocks.length === 0) {
        throw refusal(current.line, `the section "${current.title}" has nothing under it: write its text, or remove the title.`);
      }
      if (current.blocks.length > 0) sections.push({ title: current.title, blocks: current.blocks });
    };
    for (const node of nodes) {
      if (node.token.type === 'heading_open') {
        const line = lineOf(node);
        const level = Number(node.token.tag.slice(1));
        if (level === 1) throw refusal(line, REFUSAL.headline);
        const text = this.text(node.children[0], line);
        if (text === '') throw refusal(line, REFUSAL.emptyHeading);
        if (level === 2) {
          close();
          current = { title: text, line, blocks: [] };
        } else {
          current.blocks.push({ type: 'subheading', text });
        }
        continue;
      }
      const block = this.block(node);
      if (block) current.blocks.push(block);
    }
    close();
    return sections;
  }

  /** A top-level block other than a heading; null for what leaves nothing (a rule, an empty list). */
  private block(node: BlockNode): BodyBlock | null {
    const line = lineOf(node);
    switch (node.token.type) {
      case 'paragraph_open': {
        const inline = node.children[0];
        if (inline?.token.children?.some((child) => child.type === 'image')) return this.figure(inline.token, line);
        const text = this.text(inline, line);
        return text === '' ? null : { type: 'paragraph', text };
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const items = this.listItems(node);
        return items.length === 0 ? null : { type: 'list', ordered: node.token.type === 'ordered_list_open', items };
      }
      case 'blockquote_open':
        return this.quote(node);
      case 'hr':
        this.notes.add(NOTE.rules);
        return null;
      default:
        throw this.unsupported(node);
    }
  }

  /** Why a block the body has no place for is refused. */
  private unsupported(node: BlockNode): ValidationError {
    const line = lineOf(node);
    switch (node.token.type) {
      case 'table_open':
        return refusal(line, REFUSAL.table);
      case 'code_block':
      case 'fence':
        return refusal(line, REFUSAL.code);
      case 'html_block':
        return refusal(line, REFUSAL.html);
      case 'heading_open':
        return refusal(line, REFUSAL.headingInside);
      case 'blockquote_open':
        return refusal(line, REFUSAL.quoteInList);
      default:
        return refusal(line, `this cannot be kept in the body (${node.token.type.replace(/_open$/, '')}).`);
    }
  }

  /**
   * A picture on its own line: the image, and optionally a credit line under it. The alt text is the image's
   * description, the title its caption; an empty address is a picture with no file yet.
   */
  private figure(inline: Token, line: number): BodyBlock {
    const [image, lineBreak, ...creditTokens] = inline.children ?? [];
    if (image?.type !== 'image') throw refusal(this.lineOfImage(inline.children ?? [], line), REFUSAL.pictureInText);
    let credit: string | null = null;
    if (lineBreak) {
      if (lineBreak.type !== 'softbreak' && lineBreak.type !== 'hardbreak') throw refusal(line, REFUSAL.pictureInText);
      const creditLines = this.lines(creditTokens, line + 1);
      const creditLine = creditLines[0];
      if (creditLines.length !== 1 || !creditLine?.dashed) throw refusal(line + 1, REFUSAL.creditLine);
      credit = normalizeText(withoutAttributionDash(creditLine.text)) || null;
    }
    const src = String(image.attrGet('src') ?? '');
    if (src !== '' && !isAcceptedImageUrl(src)) {
      throw refusal(
        line,
        `the picture's address "${src}" cannot be used: use a /media/… address from the newsroom's images, or one starting with https://.`,
      );
    }
    const title = image.attrGet('title');
    const figure: HeroImage = {
      url: src === '' ? null : src,
      alt: normalizeText(this.lines(image.children ?? [], line, { picturesAllowed: true }).map((l) => l.text).join(' ')),
      caption: title === null ? null : normalizeText(String(title)) || null,
      credit,
    };
    return { type: 'figure', image: figure };
  }

  private lineOfImage(children: readonly Token[], line: number): number {
    let at = line;
    for (const child of children) {
      if (child.type === 'image') return at;
      if (child.type === 'softbreak' || child.type === 'hardbreak') at++;
    }
    return at;
  }

  /** A list's items, nested lists flattened after the item they are under; empty items left out. */
  private listItems(list: BlockNode): string[] {
    const items: string[] = [];
    for (const item of list.children) {
      const texts: string[] = [];
      const nested: string[] = [];
      for (const child of item.children) {
        const type = child.token.type;
        if (type === 'paragraph_open') texts.push(this.text(child.children[0], lineOf(child)));
        else if (type === 'bullet_list_open' || type === 'ordered_list_open') {
          this.notes.add(NOTE.nestedLists);
          nested.push(...this.listItems(child));
        } else if (type === 'hr') this.notes.add(NOTE.rules);
        else throw this.unsupported(child);
      }
      const text = normalizeText(texts.join(' '));
      if (text !== '') items.push(text);
      items.push(...nested);
    }
    return items;
  }

  /**
   * A quote: one line of text per paragraph, and the cite when its last line starts with a dash and there is
   * text above it. Null for a quote with no words.
   */
  private quote(node: BlockNode): BodyBlock | null {
    const paragraphs = this.quoteParagraphs(node);
    const lastParagraph = paragraphs[paragraphs.length - 1] ?? [];
    const lastLine = lastParagraph[lastParagraph.length - 1];
    const joined = (lines: readonly TextLine[]): string => normalizeText(lines.map((l) => l.text).join(' '));
    const textOf = (groups: readonly (readonly TextLine[])[]): string => groups.map(joined).filter(Boolean).join('\n');

    if (lastLine?.dashed) {
      const cite = normalizeText(withoutAttributionDash(lastLine.text));
      const text = textOf([...paragraphs.slice(0, -1), lastParagraph.slice(0, -1)]);
      if (cite !== '' && text !== '') return { type: 'quote', text, cite };
    }
    const text = textOf(paragraphs);
    return text === '' ? null : { type: 'quote', text, cite: null };
  }

  /** The lines of each paragraph of a quote; a list item or a nested quote's line counts as a paragraph. */
  private quoteParagraphs(quote: BlockNode): TextLine[][] {
    const paragraphs: TextLine[][] = [];
    const plain = (text: string): TextLine[] => [{ text, dashed: false }];
    for (const child of quote.children) {
      switch (child.token.type) {
        case 'paragraph_open':
          paragraphs.push(this.lines(child.children[0]?.token.children ?? [], lineOf(child)));
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.notes.add(NOTE.listsInQuotes);
          paragraphs.push(...this.listItems(child).map(plain));
          break;
        case 'blockquote_open':
          this.notes.add(NOTE.quotesInQuotes);
          for (const lines of this.quoteParagraphs(child)) paragraphs.push(plain(lines.map((l) => l.text).join(' ')));
          break;
        case 'hr':
          this.notes.add(NOTE.rules);
          break;
        default:
          throw this.unsupported(child);
      }
    }
    return paragraphs;
  }

  /** The plain text of a heading's or paragraph's inline content, on one line. */
  private text(inline: BlockNode | undefined, line: number): string {
    return normalizeText(this.lines(inline?.token.children ?? [], line).map((l) => l.text).join(' '));
  }

  /**
   * Inline tokens → plain lines (split where the source breaks a line): text kept, formatting, links and code
   * spans dropped with a note, their words kept. A picture is only allowed inside another picture's description.
   */
  private lines(tokens: readonly Token[], firstLine: number, options: { picturesAllowed?: boolean } = {}): TextLine[] {
    const lines: TextLine[] = [];
    let parts: string[] = [];
    let dashed = false;
    let atLineStart = true;
    let line = firstLine;
    const endLine = (): void => {
      lines.push({ text: normalizeText(parts.join('')), dashed });
      parts = [];
      dashed = false;
      atLineStart = true;
      line++;
    };
    for (const token of tokens) {
      if (atLineStart) dashed = token.type === 'text' && startsWithAttributionDash(token.content);
      atLineStart = false;
      switch (token.type) {
        case 'text':
        case 'text_special':
          parts.push(token.content);
          break;
        case 'softbreak':
          endLine();
          break;
        case 'hardbreak':
          this.notes.add(NOTE.lineBreaks);
          endLine();
          break;
        case 'code_inline':
          this.notes.add(NOTE.code);
          parts.push(token.content);
          break;
        case 'em_open':
        case 'em_close':
        case 'strong_open':
        case 'strong_close':
          this.notes.add(NOTE.emphasis);
          break;
        case 's_open':
        case 's_close':
          this.notes.add(NOTE.strikethrough);
          break;
        case 'link_open':
        case 'link_close':
          this.notes.add(NOTE.links);
          break;
        case 'image':
          if (!options.picturesAllowed) throw refusal(line, REFUSAL.pictureInText);
          parts.push(this.lines(token.children ?? [], line, options).map((l) => l.text).join(' '));
          break;
        case 'html_inline':
          throw refusal(line, REFUSAL.html);
        default:
          parts.push(token.content);
      }
    }
    if (tokens.length > 0) endLine();
    return lines;
  }
}
