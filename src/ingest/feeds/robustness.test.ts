import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { FeedError } from '../../domain/errors.ts';
import { parseFeed, type ParsedFeed } from './index.ts';
import { FEEDS_CORPUS } from './testing/feedCase.ts';

/** parseFeed either returns a feed or throws a FeedError; anything else is a bug. */
function parseOrFeedError(body: string | Uint8Array): ParsedFeed | FeedError {
  try {
    return parseFeed(body, { url: 'https://publisher.example/feed' });
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
}

const PIECES = [
  '<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0">', '</rss>', '</rss', '<channel>', '</channel>', '<item>',
  '</item>', '<title>', '</title>', '<link>', '/a?b=1&c=2', '</link>', '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>', '<entry>', '</entry>', '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">', '</div></content>',
  '<description>', '</description>', '&amp;', '&', '&nbsp;', '&#x41;', '&#X41;', '&#99999999;', '<![CDATA[', ']]>',
  '<!--', '-->', '<!DOCTYPE rss [<!ENTITY e "x">]>', '&e;', '<!DOCTYPE rss [<!ENTITY a "&b;">]>', 'xml:base="../x/"',
  ' xml:base="javascript:alert(1)"', '<script>alert(1)</script>', '&lt;script&gt;', '<', '>', '"', "'", 'text', '\u00e9',
  '\uFFFD', '\u0000', '<pubDate>Wed, 02 Oct 2002 13:00:00 GMT</pubDate>', '<dc:date xmlns:dc="x">2003-02-30</dc:date>',
];

test('XML-shaped token soup: a feed or a FeedError, never another exception', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
      const result = parseOrFeedError(pieces.join(''));
      if (!(result instanceof FeedError)) assert.ok(Array.isArray(result.items));
    }),
    { numRuns: 400 },
  );
});

test('arbitrary text and bytes: a feed or a FeedError', () => {
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void parseOrFeedError(text)), { numRuns: 300 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void parseOrFeedError(bytes)), { numRuns: 300 });
});

test('a real feed cut short anywhere or with bytes flipped: a feed or a FeedError', () => {
  const guardian = readFileSync(`${FEEDS_CORPUS}/real/rss-parser/guardian.rss`);
  fc.assert(
    fc.property(fc.nat({ max: guardian.length }), fc.array(fc.tuple(fc.nat({ max: guardian.length - 1 }), fc.nat({ max: 255 })), { maxLength: 5 }), (cut, flips) => {
      const bytes = Buffer.from(guardian.subarray(0, cut));
      for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
      void parseOrFeedError(bytes);
    }),
    { numRuns: 60 },
  );
});
