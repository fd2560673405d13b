/**
 * What a page says about its article in JSON-LD (schema.org): the most reliable metadata a news page carries,
 * because publishers fill it for search engines. Pages wrap it every way the syntax allows (one object, an array,
 * an @graph, references by @id, several script tags) and often with small syntax slips; we read all of them and
 * pick the node that describes the article.
 */
import { metadataText } from './metadataText.ts';

type JsonObject = Record<string, unknown>;

/** schema.org types of an article, news types first: a page that has both describes the story with the news one. */
const NEWS_ARTICLE_TYPES = new Set([
  'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'askpublicnewsarticle', 'liveblogposting',
]);
const OTHER_ARTICLE_TYPES = new Set([
  'article', 'blogposting', 'socialmediaposting', 'report', 'satiricalarticle', 'scholarlyarticle', 'techarticle',
  'medicalscholarlyarticle', 'discussionforumposting', 'posting', 'webpage', 'itempage', 'creativework',
]);

export interface StructuredImage {
  url: string;
  caption: string | null;
  credit: string | null;
}

export interface StructuredArticle {
  headline: string | null;
  /** schema.org `name`: usually the headline again, sometimes the site's name or (Wikipedia) the topic. */
  name: string | null;
  description: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  image: StructuredImage | null;
  section: string | null;
  url: string | null;
  language: string | null;
  publisher: string | null;
  articleBody: string | null;
  /** Names of the breadcrumb trail, home first ("News", "World", "Europe"). */
  breadcrumbs: string[];
}

/** Every JSON-LD object on the page, flattened out of arrays and @graph wrappers. */
export function readJsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type]')) {
    if (!/^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? '')) continue;
    const data = parseLenient(script.textContent ?? '');
    if (data !== undefined) collect(data, nodes, 0);
  }
  return nodes;
}

/** How deep we follow nesting in one JSON-LD document; real ones are a handful of levels deep. */
const MAX_JSON_LD_DEPTH = 8;

function collect(value: unknown, into: JsonObject[], depth: number): void {
  if (depth > MAX_JSON_LD_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
  } else if (isObject(value)) {
    into.push(value);
    if (value['@graph'] !== undefined) collect(value['@graph'], into, depth + 1);
  }
}

/** JSON.parse that forgives what CMSs get wrong: CDATA or comment wrappers, raw newlines in strings, trailing commas. */
function parseLenient(text: string): unknown {
  const trimmed = text.trim().replace(/^(?:<!\[CDATA\[|<!--)/, '').replace(/(?:\]\]>|-->)$/, '').trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      return JSON.parse(trimmed.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([\]}])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.toLowerCase().replace(/^.*[/:]/, ''));
}

/** The article node: a news type if any, else another article type, preferring one with a headline. */
export function findArticleNode(nodes: readonly JsonObject[]): JsonObject | null {
  const score = (node: JsonObject): number => {
    const types = typesOf(node);
    let value = 0;
    if (types.some((type) => NEWS_ARTICLE_TYPES.has(type))) value = 3;
    else if (types.some((type) => OTHER_ARTICLE_TYPES.has(type) && type !== 'webpage' && type !== 'itempage' && type !== 'creativework')) value = 2;
    else if (types.some((type) => OTHER_ARTICLE_TYPES.has(type))) value = 1;
    if (value > 0 && (typeof node['headline'] === 'string' || typeof node['name'] === 'string')) value += 0.5;
    return value;
  };
  let best: JsonObject | null = null;
  let bestScore = 0;
  for (const node of nodes) {
    const value = score(node);
    if (value > bestScore) {
      best = node;
      bestScore = value;
    }
  }
  return best;
}

/** The page's article as its JSON-LD states it, or null when the page has no article node. */
export function readStructuredArticle(document: Document): StructuredArticle | null {
  const nodes = readJsonLdNodes(document);
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
  const breadcrumbs = readBreadcrumbs(nodes, resolve);
  const article = findArticleNode(nodes);
  if (!article) return breadcrumbs.length > 0 ? { ...EMPTY, breadcrumbs } : null;
  return {
    headline: text(article['headline']) ?? text(article['alternativeHeadline']),
    name: text(article['name']),
    description: text(article['description']),
    authors: names(resolve(article['author']), resolve),
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    dateModified: text(article['dateModified']),
    image: readImage(resolve(article['image']) ?? resolve(article['thumbnailUrl']), resolve),
    section: firstText(article['articleSection']),
    url: text(article['url']) ?? idOf(resolve(article['mainEntityOfPage'])),
    language: languageOf(article['inLanguage']),
    publisher: names(resolve(article['publisher']), resolve)[0] ?? null,
    articleBody: text(article['articleBody']),
    breadcrumbs,
  };
}

const EMPTY: StructuredArticle = {
  headline: null, name: null, description: null, authors: [], datePublished: null, dateModified: null, image: null,
  section: null, url: null, language: null, publisher: null, articleBody: null, breadcrumbs: [],
};

/** A string field as plain text: JSON-LD is not HTML-decoded by the parser, and CMSs put entities in it. */
function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? metadataText(value) : null;
}

function firstText(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = text(item);
      if (found) return found;
    }
    return null;
  }
  return text(value);
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return text(value);
  if (isObject(value)) return text(value['@id']) ?? text(value['url']);
  return null;
}

/** Names of people or organisations given as a string, an object, or an array of either. */
function names(value: unknown, resolve: (value: unknown) => unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const result: string[] = [];
  for (const raw of list) {
    const item = resolve(raw);
    const name = typeof item === 'string' ? text(item) : isObject(item) ? text(item['name']) ?? joinedName(item) : null;
    if (name && !result.includes(name)) result.push(name);
  }
  return result;
}

function joinedName(person: JsonObject): string | null {
  const given = text(person['givenName']);
  const family = text(person['familyName']);
  return given && family ? `${given} ${family}` : null;
}

function languageOf(value: unknown): string | null {
  if (isObject(value)) return text(value['alternateName']) ?? text(value['name']);
  return firstText(value);
}

function readImage(value: unknown, resolve: (value: unknown) => unknown): StructuredImage | null {
  const first = Array.isArray(value) ? resolve(value[0]) : value;
  if (typeof first === 'string') return text(first) ? { url: first.trim(), caption: null, credit: null } : null;
  if (!isObject(first)) return null;
  const url = text(first['url']) ?? text(first['contentUrl']);
  if (!url) return null;
  const credit =
    text(first['creditText']) ?? names(resolve(first['copyrightHolder']), resolve)[0] ?? names(resolve(first['author']), resolve)[0] ?? null;
  return { url, caption: text(first['caption']) ?? text(first['description']), credit };
}

function readBreadcrumbs(nodes: readonly JsonObject[], resolve: (value: unknown) => unknown): string[] {
  const trail = nodes.find((node) => typesOf(node).includes('breadcrumblist'));
  const items = trail?.['itemListElement'];
  if (!Array.isArray(items)) return [];
  const positioned = items
    .map((raw, index) => {
      const item = resolve(raw);
      if (!isObject(item)) return null;
      const inner = resolve(item['item']);
      const name = text(item['name']) ?? (isObject(inner) ? text(inner['name']) : null);
      const position = typeof item['position'] === 'number' ? item['position'] : Number(item['position'] ?? index);
      return name ? { name, position: Number.isFinite(position) ? position : index } : null;
    })
    .filter((item): item is { name: string; position: number } => item !== null);
  return positioned.sort((a, b) => a.position - b.position).map((item) => item.name);
}
