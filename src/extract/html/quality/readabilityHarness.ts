/**
 * Readability on linkedom with and without our cleanup, outside the core extractor: the baseline the bench
 * compares against, and a way to score cleanup rules on their own.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanAfterReadability, cleanBeforeReadability, type CleanupContext } from '../cleanup/index.ts';

/** Elements that start a new line of text when flattened. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);

/** Never body text: captions (the body text leaves them out) and what is not text at all. */
const SKIPPED_TAGS = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'IFRAME', 'TEMPLATE']);

export interface HarnessOptions {
  /** Run our cleanup hooks around Readability (false: Readability alone). */
  cleanup: boolean;
}

/** Page HTML → body text, one line per block. Empty when Readability finds no article. */
export function readabilityBody(html: string, url: string, options: HarnessOptions): string {
  const { document } = parseHTML(html);
  const context: CleanupContext = {
    url: new URL(url),
    structuredBody: options.cleanup ? jsonLdArticleBody(document as unknown as Document) : null,
    headline: null,
  };
  const page = document as unknown as Document;
  if (options.cleanup) cleanBeforeReadability(page, context);
  const article = new Readability<Element>(page, { serializer: (node) => node as Element }).parse();
  const content = article?.content;
  if (!content) return '';
  if (options.cleanup) {
    context.headline = article.title ?? null;
    cleanAfterReadability(content, context);
  }
  return blockText(content);
}

/** Readability alone, scored the way the benchmark scored Readability.js: its own `textContent`. */
export function readabilityTextContent(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

/** Flattens an element to text, a line per block, so words of adjacent paragraphs never run together. */
export function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 || SKIPPED_TAGS.has((node as Element).tagName)) return;
    const block = BLOCK_TAGS.has((node as Element).tagName);
    if (block) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The `articleBody` a page states in its JSON-LD (the longest, when several objects carry one). */
export function jsonLdArticleBody(document: Document): string | null {
  let best: string | null = null;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const body of findArticleBodies(data)) if (!best || body.length > best.length) best = body;
  }
  return best;
}

function* findArticleBodies(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    for (const item of value) yield* findArticleBodies(item);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'articleBody' && typeof item === 'string' && item.trim()) yield item;
      else if (typeof item === 'object') yield* findArticleBodies(item);
    }
  }
}
