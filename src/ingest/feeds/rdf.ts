/**
 * RSS 1.0 / 0.90 (RDF) → our model. Items sit beside the channel, not inside it, and carry their metadata in
 * Dublin Core: dc:date, dc:creator, dc:subject.
 */
import type { RdfFeed } from 'feedsmith';
import { safeHtml } from './html.ts';
import { categoryNames, firstDate, firstOf, leadImage } from './itemParts.ts';
import type { FeedItem, ParsedFeed } from './model.ts';
import { baseAt, type FeedSkeleton } from './skeleton.ts';
import { languageTag, looseTitleText, plainText } from './text.ts';
import { resolveUrl } from './urls.ts';
import type { XmlElement } from './xmlScan.ts';

type Feed = RdfFeed.Feed<string>;
type Item = RdfFeed.Item<string>;

export function adaptRdf(feed: Feed, skeleton: FeedSkeleton): Omit<ParsedFeed, 'warnings'> {
  const { channel, documentUrl } = skeleton;
  const channelBase = channel?.base ?? documentUrl;
  return {
    format: 'rdf',
    title: firstOf(looseTitleText(feed.title), looseTitleText(feed.dc?.titles?.[0])),
    link: resolveUrl(feed.link ?? feed.rdf?.about, baseAt(channel, 'link', channelBase)),
    language: languageTag(firstOf(feed.dc?.languages?.[0], channel?.lang)),
    items: (feed.items ?? []).map((item) => adaptItem(item, skeleton.item(item.xml?.id), channelBase)),
  };
}

function adaptItem(item: Item, node: XmlElement | null, channelBase: string): FeedItem {
  const itemBase = node?.base ?? channelBase;
  return {
    // rdf:about is the item's identity in RDF; dc:identifier when the publisher names one.
    guid: plainText(firstOf(item.dc?.identifiers?.[0], item.rdf?.about)),
    url: firstOf(resolveUrl(item.link, baseAt(node, 'link', itemBase)), resolveUrl(item.rdf?.about, itemBase)),
    title: firstOf(looseTitleText(item.title), looseTitleText(item.dc?.titles?.[0])),
    summaryHtml: firstOf(
      safeHtml(item.description, baseAt(node, 'description', itemBase)),
      safeHtml(item.dc?.descriptions?.[0], itemBase),
    ),
    contentHtml: safeHtml(item.content?.encoded, baseAt(node, 'encoded', itemBase)),
    author: plainText(item.dc?.creators?.[0]),
    publishedAt: firstDate(item.dc?.dates?.[0], item.dcterms?.issued?.[0], item.atom?.published),
    updatedAt: firstDate(item.dcterms?.modified?.[0], item.atom?.updated),
    imageUrl: leadImage(item.media, undefined, itemBase),
    categories: categoryNames(item.dc?.subjects),
  };
}
