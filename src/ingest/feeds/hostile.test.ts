import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FeedError } from '../../domain/errors.ts';
import { parseFeed } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

/** The memory budget for one hostile feed. */
const MEMORY_BUDGET_BYTES = 200 * 1024 * 1024;

describe('hostile feeds', () => {
  test('a billion-laughs feed is refused without expanding, and the process stays within budget', () => {
    const before = process.memoryUsage().rss;
    assert.throws(
      () => parseFeed(fixture('billion-laughs.xml'), { url: 'https://attacker.example/feed' }),
      (error: unknown) => error instanceof FeedError && /entity-expansion/.test(error.message),
    );
    const grown = process.memoryUsage().rss - before;
    assert.ok(grown < MEMORY_BUDGET_BYTES, `RSS grew by ${Math.round(grown / 1024 / 1024)} MB`);
  });

  test('a quadratic blow-up (one long entity used many times) is refused past the size limit', () => {
    const value = 'x'.repeat(4000);
    const body = `<!DOCTYPE rss [<!ENTITY big "${value}">]><rss><channel><title>${'&big;'.repeat(20_000)}</title></channel></rss>`;
    const before = process.memoryUsage().rss;
    assert.throws(() => parseFeed(body, { url: 'https://attacker.example/feed' }), /expand past/);
    assert.ok(process.memoryUsage().rss - before < MEMORY_BUDGET_BYTES);
  });

  test('external entities are never resolved: no file or URL content appears, and the feed says so', () => {
    const feed = parseFeed(fixture('external-entity.xml'), { url: 'https://example.com/feed' });
    const everything = JSON.stringify(feed);
    assert.doesNotMatch(everything, /root:|\/bin\/|secret/);
    assert.equal(feed.title, 'Leak here');
    assert.equal(feed.items[0]?.summaryHtml, 'Before  after');
    assert.ok(feed.warnings.some((warning) => warning.includes('&passwd;')));
  });

  test('a plain internal entity, as honest feeds declare them, is expanded', () => {
    const body = `<!DOCTYPE rss [<!ENTITY id "tag:example.com,"><!ENTITY % ext SYSTEM "http://x/y.ent"> %ext;]>
      <rss version="2.0"><channel><item><guid isPermaLink="false">&id;2006:/blog/</guid></item></channel></rss>`;
    const feed = parseFeed(body, { url: 'https://example.com/feed' });
    assert.equal(feed.items[0]?.guid, 'tag:example.com,2006:/blog/');
    assert.deepEqual(feed.warnings, []);
  });

  test('a DOCTYPE without entities (an HTML doctype pasted on top) is simply dropped', () => {
    const body = '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://x/"><rss><channel><title>found</title></channel></rss>';
    assert.equal(parseFeed(body, { url: 'https://example.com/' }).title, 'found');
  });

  test('script in every field is gone from the parsed feed', () => {
    const body = `<rss><channel><title>&lt;script&gt;alert(1)&lt;/script&gt;News</title><item>
      <title>&lt;img src=x onerror=alert(1)&gt;Hi</title>
      <link>javascript:alert(1)</link>
      <description>&lt;a href="javascript:alert(1)" onclick="x()"&gt;click&lt;/a&gt;&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;</description>
    </item></channel></rss>`;
    const feed = parseFeed(body, { url: 'https://example.com/' });
    assert.equal(feed.title, 'News');
    assert.equal(feed.items[0]?.title, 'Hi');
    assert.equal(feed.items[0]?.url, null);
    assert.doesNotMatch(feed.items[0]?.summaryHtml ?? '', /javascript|onclick|iframe/);
    assert.match(feed.items[0]?.summaryHtml ?? '', /click/);
  });
});
