import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from './index.ts';
import { articlePage, jsonLdScript, PAGE_URL, REPORT_PARAGRAPHS } from './testing/pages.ts';

const extract = (html: string) => extractArticle(html, { url: PAGE_URL });

describe('JSON-LD', () => {
  test('a NewsArticle inside an @graph, its author and image given by @id reference', () => {
    const head = jsonLdScript({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://news.example.com/#site', name: 'Example News' },
        { '@type': 'Person', '@id': 'https://news.example.com/#jane', name: 'Jane Doe' },
        {
          '@type': 'NewsArticle',
          headline: 'Dock workers walk out at the country’s largest port',
          author: { '@id': 'https://news.example.com/#jane' },
          datePublished: '2024-05-01T08:30:00+02:00',
          dateModified: '2024-05-01T11:00:00+02:00',
          articleSection: ['World', 'Business'],
          inLanguage: 'en-GB',
          mainEntityOfPage: { '@id': 'https://news.example.com/world/port-strike?utm_medium=social' },
          image: { '@type': 'ImageObject', url: 'https://cdn.example.com/port.jpg', caption: 'Cranes stand idle.', creditText: 'Jane Roe/Reuters' },
        },
      ],
    });
    const article = extract(articlePage({ head }));
    assert.equal(article.headline, 'Dock workers walk out at the country’s largest port');
    assert.equal(article.byline, 'Jane Doe');
    assert.equal(article.publishedAt, '2024-05-01T06:30:00.000Z');
    assert.equal(article.modifiedAt, '2024-05-01T09:00:00.000Z');
    assert.equal(article.sectionHint, 'World');
    assert.equal(article.language, 'en-GB');
    assert.equal(article.canonicalUrl, 'https://news.example.com/world/port-strike');
    assert.deepEqual(article.image, { url: 'https://cdn.example.com/port.jpg', alt: '', caption: 'Cranes stand idle.', credit: 'Jane Roe/Reuters' });
  });

  test('a ReportageNewsArticle among other objects in a top-level array; authors as an array of objects', () => {
    const head = jsonLdScript([
      { '@type': 'Organization', name: 'Example News' },
      { '@type': 'BreadcrumbList', itemListElement: [] },
      {
        '@type': ['ReportageNewsArticle'],
        headline: 'Strike halts port',
        author: [{ '@type': 'Person', name: 'Jane Doe' }, { '@type': 'Person', name: 'John Roe' }],
        datePublished: '2024-05-01',
      },
    ]);
    const article = extract(articlePage({ head }));
    assert.equal(article.byline, 'Jane Doe and John Roe');
    assert.equal(article.publishedAt, '2024-05-01T00:00:00.000Z');
  });

  test('author as a plain string, and as an array of strings', () => {
    const single = extract(articlePage({ head: jsonLdScript({ '@type': 'NewsArticle', headline: 'H', author: 'By Jane Doe' }) }));
    assert.equal(single.byline, 'Jane Doe');
    const several = jsonLdScript({ '@type': 'NewsArticle', headline: 'H', author: ['Jane Doe', 'John Roe', 'Ann Poe'] });
    assert.equal(extract(articlePage({ head: several })).byline, 'Jane Doe, John Roe and Ann Poe');
  });

  test('the news node wins over a generic WebPage node; a broken script next to it is ignored', () => {
    const head = [
      '<script type="application/ld+json">{ "@type": "NewsArticle", oops </script>',
      jsonLdScript({ '@type': 'WebPage', name: 'Example News – World' }),
      jsonLdScript({ '@type': 'NewsArticle', headline: 'The port strike, day one', articleSection: 'Business' }),
    ].join('\n');
    const article = extract(articlePage({ head }));
    assert.equal(article.headline, 'The port strike, day one');
    assert.equal(article.sectionHint, 'Business');
  });

  test('breadcrumbs give the section when nothing states one', () => {
    const head = jsonLdScript({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example.com/' },
        { '@type': 'ListItem', position: 2, name: 'World', item: 'https://news.example.com/world' },
        { '@type': 'ListItem', position: 3, name: 'Europe', item: 'https://news.example.com/world/europe' },
      ],
    });
    assert.equal(extract(articlePage({ head })).sectionHint, 'Europe');
  });
});

describe('OpenGraph, Twitter and <meta> fallbacks', () => {
  test('a page with no JSON-LD takes its metadata from OpenGraph and article:* tags', () => {
    const head = `
      <meta property="og:title" content="Port strike enters second day">
      <meta property="og:site_name" content="Example News">
      <meta property="og:url" content="/world/port-strike?fbclid=abc&amp;page=2">
      <meta property="og:image" content="/images/port.jpg">
      <meta property="article:published_time" content="2024-05-02T07:00:00Z">
      <meta property="article:section" content="World">
      <meta name="author" content="Jane Doe">
      <meta property="og:locale" content="pt_BR">`;
    const article = extract(articlePage({ head }));
    assert.equal(article.headline, 'Port strike enters second day');
    assert.equal(article.siteName, 'Example News');
    assert.equal(article.canonicalUrl, 'https://news.example.com/world/port-strike?page=2');
    assert.equal(article.image?.url, 'https://news.example.com/images/port.jpg');
    assert.equal(article.publishedAt, '2024-05-02T07:00:00.000Z');
    assert.equal(article.sectionHint, 'World');
    assert.equal(article.byline, 'Jane Doe');
    assert.equal(article.language, 'pt-BR');
  });

  test('Twitter card tags when OpenGraph is missing; <html lang> wins over og:locale', () => {
    const head = `
      <meta name="twitter:title" content="Strike: what we know">
      <meta name="twitter:image" content="https://cdn.example.com/t.jpg">
      <meta property="og:locale" content="fr_FR">`;
    const article = extract(articlePage({ head, lang: 'en-us', title: 'x' }));
    assert.equal(article.headline, 'Strike: what we know');
    assert.equal(article.image?.url, 'https://cdn.example.com/t.jpg');
    assert.equal(article.language, 'en-US');
  });

  test('<link rel=canonical> wins over og:url and is made absolute', () => {
    const head = '<link rel="canonical" href="/world/port-strike"><meta property="og:url" content="https://other.example.com/x">';
    assert.equal(extract(articlePage({ head })).canonicalUrl, 'https://news.example.com/world/port-strike');
  });

  test('the site name is cut from a <title> headline; no metadata still gives a headline', () => {
    const article = extract(articlePage({ title: 'Port workers strike over pay – Example News' }));
    assert.equal(article.headline, 'Port workers strike over pay');
    assert.equal(article.canonicalUrl, null);
    assert.equal(article.publishedAt, null);
  });
});

describe('cleaning what pages state', () => {
  test('entities a CMS escaped twice, or left in JSON-LD, are decoded', () => {
    const head = '<meta property="og:title" content="Bike &amp;amp; Style: &amp;#8216;a review&amp;#8217;">';
    assert.equal(extract(articlePage({ head })).headline, 'Bike & Style: ‘a review’');
    const ld = jsonLdScript({ '@type': 'NewsArticle', headline: 'Chelsea activate &#163;71.6m clause', author: 'Jos&eacute; Mour' });
    const article = extract(articlePage({ head: ld }));
    assert.equal(article.headline, 'Chelsea activate £71.6m clause');
    assert.equal(article.byline, 'José Mour');
  });

  test('a section label in front of the headline is cut ("Opinion | …")', () => {
    const head = '<meta property="og:title" content="Opinion | Republicans are following the leader"><meta property="article:section" content="Opinion">';
    assert.equal(extract(articlePage({ head })).headline, 'Republicans are following the leader');
  });

  test('section fields that name no section are ignored', () => {
    for (const section of ['post', 'Uncategorized', 'gizmodo.com', 'Front Page']) {
      const head = `<meta property="article:section" content="${section}">`;
      assert.equal(extract(articlePage({ head })).sectionHint, null, section);
    }
  });
});

describe('printed publication time', () => {
  test('a <time> marked as the publication time dates a page without date metadata', () => {
    const before = '<div class="article-meta published"><time datetime="2024-05-01T10:00:00+01:00">1 May 2024</time></div>';
    assert.equal(extract(articlePage({ before })).publishedAt, '2024-05-01T09:00:00.000Z');
  });

  test('a <time> in a comment, or with nothing saying what it dates, is not used', () => {
    const after = '<div class="comment"><span class="date"><time datetime="2024-06-01">1 June</time></span></div><p><time datetime="2024-07-01">July</time></p>';
    assert.equal(extract(articlePage({ after })).publishedAt, null);
  });
});

describe('dek', () => {
  test('a description of its own is the dek', () => {
    const head = '<meta name="description" content="The first walkout at the port in a decade could cost importers dearly.">';
    assert.equal(extract(articlePage({ head })).dek, 'The first walkout at the port in a decade could cost importers dearly.');
  });

  test('a description that copies the lede (even cut short with …) is not a dek', () => {
    const lede = REPORT_PARAGRAPHS[0]!.slice(0, 120);
    const head = `<meta property="og:description" content="${lede}…">`;
    assert.equal(extract(articlePage({ head })).dek, null);
  });
});

describe('byline', () => {
  test('a byline printed on the page, with its "By" and date cut off', () => {
    const before = '<div class="byline">By <a rel="author" href="/staff/jane">Jane Doe</a> | May 1, 2024</div>';
    assert.equal(extract(articlePage({ before })).byline, 'Jane Doe');
  });

  test('a comment form\'s author field is not a byline', () => {
    const after = '<div id="respond"><p class="comment-form-author"><label for="author">Name (required)</label></p></div>';
    assert.equal(extract(articlePage({ after })).byline, null);
  });

  test('site rule: a fact check\'s claimant marked up as author is not the byline', () => {
    const before = '<div class="statement-author"><h4 class="author">The defence ministry</h4></div>';
    const page = articlePage({ before });
    assert.equal(extractArticle(page, { url: 'https://www.polygraph.info/a/claim/1.html' }).byline, null);
    assert.equal(extractArticle(page, { url: 'https://news.example.com/a' }).byline, 'The defence ministry', 'the rule is for its site only');
  });

  test('an author tag holding a profile URL is not a byline', () => {
    const head = '<meta property="article:author" content="https://www.facebook.com/janedoe">';
    assert.equal(extract(articlePage({ head })).byline, null);
  });
});
