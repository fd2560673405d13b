/**
 * The byline printed on the page, for pages whose metadata names no author. Readability finds it the same way
 * while it walks the page, but our boilerplate rules run first and take byline boxes out of the body (they are
 * not body text), so we read it beforehand, by Readability's rule: the first visible element marked as an author
 * (rel=author, itemprop=author, a byline/author class or id) with a short text, preferring its itemprop=name.
 */

const BYLINE_MARKER = /byline|author|dateline|writtenby|p-author/i;
/** Readability's bound: a byline box with more text is an author bio or a whole article header. */
const MAX_BYLINE_BOX_CHARS = 100;
const NEVER_BYLINE = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'META', 'LINK', 'TITLE', 'FORM', 'LABEL']);
/** Reader comments and their forms carry "author" classes too ("comment-author", "comment-form-author"). */
const COMMENTS = /comment|respond|reply|discussion/i;

/** The printed byline; `notByline` is a selector for elements that look like one but are not (site rules). */
export function readPageByline(document: Document, notByline: string | null = null): string | null {
  const root = document.body;
  if (!root) return null;
  let node: Element | null = root;
  while (node) {
    if (NEVER_BYLINE.has(node.tagName) || !isVisible(node) || isComments(node) || (notByline !== null && node.matches(notByline))) {
      node = nextSkippingChildren(node, root);
      continue;
    }
    if (isBylineBox(node)) {
      const name = node.querySelector('[itemprop*="name"]') ?? node;
      const text = (name.textContent ?? '').trim();
      if (text !== '') return text;
    }
    node = node.firstElementChild ?? nextSkippingChildren(node, root);
  }
  return null;
}

/** <body> is not looked at: themes put "comments-open" on it for every post. */
function isComments(element: Element): boolean {
  if (element.tagName === 'BODY') return false;
  return COMMENTS.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
}

function isBylineBox(element: Element): boolean {
  const rel = element.getAttribute('rel');
  const itemprop = element.getAttribute('itemprop');
  const marked =
    rel === 'author' ||
    (itemprop !== null && itemprop.includes('author')) ||
    BYLINE_MARKER.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
  if (!marked) return false;
  const length = (element.textContent ?? '').trim().length;
  return length > 0 && length < MAX_BYLINE_BOX_CHARS;
}

/** Readability's visibility test: inline display:none / visibility:hidden, [hidden], aria-hidden, modal dialogs. */
function isVisible(element: Element): boolean {
  const style = element.getAttribute('style') ?? '';
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || element.hasAttribute('hidden')) return false;
  if (element.getAttribute('aria-hidden') === 'true' && !(element.getAttribute('class') ?? '').includes('fallback-image')) return false;
  return !(element.getAttribute('aria-modal') === 'true' && element.getAttribute('role') === 'dialog');
}

function nextSkippingChildren(element: Element, root: Element): Element | null {
  let node: Element | null = element;
  while (node && node !== root) {
    if (node.nextElementSibling) return node.nextElementSibling;
    node = node.parentElement;
  }
  return null;
}
