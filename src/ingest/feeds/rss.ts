/**
 * RSS 0.9x / 2.0 (feedsmith's RssFeed) → our model. RSS leaves much to extensions: dc:creator for bylines,
 * content:encoded for full text, media:content for pictures, atom:link when <link> is missing.
 */
import type { RssFeed } from 'feedsmith';
import { safeHtml } from './html.ts';
import { categoryNames, firstDate, firstOf, leadImage } from './itemParts.ts';
import type { FeedItem, ParsedFeed } from './model.ts';
import { baseAt, type FeedSkeleton } from './skeleton.ts';
import { looseTitleText, plainText } from './text.ts';
import { resolveUrl } from './urls.ts';

type Feed = RssFeed.Feed<string>;
type Item = RssFeed.Item<string>;

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
    language: plainText(firstOf(feed.language, feed.dc?.languages?.[0], channel?.lang)),
    items: (feed.items ?? []).map((item) => adaptItem(item, skeleton.item(item.xml?.id), channelBase)),
  };
}

function adaptItem(item: Item, node: ReturnType<FeedSkeleton['item']>, channelBase: string): FeedItem {
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
    title: firstOf(looseTitleText(item.title), looseTitleText(item.dc?.titles?.[0])),
    summaryHtml: firstOf(
      safeHtml(item.description, baseAt(node, 'description', itemBase)),
      safeHtml(item.dc?.descriptions?.[0], itemBase),
    ),
    contentHtml: safeHtml(item.content?.encoded, baseAt(node, 'encoded', itemBase)),
    author: firstOf(
      ...(item.authors ?? []).map((person) => plainText(person.name ?? person.email)),
      plainText(item.dc?.creators?.[0]),
      plainText(item.atom?.authors?.[0]?.name),
    ),
    publishedAt: firstDate(item.pubDate, item.dc?.dates?.[0], item.dcterms?.issued?.[0], item.atom?.published),
    updatedAt: firstDate(item.dcterms?.modified?.[0], item.atom?.updated),
    imageUrl: leadImage(item.media, item.enclosures, itemBase),
    categories: categoryNames(item.categories?.map((category) => category.name), item.dc?.subjects),
  };
}

/** The rel="alternate" (or rel-less) link of an atom:link list: the human-readable page. */
export function alternateLink(links: readonly { href?: string; rel?: string; type?: string }[] | undefined): string | null {
  if (!links) return null;
  const alternates = links.filter((link) => link.href && (link.rel === undefined || link.rel === 'alternate'));
  const html = alternates.find((link) => link.type === undefined || /html/i.test(link.type));
  return (html ?? alternates[0])?.href ?? null;
}
