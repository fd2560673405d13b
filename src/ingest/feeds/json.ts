/**
 * JSON Feed 1.0 / 1.1 → our model. JSON Feed is explicit where XML feeds guess: content_html versus
 * content_text, a plain-text summary, an image per item. URLs may still be relative to the feed's own URL.
 */
import type { JsonFeed } from 'feedsmith';
import { safeHtml } from './html.ts';
import { categoryNames, firstDate, firstOf } from './itemParts.ts';
import type { FeedItem, ParsedFeed } from './model.ts';
import { languageTag, looseTitleText, plainText, textToHtml } from './text.ts';
import { resolveUrl } from './urls.ts';

type Feed = JsonFeed.Feed<string>;
type Item = JsonFeed.Item<string>;

export function adaptJson(feed: Feed, documentUrl: string): Omit<ParsedFeed, 'warnings'> {
  const feedAuthor = authorName(feed.authors);
  return {
    format: 'json',
    title: looseTitleText(feed.title),
    link: resolveUrl(feed.home_page_url, documentUrl),
    language: languageTag(feed.language),
    items: (feed.items ?? []).map((item) => adaptItem(item, documentUrl, feedAuthor)),
  };
}

function adaptItem(item: Item, base: string, feedAuthor: string | null): FeedItem {
  const imageAttachment = item.attachments?.find((attachment) => attachment.mime_type?.startsWith('image/'));
  return {
    guid: item.id === undefined || item.id === null ? null : plainText(String(item.id)),
    url: firstOf(resolveUrl(item.url, base), resolveUrl(item.external_url, base)),
    title: looseTitleText(item.title),
    summaryHtml: safeHtml(textToHtml(item.summary), base),
    contentHtml: firstOf(safeHtml(item.content_html, base), safeHtml(textToHtml(item.content_text), base)),
    author: firstOf(authorName(item.authors), feedAuthor),
    publishedAt: firstDate(item.date_published),
    updatedAt: firstDate(item.date_modified),
    imageUrl: firstOf(
      resolveUrl(item.image, base),
      resolveUrl(item.banner_image, base),
      resolveUrl(imageAttachment?.url, base),
    ),
    categories: categoryNames(item.tags),
  };
}

function authorName(authors: Feed['authors']): string | null {
  for (const author of authors ?? []) {
    const name = plainText(author.name);
    if (name) return name;
  }
  return null;
}
