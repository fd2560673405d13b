/**
 * Our ParsedFeed seen through feedparser's names, so the `Expect:` lines of its test suite can be evaluated
 * against our parse: `feed['title']`, `entries[0]['link']`, `entries[0]['content'][0]['value']`,
 * `entries[0]['published_parsed']` (a 9-tuple), `bozo`, `encoding`.
 *
 * Fields our model does not carry (subtitle, enclosures, iTunes, `*_detail`, …) throw NotModelled. Four kinds of
 * value compare the way our model means them rather than byte for byte: HTML as markup (htmlCompare.ts), URLs
 * after WHATWG normalisation, titles as plain text (against the text feedparser's markup shows), and authors by
 * name (feedparser appends the email). `summary` falls back to the content, as feedparser's does.
 */
import type { ParsedFeed, FeedItem } from '../model.ts';
import { collapseWhitespace, htmlToText } from '../text.ts';
import { sameHtml, visibleText } from './htmlCompare.ts';
import { NotModelled, PyError, tokenize, type PyComparable, type PyMapping, type PyValue, type Scope } from './pythonExpr.ts';

export interface ProjectionInput {
  /** Our parse, or null when parseFeed threw a FeedError. */
  feed: ParsedFeed | null;
  encoding: string | null;
}

class HtmlValue implements PyComparable {
  constructor(readonly html: string) {}
  /**
   * The same markup, or, when feedparser's value is plain text (a type="text" summary), our escaped rendering
   * of exactly that text.
   */
  pyEquals(other: PyValue): boolean {
    if (other instanceof HtmlValue) return sameHtml(this.html, other.html);
    if (typeof other !== 'string') return false;
    return sameHtml(this.html, other) || visibleText(this.html).trim() === other.trim();
  }
  pyTruthy(): boolean {
    return this.html !== '';
  }
}

class UrlValue implements PyComparable {
  constructor(readonly url: string) {}
  pyEquals(other: PyValue): boolean {
    if (other instanceof UrlValue) return other.url === this.url;
    if (typeof other !== 'string') return false;
    if (other === this.url) return true;
    try {
      return new URL(other).href === this.url;
    } catch {
      return false;
    }
  }
  pyTruthy(): boolean {
    return true;
  }
}

/** Markup in feedparser's expected title. */
const MARKUP = /<[A-Za-z/!]/;
const ENTITY = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);/;

/**
 * feedparser's `author` joins name and email ("Jane Doe (jane@example.com)"); ours is the byline alone, so the
 * email part of theirs is not compared.
 */
class AuthorValue implements PyComparable {
  constructor(readonly name: string) {}
  pyEquals(other: PyValue): boolean {
    if (typeof other !== 'string') return other instanceof AuthorValue && other.name === this.name;
    const withoutEmail = other
      .replace(/^\s*\S+@\S+\s*\((.*)\)\s*$/, '$1')
      .replace(/\s*\(\s*\S+@\S+\s*\)\s*$/, '')
      .trim();
    return other === this.name || withoutEmail === this.name;
  }
  pyTruthy(): boolean {
    return this.name !== '';
  }
}

class TitleValue implements PyComparable {
  constructor(readonly text: string) {}
  pyEquals(other: PyValue): boolean {
    if (other instanceof TitleValue) return other.text === this.text;
    if (other instanceof HtmlValue || typeof other !== 'string') return false;
    // feedparser hands back an HTML title as markup ("<b>Bold</b>", "&lt;blink&gt;"); ours is the text that
    // markup shows, so that is what is compared (the links inside such a title are not ours to keep).
    if ((MARKUP.test(other) || ENTITY.test(other)) && (htmlToText(other) ?? '') === this.text) return true;
    return collapseWhitespace(other) === this.text;
  }
  pyTruthy(): boolean {
    return this.text !== '';
  }
}

/** A dict of the keys we model; any other key is NotModelled, a modelled key with no value is a KeyError. */
class ProjectedDict implements PyMapping {
  constructor(
    readonly name: string,
    readonly fields: Record<string, PyValue | undefined>,
  ) {}
  pyGet(key: string): PyValue {
    if (!(key in this.fields)) throw new NotModelled(`${this.name}['${key}']`);
    const value = this.fields[key];
    if (value === undefined || value === null) throw new PyError(`KeyError: ${this.name}['${key}']`);
    return value;
  }
  pyHas(key: string): boolean {
    if (!(key in this.fields)) throw new NotModelled(`${this.name}['${key}']`);
    const value = this.fields[key];
    return value !== undefined && value !== null;
  }
}

/** Mon=0 … Sun=6 and day of the year, as time.struct_time has them. */
export function structTime(iso: string | null): PyValue[] | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((date.getTime() - yearStart) / 86_400_000) + 1;
  return [
    date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(),
    date.getUTCSeconds(), (date.getUTCDay() + 6) % 7, dayOfYear, 0,
  ];
}

const opt = <T, V>(value: T | null, wrap: (v: T) => V): V | undefined => (value === null ? undefined : wrap(value));

function projectItem(item: FeedItem, index: number): ProjectedDict {
  // feedparser's summary falls back to the first content when an entry has no summary of its own.
  const summary = opt(item.summaryHtml ?? item.contentHtml, (html) => new HtmlValue(html));
  const published = structTime(item.publishedAt);
  const updated = structTime(item.updatedAt);
  const tags = item.categories.map(
    (term, k) => new ProjectedDict(`entries[${index}]['tags'][${k}]`, { term: new TitleValue(term) }),
  );
  return new ProjectedDict(`entries[${index}]`, {
    id: item.guid ?? undefined,
    guid: item.guid ?? undefined,
    link: opt(item.url, (url) => new UrlValue(url)),
    title: opt(item.title, (title) => new TitleValue(title)),
    summary,
    description: summary,
    content: opt(item.contentHtml, (html) => [
      new ProjectedDict(`entries[${index}]['content'][0]`, { value: new HtmlValue(html) }),
    ]),
    author: opt(item.author, (name) => new AuthorValue(name)),
    published_parsed: published,
    issued_parsed: published,
    updated_parsed: updated,
    modified_parsed: updated,
    tags: tags.length > 0 ? tags : undefined,
    category: opt(item.categories[0] ?? null, (term) => new TitleValue(term)),
  });
}

const TOP_LEVEL_NAMES = new Set(['bozo', 'encoding', 'feed', 'entries', 'len', 'None', 'True', 'False', 'and', 'or', 'not', 'in', 'is']);
const MODELLED_KEYS = new Set([
  'title', 'link', 'language', 'id', 'guid', 'summary', 'description', 'content', 'value', 'author',
  'published_parsed', 'issued_parsed', 'updated_parsed', 'modified_parsed', 'tags', 'term', 'category', 'get',
]);

/**
 * The first name in `expect` that our projection does not model (a key such as 'subtitle', an attribute such
 * as .psc_chapters, a top-level name such as version), or null when it names only modelled fields.
 */
export function firstUnmodelledName(expect: string): string | null {
  const tokens = tokenize(expect);
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (token.kind === 'str' && before?.kind === 'op' && before.value === '[' && after?.kind === 'op' && after.value === ']') {
      if (!MODELLED_KEYS.has(token.value)) return token.value;
    } else if (token.kind === 'name') {
      const isAttribute = before?.kind === 'op' && before.value === '.';
      if (isAttribute ? !MODELLED_KEYS.has(token.value) : !TOP_LEVEL_NAMES.has(token.value)) return token.value;
    }
  }
  return null;
}

export function projectionScope(input: ProjectionInput): Scope {
  const { feed } = input;
  const bozo = feed === null || feed.warnings.length > 0;
  const feedDict = new ProjectedDict('feed', {
    title: opt(feed?.title ?? null, (title) => new TitleValue(title)),
    link: opt(feed?.link ?? null, (url) => new UrlValue(url)),
    language: feed?.language ?? undefined,
  });
  const entries = (feed?.items ?? []).map(projectItem);
  return (name: string): PyValue => {
    switch (name) {
      case 'bozo':
        return bozo;
      case 'encoding':
        if (input.encoding === null) throw new PyError('KeyError: encoding');
        return input.encoding;
      case 'feed':
        return feedDict;
      case 'entries':
        return entries;
      case 'len':
        return (value: PyValue) => {
          if (Array.isArray(value) || typeof value === 'string') return value.length;
          throw new NotModelled('len() of a mapping');
        };
      default:
        // version, headers, etag, modified, href, namespaces, bozo_exception, ord, isinstance, locals, feedparser …
        throw new NotModelled(name);
    }
  };
}
