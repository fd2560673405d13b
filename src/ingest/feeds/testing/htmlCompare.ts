/**
 * Two HTML fragments "say the same": the same elements, attributes and text once both are parsed, whatever the
 * serialisation (`<br />` vs `<br>`, `&#x2019;` vs `’`, attribute order, quoting, whitespace runs, URL escaping).
 */
import { parseHTML } from 'linkedom';

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'poster', 'action']);

export function sameHtml(a: string, b: string): boolean {
  return a === b || canonicalHtml(a) === canonicalHtml(b);
}

/**
 * Canonical markup. A lone attribute-less <div> around everything is dropped: it is how Atom wraps inline XHTML,
 * and whether a reader keeps the wrapper changes nothing on the page.
 */
export function canonicalHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const canonical = serialize(document.body).replace(/\s+/g, ' ').trim();
  const wrapped = /^<div>(.*)<\/div>$/s.exec(canonical);
  return wrapped && !/<\/?div[ >]/.test(wrapped[1]!) ? wrapped[1]!.trim() : canonical;
}

/** The text a reader sees in `html`, exactly (no whitespace folding). */
export function visibleText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return document.body.textContent ?? '';
}

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

function serialize(node: NodeLike): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out += (child.textContent ?? '').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    } else if (child.nodeType === 1) {
      const name = child.nodeName.toLowerCase();
      const attributes = Array.from(child.attributes ?? [])
        .map(({ name: attr, value }) => `${attr.toLowerCase()}="${normalizeAttribute(attr.toLowerCase(), value)}"`)
        .sort();
      out += `<${[name, ...attributes].join(' ')}>${serialize(child)}</${name}>`;
    }
  }
  return out;
}

function normalizeAttribute(name: string, value: string): string {
  let normalized = value.trim();
  if (URL_ATTRIBUTES.has(name)) {
    try {
      normalized = new URL(normalized).href;
    } catch {
      // A relative or malformed URL compares as written.
    }
  }
  return normalized.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
