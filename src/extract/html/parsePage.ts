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

/** Moves nodes that sit directly under <html>, outside <head> and <body>, into the body where they belong. */
function gatherIntoBody(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  const strays = [...root.childNodes].filter((node) => node.nodeName !== 'HEAD' && node.nodeName !== 'BODY');
  if (strays.length === 0) return;
  const body = document.body ?? root.appendChild(document.createElement('body'));
  let seenBody = false;
  const before: Node[] = [];
  for (const node of root.childNodes) {
    if (node === body) seenBody = true;
    else if (strays.includes(node as ChildNode) && !seenBody) before.push(node);
  }
  const first = body.firstChild;
  for (const node of before) body.insertBefore(node, first);
  for (const node of strays) if (!before.includes(node)) body.appendChild(node);
}
