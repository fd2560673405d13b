/**
 * Feed bytes in, one normalised feed out:
 *
 *   bytes ──decode.ts──▶ text ──doctype.ts──▶ text without a DTD ──xmlScan.ts──▶ skeleton + well-formedness notes
 *                                                      └──feedsmith──▶ values ──rss/atom/rdf/json.ts──▶ ParsedFeed
 *
 * A document that is not a feed at all, or is hostile, is refused with a FeedError saying why. A document that
 * is a feed but breaks the rules (bad XML, wrong charset) is read as well as it can be, and `warnings` says what
 * was wrong, so the poller can show the publisher's mistake without losing their news.
 */
import { DetectError, MalformedError, ParseError, parseFeed as feedsmithParse, type AnyFeed } from 'feedsmith';
import { FeedError } from '../../domain/errors.ts';
import { adaptAtom } from './atom.ts';
import { readFeedText } from './decode.ts';
import { stripDoctype } from './doctype.ts';
import { adaptJson } from './json.ts';
import { MAX_FEED_BYTES, MAX_FEED_ITEMS, type FeedFormat, type ParsedFeed, type ParseFeedOptions } from './model.ts';
import { adaptRdf } from './rdf.ts';
import { adaptRss } from './rss.ts';
import { feedSkeleton } from './skeleton.ts';
import { repairXml } from './repair.ts';
import { tagItems, type TaggedDocument } from './tagItems.ts';
import { scanXml, type XmlScan } from './xmlScan.ts';

/** Root elements of a feed that feedsmith finds empty (it reports "invalid" when a channel has nothing in it). */
const EMPTY_FEED_ROOTS: Record<string, FeedFormat> = { rss: 'rss', feed: 'atom', rdf: 'rdf' };

export function parseFeed(body: Uint8Array | string, options: ParseFeedOptions): ParsedFeed {
  const documentUrl = checkDocumentUrl(options.url);
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > MAX_FEED_BYTES) {
    throw new FeedError(`feed refused: ${size} bytes is over the ${MAX_FEED_BYTES}-byte limit`);
  }
  const decoded =
    typeof body === 'string'
      ? { text: body.replace(/^\uFEFF/, ''), warnings: [] as string[] }
      : readFeedText(body, options.contentType);
  const start = decoded.text.trimStart();
  if (start === '') throw new FeedError('feed is empty');
  if (start.startsWith('{') || start.startsWith('[')) return parseJsonFeed(decoded.text, documentUrl, decoded.warnings);
  return parseXmlFeed(decoded.text, documentUrl, decoded.warnings);
}

function parseXmlFeed(text: string, documentUrl: string, decodeWarnings: readonly string[]): ParsedFeed {
  const doctype = stripDoctype(text);
  const scan = scanXml(doctype.text, documentUrl);
  const warnings = [
    ...decodeWarnings,
    ...doctype.warnings,
    ...scan.problems.map((problem) => `not well-formed XML: ${problem}`),
  ];
  const tagged = tagItems(doctype.text, scan);
  let parsed: AnyFeed<string>;
  try {
    parsed = readWithRepair(tagged, scan);
  } catch (error) {
    const emptyFormat = error instanceof ParseError || error instanceof DetectError ? EMPTY_FEED_ROOTS[scan.root?.local ?? ''] : undefined;
    if (!emptyFormat) throw new FeedError(notAFeedMessage(error, text.trimStart(), scan.problems));
    // A feed with no channel content yet (a new blog, a quiet section) is a feed, not an error.
    return { format: emptyFormat, title: null, link: null, language: null, items: [], warnings };
  }
  if (scan.items.length > MAX_FEED_ITEMS) {
    warnings.push(`only the first ${MAX_FEED_ITEMS} of ${scan.items.length} items were read`);
  }
  const skeleton = feedSkeleton(scan, tagged, doctype.text, documentUrl);
  switch (parsed.format) {
    case 'rss':
      return { ...adaptRss(parsed.feed, skeleton), warnings };
    case 'atom':
      return { ...adaptAtom(parsed.feed, skeleton), warnings };
    case 'rdf':
      return { ...adaptRdf(parsed.feed, skeleton), warnings };
    case 'json':
      return { ...adaptJson(parsed.feed, documentUrl), warnings };
  }
}

/** feedsmith's reading of the document, or of its mended form when the original defeats the XML parser. */
function readWithRepair(tagged: TaggedDocument, scan: XmlScan): AnyFeed<string> {
  try {
    return feedsmithParse<string>(tagged.text, { maxItems: MAX_FEED_ITEMS });
  } catch (error) {
    const repaired = error instanceof MalformedError ? repairXml(tagged.text, scan, tagged.shift) : null;
    if (repaired === null) throw error;
    return feedsmithParse<string>(repaired, { maxItems: MAX_FEED_ITEMS });
  }
}

function parseJsonFeed(text: string, documentUrl: string, warnings: readonly string[]): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`feed is not valid JSON: ${(error as Error).message}`);
  }
  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmithParse<string>(json, { maxItems: MAX_FEED_ITEMS });
  } catch {
    throw new FeedError('document is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1…")');
  }
  if (parsed.format !== 'json') throw new FeedError('document is JSON but not a JSON Feed');
  return { ...adaptJson(parsed.feed, documentUrl), warnings: [...warnings] };
}

/** Feeds come from the web, or from a file the newsroom imports. */
const DOCUMENT_PROTOCOLS = new Set(['http:', 'https:', 'file:']);

function checkDocumentUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedError(`feed URL ${JSON.stringify(url)} is not an absolute URL`);
  }
  if (!DOCUMENT_PROTOCOLS.has(parsed.protocol)) {
    throw new FeedError(`feed URL ${JSON.stringify(url)} is not an http(s) or file URL`);
  }
  return parsed.href;
}

/** Problems named in a FeedError: enough to find the fault, few enough to read. */
const MESSAGE_PROBLEMS = 3;

/** Why feedsmith could not read the document, in words a person adding a feed can act on. */
function notAFeedMessage(error: unknown, start: string, problems: string[]): string {
  if (/^(?:<!doctype html|<html)/i.test(start)) {
    return 'document is an HTML page, not a feed (look for the page\'s RSS or Atom link)';
  }
  if (error instanceof DetectError || !start.startsWith('<')) {
    return 'document is not a feed: no RSS, RDF, Atom or JSON Feed found';
  }
  if (problems.length > 0) {
    return `feed could not be read: not well-formed XML: ${problems.slice(0, MESSAGE_PROBLEMS).join('; ')}`;
  }
  if (error instanceof RangeError) return 'feed could not be read: elements nested too deeply';
  return `feed could not be read: ${(error as Error).message}`;
}
