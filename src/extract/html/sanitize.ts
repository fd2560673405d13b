/**
 * Article and feed-item HTML, made safe to store and serve: an allowlist of the tags an article body needs
 * (text, headings, lists, quotes, tables, figures, links) and nothing that runs, styles, submits or frames
 * outside a few video hosts. Every URL is made absolute against the page and stripped of tracking parameters,
 * because the HTML is shown far from the page it came from.
 */
import sanitizeHtml from 'sanitize-html';
import { stripTrackingParams } from './trackingParams.ts';

const ALLOWED_TAGS: readonly string[] = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'figure', 'figcaption', 'blockquote', 'q', 'cite',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small',
  'mark', 'code', 'pre', 'kbd', 'samp', 'var', 'abbr', 'time', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'div', 'span', 'iframe',
];

/**
 * Tags whose content is not article text (code, styles, form controls, embedded documents, vector drawings):
 * when the tag goes, its content goes with it rather than spilling out as loose text.
 */
const DROPPED_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'textarea', 'option', 'select', 'button', 'form', 'xmp', 'noscript', 'template', 'svg',
  'math', 'title', 'head', 'object', 'embed', 'applet', 'noembed', 'noframes', 'frameset', 'frame', 'plaintext',
  'video', 'audio', 'canvas', 'map', 'dialog',
];

/** Hosts whose players we embed: the big video services, which serve embeds built to be framed. */
export const ALLOWED_IFRAME_HOSTS: ReadonlySet<string> = new Set([
  'www.youtube.com', 'www.youtube-nocookie.com', 'youtube.com', 'player.vimeo.com', 'www.dailymotion.com',
  'geo.dailymotion.com', 'w.soundcloud.com', 'open.spotify.com', 'embed.ted.com',
]);

/** The sandbox every embed runs in: its own scripts, but no navigation of our page, no pop-ups, no forms. */
const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation';

/**
 * Inline images a page may carry as data: URLs. Raster formats only: an SVG or HTML data: URL can hold script.
 */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;

/** Real article bodies nest a few dozen levels; tags deeper than this are flattened (their text is kept). */
const MAX_NESTING = 100;

export interface SanitizeOptions {
  /** The page (or feed item) URL that relative links resolve against; null leaves relative links as they are. */
  baseUrl: string | null;
}

/** Sanitized HTML for any input; never throws (a non-string or unusable input gives ''). */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions): string {
  if (typeof html !== 'string' || html === '') return '';
  const base = parseBase(options.baseUrl);
  return sanitizeHtml(html, {
    allowedTags: [...ALLOWED_TAGS],
    nonTextTags: [...DROPPED_WITH_CONTENT],
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'sandbox', 'loading'],
      blockquote: ['cite'],
      q: ['cite'],
      time: ['datetime'],
      abbr: ['title'],
      ol: ['start', 'reversed'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      '*': ['lang', 'dir'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'], iframe: ['https'] },
    allowProtocolRelative: false,
    nestingLimit: MAX_NESTING,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'href', base, true) }),
      blockquote: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'cite', base, false) }),
      q: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'cite', base, false) }),
      img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs, base) }),
      iframe: (tagName, attribs) => ({ tagName, attribs: embedAttributes(attribs, base) }),
    },
    // An image or embed whose source was refused is an empty box: drop it.
    exclusiveFilter: (frame) => (frame.tag === 'img' || frame.tag === 'iframe') && !frame.attribs['src'],
  });
}

function parseBase(baseUrl: string | null): URL | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl);
  } catch {
    return null;
  }
}

/**
 * The attribute resolved against the base (scheme checks then see the real scheme: "java\tscript:" resolves to
 * "javascript:" and is refused). An unparseable URL is dropped rather than passed on for a browser to guess at.
 */
function withUrl(attribs: sanitizeHtml.Attributes, name: string, base: URL | null, stripTracking: boolean): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined) return attribs;
  const resolved = resolveUrl(value, base);
  const result = { ...attribs };
  if (resolved === null) delete result[name];
  else result[name] = stripTracking ? stripTrackingParams(resolved) : resolved;
  return result;
}

/** An absolute URL for the value, the value itself when there is no base to resolve against, or null. */
export function resolveUrl(value: string, base: URL | null): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (base === null) {
    // Without a base only absolute URLs can be checked; relative ones stay relative (and are harmless).
    try {
      return new URL(trimmed).href;
    } catch {
      return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? null : trimmed;
    }
  }
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

function imageAttributes(attribs: sanitizeHtml.Attributes, base: URL | null): sanitizeHtml.Attributes {
  const src = attribs['src']?.trim() ?? '';
  if (src.toLowerCase().startsWith('data:')) {
    const result = { ...attribs };
    if (!SAFE_DATA_IMAGE.test(src)) delete result['src'];
    return result;
  }
  return withUrl(attribs, 'src', base, false);
}

function embedAttributes(attribs: sanitizeHtml.Attributes, base: URL | null): sanitizeHtml.Attributes {
  const src = attribs['src'] === undefined ? null : resolveUrl(attribs['src'], base);
  const result: sanitizeHtml.Attributes = {};
  let host: URL | null = null;
  try {
    host = src === null ? null : new URL(src);
  } catch {
    host = null;
  }
  if (host === null || host.protocol !== 'https:' || !ALLOWED_IFRAME_HOSTS.has(host.hostname)) return result;
  result['src'] = host.href;
  for (const name of ['width', 'height', 'title', 'allowfullscreen']) {
    const value = attribs[name];
    if (value !== undefined) result[name] = value;
  }
  result['sandbox'] = IFRAME_SANDBOX;
  result['loading'] = 'lazy';
  return result;
}
