import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFeedText } from './decode.ts';
import { feedRequest, listFeedFiles, readFeedCase } from './testing/feedCase.ts';
import { childrenNamed, scanXml, type XmlElement } from './xmlScan.ts';

/**
 * feedparser's base/ cases name the base in effect at a title, summary, content or feed text
 * (`entries[0]['title_detail']['base'] == '…'`). Our model shows bases only through the links they resolve, so
 * here the scan itself is held to those expectations.
 */
const BASE_EXPECTATION =
  /^\s*not bozo and (feed|entries\[0\])\['(\w+?)(?:_detail'\]|'\]\[0\])\['base'\] == '([^']*)'\s*$/;
const ELEMENT_NAMES: Record<string, string[]> = {
  title: ['title'], summary: ['summary'], content: ['content'], tagline: ['tagline', 'subtitle'], info: ['info'],
  copyright: ['copyright', 'rights'],
};

function elementFor(root: XmlElement, scope: string, field: string): XmlElement | undefined {
  const parent = scope === 'feed' ? root : (childrenNamed(root, 'entry')[0] ?? childrenNamed(root, 'item')[0]);
  return (ELEMENT_NAMES[field] ?? []).map((local) => childrenNamed(parent, local)[0]).find(Boolean);
}

describe('xml:base as the scan sees it (feedparser base/ cases)', () => {
  const cases = listFeedFiles('wellformed/base')
    .map((name) => readFeedCase(name))
    .filter((feedCase) => !feedCase.name.includes('cdf_') && BASE_EXPECTATION.test(feedCase.expect ?? ''));

  test('there are such cases', () => assert.ok(cases.length >= 30, `${cases.length} cases`));

  for (const feedCase of cases) {
    test(feedCase.name, () => {
      const [, scope, field, expected] = BASE_EXPECTATION.exec(feedCase.expect!)!;
      const request = feedRequest(feedCase);
      const scan = scanXml(readFeedText(feedCase.bytes, request.contentType).text, request.url);
      assert.deepEqual(scan.problems, []);
      const element = elementFor(scan.root!, scope!, field!);
      assert.ok(element, `no element for ${scope}.${field}`);
      assert.equal(element.base, expected);
    });
  }
});

describe('scanXml', () => {
  test('reports what is wrong, each problem once', () => {
    const { problems } = scanXml('<rss><channel><title>a & b</title><x:y/><item></channel></rss', 'https://x.example/');
    assert.deepEqual(problems, [
      'a bare "&" that is not part of an entity reference',
      'undeclared namespace prefix "x:"',
      '<item> is closed by </channel>',
      'the end tag </rss> is not closed',
    ]);
  });

  test('names HTML entities undeclared in XML, but accepts the five XML ones and character references', () => {
    assert.deepEqual(scanXml('<rss>&lt;&amp;&#233;&#xE9;</rss>', 'https://x.example/').problems, []);
    assert.match(scanXml('<rss>&nbsp;&eacute;</rss>', 'https://x.example/').problems[0] ?? '', /&nbsp;, &eacute;/);
  });

  test('finds the items of RSS, RSS 0.9x, RDF and Atom, and where to tag them', () => {
    const rss = '<rss><channel><item/><item><item/></item></channel></rss>';
    const scanned = scanXml(rss, 'https://x.example/');
    assert.equal(scanned.items.length, 2, 'an item nested in an item is not a feed item');
    assert.equal(rss.slice(scanned.items[0]!.insertAt, scanned.items[0]!.insertAt + 2), '/>');
    assert.equal(scanXml('<rss><item/><item/></rss>', 'https://x.example/').items.length, 2);
    assert.equal(scanXml('<rdf:RDF xmlns:rdf="r"><channel/><item/></rdf:RDF>', 'https://x.example/').items.length, 1);
    assert.equal(scanXml('<feed><entry/><entry xml:id="e2"/></feed>', 'https://x.example/').items[1]?.xmlId, 'e2');
  });
});
