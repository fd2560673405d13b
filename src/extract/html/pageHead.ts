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
  return { meta, canonicalHref, imageSrcHref, htmlLang: lang?.trim() || null, baseUrl: documentBase(document, pageUrl) };
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
