/** ingest/feeds: feed documents (RSS, RDF, Atom, JSON Feed) → one normalised model. Pure: bytes in, feed out. */
export { parseFeed } from './parseFeed.ts';
export { decodeFeed, readFeedText, type FeedText } from './decode.ts';
export { parseFeedDate } from './dates.ts';
export { MAX_FEED_BYTES, MAX_FEED_ITEMS } from './model.ts';
export type { FeedFormat, FeedItem, ParsedFeed, ParseFeedOptions } from './model.ts';
