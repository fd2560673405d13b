/**
 * Atom 1.0 and 0.3 (feedsmith's AtomFeed; it already maps 0.3's issued/modified/tagline to 1.0 names) → our
 * model. Atom says what each text is: type="text" is plain text, "html" is escaped HTML, "xhtml" is inline
 * markup; 0.3 adds mode="base64", which feedsmith leaves encoded.
 */
import type { AtomFeed } from 'feedsmith';
import { safeHtml } from './html.ts';
import { categoryNames, firstDate, firstOf, leadImage } from './itemParts.ts';
import type { FeedItem, ParsedFeed } from './model.ts';
import { alternateLink } from './rss.ts';
import { baseAt, childAttribute, type FeedSkeleton } from './skeleton.ts';
import { htmlToText, languageTag, looseTitleText, plainText, textToHtml } from './text.ts';
import { resolveUrl } from './urls.ts';
import { childrenNamed, type XmlElement } from './xmlScan.ts';

type Feed = AtomFeed.Feed<string>;
type Entry = AtomFeed.Entry<string>;
type Text = { value?: string; type?: string; src?: string };

export function adaptAtom(feed: Feed, skeleton: FeedSkeleton): Omit<ParsedFeed, 'warnings'> {
  const { channel, documentUrl } = skeleton;
  const feedBase = channel?.base ?? documentUrl;
  const feedAuthor = personName(feed.authors);
  return {
    format: 'atom',
    title: titleText(feed.title, channel),
    link: linkUrl(feed.links, channel, feedBase),
    language: languageTag(firstOf(feed.dc?.languages?.[0], channel?.lang)),
    items: (feed.entries ?? []).map((entry) => adaptEntry(entry, skeleton.item(entry.xml?.id), feedBase, feedAuthor)),
  };
}

function adaptEntry(entry: Entry, node: XmlElement | null, feedBase: string, feedAuthor: string | null): FeedItem {
  const entryBase = node?.base ?? feedBase;
  const enclosures = (entry.links ?? [])
    .filter((link) => link.rel === 'enclosure')
    .map((link) => ({ url: link.href, type: link.type }));
  return {
    guid: plainText(entry.id),
    url: linkUrl(entry.links, node, entryBase),
    title: titleText(entry.title, node),
    summaryHtml: textHtml(entry.summary, node, 'summary', entryBase),
    // Content by reference (src=) is a link to elsewhere, not a body we can show.
    contentHtml: entry.content?.src ? null : textHtml(entry.content, node, 'content', entryBase),
    // An entry without an author has the feed's (RFC 4287, 4.2.1).
    author: firstOf(personName(entry.authors), plainText(entry.dc?.creators?.[0]), feedAuthor),
    publishedAt: firstDate(entry.published, entry.dc?.dates?.[0], entry.dcterms?.issued?.[0]),
    updatedAt: firstDate(entry.updated, entry.dcterms?.modified?.[0]),
    imageUrl: leadImage(entry.media, enclosures, entryBase),
    categories: categoryNames(
      entry.categories?.map((category) => category.label ?? category.term),
      entry.dc?.subjects,
    ),
  };
}

type TextKind = 'text' | 'html' | 'xhtml' | 'binary';

/** Atom 1.0 names, and the MIME types Atom 0.3 used for the same three kinds. */
function textKind(type: string | undefined): TextKind {
  const t = type?.trim().toLowerCase();
  if (!t || t === 'text' || t === 'text/plain') return 'text';
  if (t === 'html' || t === 'text/html') return 'html';
  if (t === 'xhtml' || t === 'application/xhtml+xml') return 'xhtml';
  return t.startsWith('text/') ? 'text' : 'binary';
}

/** The value as written, base64 decoded when Atom 0.3 says mode="base64" or Atom 1.0 a binary type. */
function rawValue(text: Text | undefined, node: XmlElement | null, local: string): string | null {
  if (!text?.value) return null;
  const base64 = childAttribute(node, local, 'mode')?.toLowerCase() === 'base64' || textKind(text.type) === 'binary';
  return base64 ? Buffer.from(text.value, 'base64').toString('utf8') : text.value;
}

function titleText(title: Text | undefined, node: XmlElement | null): string | null {
  const value = rawValue(title, node, 'title');
  switch (textKind(title?.type)) {
    case 'text':
      return plainText(value);
    case 'binary':
      // A title has to be words whatever its type says; read it as a title of unknown kind.
      return looseTitleText(value);
    default:
      return htmlToText(value);
  }
}

function textHtml(text: Text | undefined, node: XmlElement | null, local: string, fallbackBase: string): string | null {
  const value = rawValue(text, node, local);
  const base = baseAt(node, local, fallbackBase);
  switch (textKind(text?.type)) {
    case 'text':
      return safeHtml(textToHtml(value), base);
    case 'html':
    case 'xhtml':
      return safeHtml(value, base);
    case 'binary':
      return null;
  }
}

function linkUrl(links: Entry['links'], node: XmlElement | null, fallbackBase: string): string | null {
  const href = alternateLink(links);
  if (!href) return null;
  // The link element that carried this href decides the base (each <link> may have its own xml:base).
  const element = childrenNamed(node, 'link').find((link) => (link.attrs.href ?? '').trim() === href);
  return resolveUrl(href, element?.base ?? node?.base ?? fallbackBase);
}

function personName(people: Entry['authors']): string | null {
  for (const person of people ?? []) {
    const name = plainText(person.name ?? person.email);
    if (name) return name;
  }
  return null;
}
