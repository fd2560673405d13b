/**
 * Page HTML → a linkedom document shaped like a browser's: <html> with a <head> and a <body> holding the page.
 * linkedom builds the tree exactly as written, so a fragment ("<p>…</p>") or a page without <html> or <body>
 * tags gets a documentElement that is not <html>, or content outside <body> where Readability never looks.
 */
import { parseHTML } from 'linkedom';

const DOCTYPE = /^\s*<!doctype[^>]*>/i;
const BODY_TAG = /<body[\s>]/i;

export function parsePage(html: string): Document {
  let document = parseHTML(html).document as unknown as Document;
  if (document.documentElement?.tagName !== 'HTML') {
    const inner = html.replace(DOCTYPE, '');
    const wrapped = BODY_TAG.test(inner)
      ? `<!DOCTYPE html><html>${inner}</html>`
      : `<!DOCTYPE html><html><head></head><body>${inner}</body></html>`;
    document = parseHTML(wrapped).document as unknown as Document;
  }
  gatherIntoBody(document);
  return document;
}

/**
 * Gives <html> exactly a <head> then a <body>, and moves nodes that sit directly under <html> (a <div> before
 * <head>, text after </body>) into the body where a browser puts them. linkedom's `head` and `body` getters look
 * only at the first element children, and create fresh empty ones when the page's are elsewhere: Readability
 * would then read an empty body.
 */
function gatherIntoBody(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  const children = [...root.children];
  const head = children.find((child) => child.tagName === 'HEAD') ?? document.createElement('head');
  const body = children.find((child) => child.tagName === 'BODY') ?? document.createElement('body');
  if (root.firstElementChild === head && head.nextElementSibling === body && root.children.length === 2) return;
  const before: Node[] = [];
  const after: Node[] = [];
  let seenBody = false;
  for (const node of [...root.childNodes]) {
    if (node === body) seenBody = true;
    else if (node !== head) (seenBody ? after : before).push(node);
  }
  root.insertBefore(head, root.firstChild);
  root.insertBefore(body, head.nextSibling);
  const first = body.firstChild;
  for (const node of before) body.insertBefore(node, first);
  for (const node of after) body.appendChild(node);
}
