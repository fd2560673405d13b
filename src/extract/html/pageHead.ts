/**
 * The page's own description of itself outside JSON-LD: <meta> tags (OpenGraph, Twitter cards, Dublin Core,
 * Parse.ly, plain name=…), <link rel=canonical>, <html lang> and <base href>. Read before Readability runs,
 * because Readability rewrites the document as it works.
 */

export interface PageHead {
  /** First value per key; keys are lower-cased `property`, `name` or `itemprop` tokens ("og:title", "author"). */
  meta: ReadonlyMap<string, string>;
  canonicalHref: string | null;
  imageSrcHref: string | null;
  htmlLang: string | null;
  /** The datetime of the first <time> the page marks as the publication time (by its place or its classes). */
  printedTime: string | null;
  /** The URL relative links resolve against: <base href> resolved against the page URL, else the page URL. */
  baseUrl: URL;
}

export function readPageHead(document: Document, pageUrl: URL): PageHead {
  const meta = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const content = element.getAttribute('content') ?? element.getAttribute('value');
    if (content === null || content.trim() === '') continue;
    const keys = [element.getAttribute('property'), element.getAttribute('name'), element.getAttribute('itemprop')];
    for (const key of keys) {
      if (!key) continue;
      // RDFa lets one tag carry several properties: property="og:title twitter:title".
      for (const token of key.toLowerCase().split(/\s+/)) {
        if (token && !meta.has(token)) meta.set(token, content.trim());
      }
    }
  }
  // Microdata dates sit on <time> elements as often as on <meta>.
  for (const element of document.querySelectorAll('time[itemprop][datetime]')) {
    const key = element.getAttribute('itemprop')!.toLowerCase();
    if (!meta.has(key)) meta.set(key, element.getAttribute('datetime')!.trim());
  }
  let canonicalHref: string | null = null;
  let imageSrcHref: string | null = null;
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = link.getAttribute('rel')!.toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) canonicalHref ??= link.getAttribute('href');
    if (rel.includes('image_src')) imageSrcHref ??= link.getAttribute('href');
  }
  const lang = document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang') ?? null;
  return {
    meta,
    canonicalHref,
    imageSrcHref,
    htmlLang: lang?.trim() || null,
    printedTime: readPrintedTime(document),
    baseUrl: documentBase(document, pageUrl),
  };
}

/** Classes around a <time> that say it dates the article, not the page or a comment ("published", "dateline"). */
const PUBLICATION_TIME = /publish|posted|dateline|date|byline|article-meta|entry-meta/i;
/** How far up from the <time> those classes may sit. */
const MAX_TIME_MARKER_STEPS = 3;

/**
 * Reader comments are dated too: a time inside them dates the comment. (<body> is not looked at: themes put
 * "comments-open" on it for every post.)
 */
function inComments(element: Element): boolean {
  for (let node: Element | null = element; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (/comment/i.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

function readPrintedTime(document: Document): string | null {
  for (const time of document.querySelectorAll('time[datetime]')) {
    if (inComments(time)) continue;
    let node: Element | null = time;
    for (let step = 0; node && step <= MAX_TIME_MARKER_STEPS; step++, node = node.parentElement) {
      if (PUBLICATION_TIME.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('itemprop') ?? ''}`) || time.hasAttribute('pubdate')) {
        return time.getAttribute('datetime')!.trim();
      }
    }
  }
  return null;
}

function documentBase(document: Document, pageUrl: URL): URL {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    const base = new URL(href, pageUrl);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base : pageUrl;
  } catch {
    return pageUrl;
  }
}

/** The first non-empty value among the keys, in the order given. */
export function firstMeta(head: PageHead, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = head.meta.get(key);
    if (value) return value;
  }
  return null;
}
