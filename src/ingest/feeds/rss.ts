/**
 * RSS 0.9x / 2.0 (feedsmith's RssFeed) → our model. RSS leaves much to extensions: dc:creator for bylines,
 * content:encoded for full text, media:content for pictures, atom:link when <link> is missing. Where the core
 * element is absent we fall back, in order, on the extensions publishers use for it (Media RSS, iTunes).
 */
import type { RssFeed } from 'feedsmith';
import { safeHtml } from './html.ts';
import { categoryNames, firstDate, firstOf, leadImage } from './itemParts.ts';
import type { FeedItem, ParsedFeed } from './model.ts';
import { baseAt, childText, type FeedSkeleton } from './skeleton.ts';
import { languageTag, looseTitleText, plainText, textToHtml, xmlCharacterData } from './text.ts';
import { resolveUrl } from './urls.ts';
import { childrenNamed, type XmlElement } from './xmlScan.ts';

type Feed = RssFeed.Feed<string>;
type Item = RssFeed.Item<string>;

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

export function adaptRss(feed: Feed, skeleton: FeedSkeleton): Omit<ParsedFeed, 'warnings'> {
  const { channel, documentUrl } = skeleton;
  const channelBase = channel?.base ?? documentUrl;
  return {
    format: 'rss',
    title: looseTitleText(feed.title) ?? looseTitleText(feed.dc?.titles?.[0]),
    link: firstOf(
      resolveUrl(feed.link, baseAt(channel, 'link', channelBase)),
      resolveUrl(alternateLink(feed.atom?.links), channelBase),
    ),
    language: languageTag(firstOf(feed.language, feed.dc?.languages?.[0], channel?.lang)),
    items: (feed.items ?? []).map((item) => adaptItem(item, skeleton.item(item.xml?.id), channelBase, skeleton)),
  };
}

function adaptItem(item: Item, node: XmlElement | null, channelBase: string, skeleton: FeedSkeleton): FeedItem {
  const itemBase = node?.base ?? channelBase;
  const guid = plainText(item.guid?.value);
  return {
    guid,
    url: firstOf(
      resolveUrl(item.link, baseAt(node, 'link', itemBase)),
      resolveUrl(alternateLink(item.atom?.links), itemBase),
      // A guid is the permalink unless it says otherwise (RSS 2.0: isPermaLink defaults to true).
      item.guid?.isPermaLink !== false && guid && /^https?:\/\//i.test(guid) ? resolveUrl(guid, itemBase) : null,
    ),
    title: firstOf(
      looseTitleText(item.title),
      looseTitleText(item.dc?.titles?.[0]),
      looseTitleText(item.media?.title?.value),
      looseTitleText(item.itunes?.title),
    ),
    summaryHtml: firstOf(
      safeHtml(item.description, baseAt(node, 'description', itemBase)),
      safeHtml(item.dc?.descriptions?.[0], itemBase),
      safeHtml(mediaText(item.media?.description), itemBase),
      safeHtml(textToHtml(item.itunes?.summary), itemBase),
    ),
    contentHtml: firstOf(
      safeHtml(item.content?.encoded, baseAt(node, 'encoded', itemBase)),
      bodyHtml(node, skeleton, itemBase),
    ),
    author: firstOf(
      ...(item.authors ?? []).map((person) => plainText(person.name ?? person.email)),
      plainText(item.dc?.creators?.[0]),
      plainText(item.atom?.authors?.[0]?.name),
      plainText(item.itunes?.author),
      // dc:author is not Dublin Core, but publishers write it for dc:creator.
      plainText(childText(skeleton, node, 'author', DC_NS)),
    ),
    publishedAt: firstDate(item.pubDate, item.dc?.dates?.[0], item.dcterms?.issued?.[0], item.atom?.published),
    updatedAt: firstDate(item.dcterms?.modified?.[0], item.atom?.updated, item.dc?.dates?.[0]),
    imageUrl: leadImage(item.media, item.enclosures, itemBase),
    categories: categoryNames(
      item.categories?.map((category) => category.name),
      item.dc?.subjects,
      item.media?.categories?.map((category) => category.label ?? category.name),
    ),
  };
}

/** Media RSS text is plain unless it says type="html". */
function mediaText(text: { value?: string; type?: string } | undefined): string | null {
  if (!text?.value) return null;
  return text.type === 'html' ? text.value : textToHtml(text.value);
}

/**
 * Two older ways to carry a full body that feedsmith does not read: an inline <xhtml:body> (or a <body> with no
 * namespace, as some publishers write it) and Netscape's escaped <fullitem>.
 */
function bodyHtml(node: XmlElement | null, skeleton: FeedSkeleton, itemBase: string): string | null {
  const body = childrenNamed(node, 'body').find((element) => element.ns === XHTML_NS || element.ns === null);
  if (body) return safeHtml(skeleton.innerXml(body), body.base);
  const fullitem = childrenNamed(node, 'fullitem')[0];
  const escaped = skeleton.innerXml(fullitem);
  return escaped === null ? null : safeHtml(xmlCharacterData(escaped), fullitem?.base ?? itemBase);
}

/** The rel="alternate" (or rel-less) link of an atom:link list: the human-readable page. */
export function alternateLink(links: readonly { href?: string; rel?: string; type?: string }[] | undefined): string | null {
  if (!links) return null;
  const alternates = links.filter((link) => link.href && (link.rel === undefined || link.rel === 'alternate'));
  const html = alternates.find((link) => link.type === undefined || /html/i.test(link.type));
  return (html ?? alternates[0])?.href ?? null;
}
