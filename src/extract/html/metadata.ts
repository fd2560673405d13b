/**
 * The article's metadata, from the sources publishers fill most carefully first: JSON-LD, then OpenGraph and
 * article:*, then Twitter cards, Dublin Core and plain <meta name>. Readability's own findings (title heuristics,
 * DOM bylines) come in later, in extractArticle, for what these leave empty.
 */
import { cleanByline, joinNames } from './byline.ts';
import { toIsoUtc } from './dates.ts';
import { readStructuredArticle, type StructuredArticle } from './jsonLd.ts';
import { firstMeta, readPageHead, type PageHead } from './pageHead.ts';
import { metadataText } from './metadataText.ts';
import { resolveUrl } from './sanitize.ts';
import { stripTrackingParams } from './trackingParams.ts';

export interface PageMetadata {
  headline: string | null;
  description: string | null;
  byline: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  siteName: string | null;
  sectionHint: string | null;
  canonicalUrl: string | null;
  image: { url: string; caption: string | null; credit: string | null } | null;
  /** JSON-LD articleBody: the text the publisher states as the body (cleanup rules compare against it). */
  articleBody: string | null;
  baseUrl: URL;
}

/** Readability's order (Dublin Core first), so both agree where a page states several titles. */
const TITLE_KEYS = [
  'dc:title', 'dc.title', 'dcterm:title', 'dcterms.title', 'og:title', 'title', 'twitter:title', 'parsely-title',
  'sailthru.title', 'headline',
];
const DESCRIPTION_KEYS = ['og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.description', 'dc:description'];
/** Readability's order, so both agree where a page states several: Dublin Core before the plain author tag. */
const AUTHOR_KEYS = [
  'dc:creator', 'dc.creator', 'dcterm:creator', 'dcterms.creator', 'author', 'parsely-author', 'article:author',
  'og:article:author', 'sailthru.author', 'byl',
];
const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'og:published_time', 'parsely-pub-date', 'pubdate', 'publishdate',
  'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date',
  'article.published', 'published_time', 'cxenseparse:recs:publishtime',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:article:modified_time', 'datemodified', 'og:updated_time', 'dcterms.modified', 'last-modified', 'article.updated'];
const SECTION_KEYS = ['article:section', 'og:article:section', 'parsely-section', 'section', 'sailthru.section', 'cxenseparse:recs:articlesection', 'category'];
const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site:name'];
const IMAGE_KEYS = ['og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src', 'thumbnailurl'];
const LANGUAGE_KEYS = ['content-language', 'language', 'dc.language', 'og:locale'];

export function readPageMetadata(document: Document, pageUrl: URL): PageMetadata {
  const head = readPageHead(document, pageUrl);
  const structured = readStructuredArticle(document);
  const meta = (keys: readonly string[]): string | null => firstMeta(head, keys);

  return {
    headline: structuredHeadline(structured, document, meta(SITE_NAME_KEYS)) ?? collapse(meta(TITLE_KEYS)),
    description: collapse(structured?.description) ?? collapse(meta(DESCRIPTION_KEYS)),
    byline: readByline(structured, head),
    publishedAt: toIsoUtc(structured?.datePublished) ?? firstDate(head, PUBLISHED_KEYS) ?? toIsoUtc(head.printedTime),
    modifiedAt: toIsoUtc(structured?.dateModified) ?? firstDate(head, MODIFIED_KEYS),
    language: normalizeLanguage(head.htmlLang) ?? normalizeLanguage(structured?.language) ?? normalizeLanguage(meta(LANGUAGE_KEYS)),
    siteName: collapse(meta(SITE_NAME_KEYS)) ?? collapse(structured?.publisher),
    sectionHint: readSection(structured, head),
    canonicalUrl: readCanonical(structured, head),
    image: readImage(structured, head),
    articleBody: structured?.articleBody ?? null,
    baseUrl: head.baseUrl,
  };
}

const collapse = metadataText;

/**
 * JSON-LD's headline, or its name when the two differ and the name is what the page's <title> says: pages put
 * the site's name in `name` (aktualne.cz) or, like Wikipedia, a description in `headline`.
 */
function structuredHeadline(structured: StructuredArticle | null, document: Document, siteName: string | null): string | null {
  const headline = collapse(structured?.headline);
  const name = collapse(structured?.name);
  if (!headline || !name || headline === name) return headline ?? name;
  // The site's own name ("Aktuálně.cz", stated as publisher or opening og:site_name) is never the headline.
  const lowerName = name.toLowerCase();
  if (lowerName === structured?.publisher?.toLowerCase() || siteName?.toLowerCase().startsWith(lowerName)) return headline;
  const title = document.querySelector('title')?.textContent ?? '';
  return titleOverlap(name, title) > titleOverlap(headline, title) ? name : headline;
}

/** Share of a candidate's words that the <title> contains. */
function titleOverlap(candidate: string, title: string): number {
  const words = candidate.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const inTitle = new Set(title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return words.length === 0 ? 0 : words.filter((word) => inTitle.has(word)).length / words.length;
}

function readByline(structured: StructuredArticle | null, head: PageHead): string | null {
  const names = (structured?.authors ?? []).map((name) => cleanByline(name)).filter((name): name is string => name !== null);
  if (names.length > 0) return joinNames(names);
  for (const key of AUTHOR_KEYS) {
    const byline = cleanByline(head.meta.get(key));
    if (byline) return byline;
  }
  return null;
}

function firstDate(head: PageHead, keys: readonly string[]): string | null {
  for (const key of keys) {
    const date = toIsoUtc(head.meta.get(key));
    if (date) return date;
  }
  return null;
}

/** Breadcrumb trails name the site's home first and often the article itself last; neither is a section. */
/** Section names are a few words ("Middle East", "Science & Environment"); longer crumbs are titles. */
const MAX_SECTION_WORDS = 5;
const HOME_CRUMB = /^(?:home|homepage|start|inicio|início|accueil|startseite|главная)$/i;

/** Values CMSs put in section fields that name no section. */
const NOT_A_SECTION = /^(?:post|posts|page|article|articles|story|stories|all|home|homepage|front ?page|main|default|general|uncategori[sz]ed|blog|news)$/i;
const HOST_LIKE = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i;

function usableSection(value: string | null): string | null {
  if (!value || NOT_A_SECTION.test(value) || HOST_LIKE.test(value)) return null;
  return value;
}

function readSection(structured: StructuredArticle | null, head: PageHead): string | null {
  const stated = usableSection(collapse(firstMeta(head, SECTION_KEYS))) ?? usableSection(collapse(structured?.section));
  if (stated) return stated;
  // The crumb nearest the article is the most specific section. Trails often end with the article's own title:
  // a crumb that is the headline, or as long as a headline, is not a section.
  const headline = structured?.headline?.toLowerCase();
  const sections = (structured?.breadcrumbs ?? []).filter(
    (name) => !HOME_CRUMB.test(name) && name.toLowerCase() !== headline && name.split(/\s+/).length <= MAX_SECTION_WORDS,
  ).filter((name) => usableSection(name) !== null);
  return sections[sections.length - 1] ?? null;
}

function absoluteHttp(value: string | null | undefined, base: URL): string | null {
  if (!value) return null;
  const resolved = resolveUrl(value, base);
  if (!resolved || !/^https?:\/\//i.test(resolved)) return null;
  return resolved;
}

function readCanonical(structured: StructuredArticle | null, head: PageHead): string | null {
  const candidates = [head.canonicalHref, head.meta.get('og:url'), structured?.url];
  for (const candidate of candidates) {
    const url = absoluteHttp(candidate, head.baseUrl);
    if (url) return stripTrackingParams(url);
  }
  return null;
}

function readImage(structured: StructuredArticle | null, head: PageHead): PageMetadata['image'] {
  const fromStructured = structured?.image ? absoluteHttp(structured.image.url, head.baseUrl) : null;
  const fromMeta = absoluteHttp(firstMeta(head, IMAGE_KEYS), head.baseUrl) ?? absoluteHttp(head.imageSrcHref, head.baseUrl);
  // OpenGraph's image is the one the publisher chose to represent the story; JSON-LD's carries caption and credit.
  const url = fromMeta ?? fromStructured;
  if (!url) return null;
  const sameImage = structured?.image && fromStructured && sameImageFile(url, fromStructured);
  return {
    url,
    caption: sameImage ? structured.image!.caption : null,
    credit: sameImage ? structured.image!.credit : null,
  };
}

/**
 * Names CMSs give the size variants of one photo, after its own name: "port-1024x768", "13SUDAN-1-master768",
 * "13SUDAN-1-facebookJumbo", "quay-scaled". A name that differs from another only by such a tail is the same photo.
 */
const SIZE_VARIANT =
  /^(?:\d+x\d+|\d+w|w\d+|scaled|thumb(?:nail)?|small|medium|large|x?large|full|master\d*|\w*jumbo|article\w*|popup|square\d*|mobile\w*|video\w*|facebook\w*|twitter\w*|social\w*|og\w*)$/i;

/** Two URLs of one image: CDNs and CMSs serve the same photo under different sizes, names and query strings. */
export function sameImageFile(a: string, b: string): boolean {
  if (a === b) return true;
  const first = imagePath(a);
  const second = imagePath(b);
  if (!first || !second) return false;
  if (first.stem === second.stem) return first.stem !== '';
  // Size variants live in the same folder and share the photo's name up to a separator.
  if (first.folder !== second.folder) return false;
  const [short, long] = first.stem.length <= second.stem.length ? [first.stem, second.stem] : [second.stem, first.stem];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  const cut = common === short.length && /[-_]/.test(long[common] ?? '')
    ? common
    : Math.max(short.lastIndexOf('-', common - 1), short.lastIndexOf('_', common - 1));
  if (cut < MIN_SHARED_NAME_CHARS) return false;
  const tails = [short.slice(cut + 1), long.slice(cut + 1)];
  return tails.every((tail) => tail === '' || SIZE_VARIANT.test(tail));
}

/** A shared name shorter than this ("img-", "photo_") says nothing about two files being one photo. */
const MIN_SHARED_NAME_CHARS = 6;

function imagePath(url: string): { folder: string; stem: string } | null {
  try {
    const path = decodeURIComponent(new URL(url).pathname).toLowerCase();
    const slash = path.lastIndexOf('/');
    const file = path.slice(slash + 1);
    const dot = file.lastIndexOf('.');
    return { folder: path.slice(0, slash), stem: dot > 0 ? file.slice(0, dot) : file };
  } catch {
    return null;
  }
}

/** A BCP 47 tag in its usual case ("en-us", "pt_BR" → "en-US", "pt-BR"), or null when it is not one. */
export function normalizeLanguage(value: string | null | undefined): string | null {
  if (!value) return null;
  const tag = value.trim().split(/[\s,;]/)[0]!.replace(/_/g, '-');
  if (tag === '') return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
