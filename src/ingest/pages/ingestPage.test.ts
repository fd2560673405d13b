import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openStore, type Store } from '../../store/index.ts';
import { ingestPage, trustedCanonical } from './ingestPage.ts';

let store: Store;
before(async () => {
  store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
});
after(() => store.close());

function page(headline: string, paragraphs: string[], extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><title>${headline}</title>${extraHead}</head><body><article>
    <h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

const MATCH = [
  'The home side won the league match 3-1 on Saturday, with the striker scoring twice in the second half before a crowd of 40,000 fans.',
  'The goalkeeper saved a penalty in the first half, and the coach praised the defence after the final whistle of a tense derby.',
  'The win lifts the club to second in the table, two points behind the leaders with eight matches of the season left to play.',
];

test('a page with no section label of ours is filed by the classifier, not dumped in World', async () => {
  const { article } = await ingestPage(store, {
    url: 'https://sport.example/derby',
    html: page('Home side wins derby as striker scores twice', MATCH, '<meta property="article:section" content="uk-football">'),
    fetchedAt: '2026-01-18T10:00:00Z',
  });
  assert.equal(article.section, 'sport');
});

test("a page's own label wins when it names one of our sections", async () => {
  // Its own wording: the same text under another address would be collapsed into the first story as a copy.
  const debate = [
    'Councillors argued on Monday over whether the city should have paid for extra policing at the derby, after a vote of 12 to 9.',
    'The opposition leader said the budget had been spent without a debate, and called for the mayor to answer questions in the chamber.',
    'The council will publish the full cost of the match day before its next meeting, the finance committee chair promised.',
  ];
  const { article, outcome } = await ingestPage(store, {
    url: 'https://news.example/derby-politics',
    html: page('Derby result debated', debate, '<meta property="article:section" content="Politics">'),
    fetchedAt: '2026-01-18T10:00:00Z',
  });
  assert.equal(outcome, 'created');
  assert.equal(article.section, 'politics');
});

test('a canonical on another site is not trusted; one on the same site is, tracking stripped', () => {
  assert.equal(trustedCanonical('https://evil.example/a', 'https://bbc.co.uk/news/1'), 'https://evil.example/a');
  assert.equal(trustedCanonical('https://a.github.io/x', 'https://b.github.io/y'), 'https://a.github.io/x');
  assert.equal(
    trustedCanonical('https://www.example.com/a?utm_source=x#top', 'https://example.com/story?utm_medium=rss'),
    'https://example.com/story',
  );
  assert.equal(trustedCanonical('https://example.com/a#top', 'javascript:alert(1)'), 'https://example.com/a');
});
