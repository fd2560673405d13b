import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle, type ExtractedBlock } from './index.ts';
import { articlePage, jsonLdScript, PAGE_URL, REPORT_PARAGRAPHS } from './testing/pages.ts';

const extract = (html: string) => extractArticle(html, { url: PAGE_URL });
const ofType = <T extends ExtractedBlock['type']>(blocks: ExtractedBlock[], type: T) =>
  blocks.filter((block): block is Extract<ExtractedBlock, { type: T }> => block.type === type);

describe('body blocks', () => {
  test('paragraphs come out in order, one block each, and bodyText has a line per paragraph', () => {
    const article = extract(articlePage());
    assert.deepEqual(ofType(article.blocks, 'paragraph').map((block) => block.text), REPORT_PARAGRAPHS);
    assert.equal(article.bodyText, REPORT_PARAGRAPHS.join('\n'));
    assert.ok(!article.bodyText.includes('Port workers strike over pay'), 'the headline is not body text');
  });

  test('h1 and h4–h6 fold into levels 2 and 3; h2 and h3 keep theirs', () => {
    const after = '<h2>What the union wants</h2><p>A raise of eight percent over two years, and fewer night shifts for older workers.</p>'
      + '<h4>Night shifts</h4><p>Workers over fifty say the rotation leaves them with too little rest between shifts.</p>'
      + '<h3>Older workers</h3><p>The union says a third of its members are over fifty and most have no other trade.</p>';
    const headings = ofType(extract(articlePage({ after })).blocks, 'heading');
    assert.deepEqual(headings, [
      { type: 'heading', level: 2, text: 'What the union wants' },
      { type: 'heading', level: 3, text: 'Night shifts' },
      { type: 'heading', level: 3, text: 'Older workers' },
    ]);
  });

  test('lists keep their items, nested items follow their parent; each item is a line of bodyText', () => {
    const after = '<p>The union listed its demands:</p><ol><li>A raise of <b>eight percent</b></li>'
      + '<li>Fewer night shifts<ul><li>none for workers over sixty</li></ul></li><li>A new safety committee</li></ol>';
    const article = extract(articlePage({ after }));
    const [list] = ofType(article.blocks, 'list');
    assert.deepEqual(list, {
      type: 'list',
      ordered: true,
      items: ['A raise of eight percent', 'Fewer night shifts', 'none for workers over sixty', 'A new safety committee'],
    });
    assert.ok(article.bodyText.includes('\nA raise of eight percent\nFewer night shifts\n'));
  });

  // (Readability drops <footer> elements, so the attribution has to be a <cite> to survive.)
  test('quotes keep their lines and who is quoted', () => {
    const after = '<blockquote><p>We will not go back to work for less.</p><p>Not this time.</p>'
      + '<cite>— Maria Silva, union leader</cite></blockquote>';
    const article = extract(articlePage({ after }));
    const [quote] = ofType(article.blocks, 'quote');
    assert.deepEqual(quote, { type: 'quote', text: 'We will not go back to work for less.\nNot this time.', cite: 'Maria Silva, union leader' });
    assert.ok(article.bodyText.includes('We will not go back to work for less.\nNot this time.'));
  });

  test('figures keep image, alt, caption and credit; captions stay out of bodyText', () => {
    const after = '<figure><img src="/img/cranes.jpg" alt="Idle cranes" width="800" height="500">'
      + '<figcaption>Cranes stand idle at the container terminal. (AP Photo/Jane Doe)</figcaption></figure>'
      + '<p>Ships waiting offshore could be diverted to neighbouring ports within days, shipping agents said.</p>';
    const article = extract(articlePage({ after }));
    const [figure] = ofType(article.blocks, 'figure');
    assert.deepEqual(figure?.image, {
      url: 'https://news.example.com/img/cranes.jpg',
      alt: 'Idle cranes',
      caption: 'Cranes stand idle at the container terminal.',
      credit: 'AP Photo/Jane Doe',
    });
    assert.ok(!article.bodyText.includes('Cranes stand idle'), 'captions are not body text');
  });

  test('a credit marked up apart from the caption is used as is', () => {
    const after = '<figure><img src="https://cdn.example.com/gate.jpg" alt=""><figcaption>Pickets at the main gate.'
      + ' <span class="credit">Photograph: John Roe/Reuters</span></figcaption></figure><p>More pickets arrived in the afternoon.</p>';
    const [figure] = ofType(extract(articlePage({ after })).blocks, 'figure');
    assert.equal(figure?.image.caption, 'Pickets at the main gate.');
    assert.equal(figure?.image.credit, 'John Roe/Reuters');
  });

  test('a <br> inside a paragraph starts a new line; tables become a line per row', () => {
    const after = '<p>Port Authority<br>12 Harbour Road<br>Lisbon</p>'
      + '<table><tr><th>Berth</th><th>Ships waiting</th></tr><tr><td>North</td><td>14</td></tr></table>';
    const article = extract(articlePage({ after }));
    assert.ok(article.bodyText.includes('Port Authority\n12 Harbour Road\nLisbon'));
    assert.ok(article.bodyText.includes('Berth | Ships waiting\nNorth | 14'));
  });

  test('the body HTML is sanitized, links absolute and without tracking parameters', () => {
    const after = '<p>Read the <a href="/docs/offer.pdf?utm_source=x&amp;v=2" onclick="steal()">port authority’s offer</a>.</p>'
      + '<script>alert(1)</script>';
    const article = extract(articlePage({ after }));
    assert.ok(article.bodyHtml.includes('href="https://news.example.com/docs/offer.pdf?v=2"'), article.bodyHtml);
    assert.ok(!/onclick|<script|alert/.test(article.bodyHtml));
  });
});

describe('lead image', () => {
  test('og:image with the caption and credit printed under the same photo on the page', () => {
    const head = '<meta property="og:image" content="https://cdn.example.com/photos/strike-1200x630.jpg?w=1200">';
    const before = '<figure class="lead"><img src="https://cdn.example.com/photos/strike-1200x630.jpg" alt="Workers march">'
      + '<figcaption>Workers march to the port gates on Wednesday. Photo: Reuters</figcaption></figure>';
    const article = extract(articlePage({ head, before }));
    assert.deepEqual(article.image, {
      url: 'https://cdn.example.com/photos/strike-1200x630.jpg?w=1200',
      alt: 'Workers march',
      caption: 'Workers march to the port gates on Wednesday.',
      credit: 'Reuters',
    });
    assert.equal(ofType(article.blocks, 'figure').length, 0, 'the hero is not repeated in the body');
    assert.ok(!article.bodyHtml.includes('strike-1200x630'), 'nor in the body HTML');
  });

  test('a lazy-loaded lead photo (placeholder src, real address in data-src) is still found on the page', () => {
    const head = '<meta property="og:image" content="https://cdn.example.com/lazy/pickets.jpg">';
    const before = '<figure><img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example.com/lazy/pickets.jpg" alt="Pickets">'
      + '<figcaption>Pickets at dawn. <span class="credit">Jane Doe</span></figcaption></figure>';
    const article = extract(articlePage({ head, before }));
    assert.deepEqual(article.image, { url: 'https://cdn.example.com/lazy/pickets.jpg', alt: 'Pickets', caption: 'Pickets at dawn.', credit: 'Jane Doe' });
  });

  test('JSON-LD ImageObject caption with the credit in it is split', () => {
    const head = jsonLdScript({
      '@type': 'NewsArticle',
      headline: 'Port strike',
      image: [{ '@type': 'ImageObject', url: 'https://cdn.example.com/a.jpg', caption: 'Containers stacked at the quay / Getty Images' }],
    });
    const before = '<img src="https://cdn.example.com/a.jpg" alt="Containers">';
    const article = extract(articlePage({ head, before }));
    assert.equal(article.image?.caption, 'Containers stacked at the quay');
    assert.equal(article.image?.credit, 'Getty Images');
  });

  test('a page that states no image takes the figure opening its body', () => {
    const before = '<figure><img src="/img/quay.jpg" alt="The quay"><figcaption>The quay at dawn. Credit: Ann Poe</figcaption></figure>';
    const article = extract(articlePage({ before }));
    assert.deepEqual(article.image, { url: 'https://news.example.com/img/quay.jpg', alt: 'The quay', caption: 'The quay at dawn.', credit: 'Ann Poe' });
  });
});
