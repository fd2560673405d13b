import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FeedError } from '../../domain/errors.ts';
import { MAX_FEED_BYTES, MAX_FEED_ITEMS, parseFeed } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

describe('parseFeed: Atom with nested xml:base', () => {
  const feed = parseFeed(fixture('xml-base.atom'), { url: 'https://news.example.com/feeds/world.atom' });
  const [first, second] = feed.items;

  test('reads the channel: title as plain text, alternate link against the feed base, xml:lang', () => {
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'World & Europe');
    assert.equal(feed.link, 'https://news.example.com/world/');
    assert.equal(feed.language, 'en-GB');
    assert.deepEqual(feed.warnings, []);
  });

  test('resolves each link against the xml:base in scope where it was written', () => {
    assert.equal(first?.url, 'https://news.example.com/world/2024/geneva-talks');
    assert.match(first?.summaryHtml ?? '', /href="https:\/\/news\.example\.com\/world\/briefing"/);
    // content carries its own absolute-path xml:base
    assert.match(first?.contentHtml ?? '', /href="https:\/\/news\.example\.com\/archive\/story"/);
    assert.match(first?.contentHtml ?? '', /src="https:\/\/news\.example\.com\/archive\/map\.png"/);
    assert.equal(second?.url, 'https://news.example.com/markets/steady');
  });

  test('decodes entities in titles and keeps type="text" titles as written', () => {
    assert.equal(first?.title, 'Talks \u2018resume\u2019 in Geneva');
    assert.equal(second?.title, 'Markets <steady>');
  });

  test('sanitises summaries and escapes plain-text ones', () => {
    assert.doesNotMatch(first?.summaryHtml ?? '', /script|alert/);
    assert.equal(second?.summaryHtml, 'Shares rose &amp; fell.');
  });

  test('dates in UTC, the feed author for entries without one, labels for categories, image enclosures', () => {
    assert.equal(first?.publishedAt, '2024-03-01T08:30:00.000Z');
    assert.equal(first?.updatedAt, '2024-03-01T09:00:00.000Z');
    assert.equal(second?.publishedAt, null);
    assert.equal(second?.author, 'Desk Editor');
    assert.deepEqual(first?.categories, ['Diplomacy']);
    assert.equal(second?.imageUrl, 'https://news.example.com/img/markets.jpg');
    assert.equal(first?.guid, 'tag:news.example.com,2024:1');
  });
});

describe('parseFeed: JSON Feed', () => {
  const feed = parseFeed(fixture('news.json'), { url: 'https://city.example.com/feed.json' });
  const [first, second] = feed.items;

  test('resolves relative URLs against the feed URL and normalises the language tag', () => {
    assert.equal(feed.format, 'json');
    assert.equal(feed.link, 'https://city.example.com/');
    assert.equal(feed.language, 'en-US');
    assert.equal(first?.url, 'https://city.example.com/city/bridge-reopens');
    assert.equal(first?.imageUrl, 'https://city.example.com/img/bridge-lead.jpg');
    assert.equal(second?.url, 'https://other.example.org/report');
  });

  test('content_html is sanitised, content_text and summary become escaped HTML', () => {
    assert.doesNotMatch(first?.contentHtml ?? '', /onerror/);
    assert.equal(first?.summaryHtml, 'Bridge back &lt;open&gt;');
    assert.equal(second?.contentHtml, '<p>First paragraph.</p><p>Second &lt;paragraph&gt;.</p>');
  });

  test('numeric ids become strings, tags are deduplicated, a bad date is null', () => {
    assert.equal(first?.guid, '101');
    assert.deepEqual(first?.categories, ['Transport', 'City']);
    assert.equal(first?.publishedAt, '2024-05-01T11:00:00.000Z');
    assert.equal(second?.publishedAt, null);
  });
});

describe('parseFeed: RSS', () => {
  const rss = (items: string, channel = '') =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Desk</title><link>/</link>${channel}${items}</channel></rss>`;

  test('maps the common extensions: dc:creator, content:encoded, media:content, guid permalinks', () => {
    const feed = parseFeed(
      rss(`<item><title>A &amp;amp; B</title><guid>https://example.com/a</guid><dc:creator>Jo Reporter</dc:creator>
        <pubDate>Tue, 10 Jun 2003 04:00:00 EDT</pubDate><description>Teaser</description>
        <content:encoded><![CDATA[<p>Body <a href="/b">link</a></p>]]></content:encoded>
        <media:content url="/small.jpg" medium="image" width="100"/><media:content url="/large.jpg" medium="image" width="800"/>
        <category>World</category><category>World</category></item>`),
      { url: 'https://example.com/rss' },
    );
    const item = feed.items[0]!;
    assert.equal(feed.link, 'https://example.com/');
    assert.equal(item.url, 'https://example.com/a');
    assert.equal(item.title, 'A & B');
    assert.equal(item.author, 'Jo Reporter');
    assert.equal(item.publishedAt, '2003-06-10T08:00:00.000Z');
    assert.equal(item.summaryHtml, 'Teaser');
    assert.equal(item.contentHtml, '<p>Body <a href="https://example.com/b">link</a></p>');
    assert.equal(item.imageUrl, 'https://example.com/large.jpg');
    assert.deepEqual(item.categories, ['World']);
  });

  test('a guid with isPermaLink="false" is not a link', () => {
    const feed = parseFeed(rss('<item><title>t</title><guid isPermaLink="false">https://example.com/x</guid></item>'), {
      url: 'https://example.com/rss',
    });
    assert.equal(feed.items[0]?.url, null);
    assert.equal(feed.items[0]?.guid, 'https://example.com/x');
  });

  test('keeps every item, even one with nothing we read, so items line up with the document', () => {
    const feed = parseFeed(rss('<item><foo>bar</foo></item><item><title>Second</title></item>'), { url: 'https://example.com/' });
    assert.equal(feed.items.length, 2);
    assert.equal(feed.items[1]?.title, 'Second');
  });

  test('an item that already has an xml:id keeps its own base mapping', () => {
    const feed = parseFeed(
      rss('<item xml:id="keep" xml:base="https://other.example.org/dir/"><title>t</title><link>page</link></item>'),
      { url: 'https://example.com/' },
    );
    assert.equal(feed.items[0]?.url, 'https://other.example.org/dir/page');
  });

  test('only web links survive: javascript: links and bases are dropped', () => {
    const feed = parseFeed(rss('<item><title>t</title><link>javascript:alert(1)</link></item>'), { url: 'https://example.com/' });
    assert.equal(feed.items[0]?.url, null);
  });
});

describe('parseFeed: ill-formed and hostile input', () => {
  test('a bare ampersand and a truncated end tag are mended, with warnings', () => {
    const feed = parseFeed('<rss><channel><title>Q&A</title><item><link>https://x.example/?a=1&b=2</link></item></channel></rss', {
      url: 'https://x.example/',
    });
    assert.equal(feed.title, 'Q&A');
    assert.equal(feed.items[0]?.url, 'https://x.example/?a=1&b=2');
    assert.ok(feed.warnings.some((warning) => warning.includes('bare "&"')));
    assert.ok(feed.warnings.some((warning) => warning.includes('</rss>')));
  });

  test('an empty channel is an empty feed, not an error', () => {
    const feed = parseFeed('<rss version="2.0"><channel></channel></rss>', { url: 'https://x.example/' });
    assert.equal(feed.format, 'rss');
    assert.deepEqual(feed.items, []);
  });

  test('what is not a feed is refused with a FeedError that says what it is', () => {
    const refuse = (body: string, message: RegExp) =>
      assert.throws(() => parseFeed(body, { url: 'https://x.example/' }), (error: unknown) => {
        assert.ok(error instanceof FeedError);
        assert.match(error.message, message);
        return true;
      });
    refuse('', /empty/);
    refuse('<!doctype html><html><body>Hi</body></html>', /HTML page/);
    refuse('<note><to>x</to></note>', /not a feed/);
    refuse('{"hello": "world"}', /not a JSON Feed/);
    refuse('{"version": ', /not valid JSON/);
  });

  test('a feed URL that is not absolute http(s) or file is refused', () => {
    assert.throws(() => parseFeed('<rss/>', { url: '/relative' }), FeedError);
    assert.throws(() => parseFeed('<rss/>', { url: 'javascript:alert(1)' }), FeedError);
  });

  test(`a document over ${MAX_FEED_BYTES} bytes is refused before it is read`, () => {
    assert.throws(() => parseFeed(new Uint8Array(MAX_FEED_BYTES + 1), { url: 'https://x.example/' }), /over the/);
  });

  test('elements nested thousands deep are refused, not parsed recursively', () => {
    const depth = 5000;
    const body = `<rss><channel>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</channel></rss>`;
    assert.throws(() => parseFeed(body, { url: 'https://x.example/' }), FeedError);
  });

  test(`at most ${MAX_FEED_ITEMS} items are read, with a warning`, () => {
    const body = `<rss><channel><title>t</title>${'<item><title>i</title></item>'.repeat(MAX_FEED_ITEMS + 5)}</channel></rss>`;
    const feed = parseFeed(body, { url: 'https://x.example/' });
    assert.equal(feed.items.length, MAX_FEED_ITEMS);
    assert.ok(feed.warnings.some((warning) => warning.includes(`${MAX_FEED_ITEMS + 5}`)));
  });
});
