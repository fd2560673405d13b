import assert from 'node:assert/strict';
import { it } from 'node:test';
import { generateRssFeed } from 'feedsmith';
import { cdataAsEscapedText, feedText } from './xmlText.ts';

it('writes the CDATA feedsmith makes as escaped text, the same characters to an XML parser', () => {
  const title = 'Q&A: is 1 < 2? ]]> done';
  const xml = generateRssFeed({ title, link: 'https://news.example/', description: 'd', items: [{ title, link: 'https://news.example/a' }] });
  assert.ok(xml.includes('<![CDATA['), 'feedsmith wraps it');
  const escaped = cdataAsEscapedText(xml);
  assert.ok(!escaped.includes('<![CDATA['));
  const titles = [...escaped.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]);
  assert.deepEqual(titles, ['Q&amp;A: is 1 &lt; 2? ]]&gt; done', 'Q&amp;A: is 1 &lt; 2? ]]&gt; done']);
});

it('feedText: plain text XML can carry', () => {
  assert.equal(feedText('Stories by <b>Jane</b>\u0001 &amp; <!DOCTYPE html>John\uFFFE'), 'Stories by Jane & John');
});
