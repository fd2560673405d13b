/** Small HTML fixtures for the cleanup rules' tests: a page parsed the way the extractor parses one. */
import { parseHTML } from 'linkedom';

export const PAGE_URL = new URL('https://news.example.com/2019/11/19/story.html');

export function pageOf(bodyHtml: string): Document {
  return parseHTML(`<!DOCTYPE html><html><head><title>t</title></head><body>${bodyHtml}</body></html>`)
    .document as unknown as Document;
}

/** The element Readability hands back: a <div> holding the article's HTML. */
export function contentOf(html: string): Element {
  const content = pageOf(`<div id="content">${html}</div>`).getElementById('content');
  if (!content) throw new Error('fixture has no content element');
  return content;
}

/** The text of each block left, so a test reads as the lines a reader would see. */
export function linesOf(root: Element | Document): string[] {
  const element = 'body' in root ? root.body : root;
  return [...element.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, figcaption, span.line, div.line')]
    .map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** A paragraph of plain prose of about `length` characters. */
export function prose(length: number, words = 'The council voted on the budget after a long debate about schools'): string {
  let text = '';
  while (text.length < length) text += (text ? ' ' : '') + words + '.';
  return text;
}
