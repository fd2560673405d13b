import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Section } from '../../domain/index.ts';
import { renderDocument } from '../render.ts';
import { publishedFromDraft } from '../testing/articles.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { ArticlePage } from './ArticlePage.tsx';
import { LOGO_PATH } from './structuredData.ts';

const site = { name: 'CRBC News', url: 'https://news.example' };
const sections: Section[] = [{ slug: 'security', name: 'Security', position: 40 }];

function page(overrides: Parameters<typeof publishedFromDraft>[1] = {}): string {
  const article = publishedFromDraft(SEED_DRAFT, { id: 7, ...overrides });
  return renderDocument(
    <ArticlePage site={site} sections={sections} section={{ slug: 'security', name: 'Security' }} article={article} related={[]} trending={[]} />,
  );
}

/** Every JSON-LD block of a page, parsed. */
function jsonLd(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
}

describe('structured data on an article page', () => {
  it('describes the article as a NewsArticle with every property search engines require', () => {
    const [article, breadcrumbs] = jsonLd(page());
    assert.equal(article!['@type'], 'NewsArticle');
    for (const property of ['headline', 'datePublished', 'dateModified', 'author', 'publisher', 'articleSection', 'mainEntityOfPage']) {
      assert.ok(article![property], `NewsArticle.${property}`);
    }
    assert.equal(article!.headline, SEED_DRAFT.headline);
    assert.equal(article!.articleSection, 'Security');
    assert.equal(article!.publisher.logo.url, `https://news.example${LOGO_PATH}`);
    assert.equal(article!.mainEntityOfPage['@id'].startsWith('https://news.example/security/'), true);
    assert.equal(breadcrumbs!['@type'], 'BreadcrumbList');
    assert.deepEqual(breadcrumbs!.itemListElement.map((item: { name: string }) => item.name), ['CRBC News', 'Security', SEED_DRAFT.headline]);
  });

  it('credits a syndicated story to its source, and links the source as what it is based on', () => {
    const [article] = jsonLd(
      page({ byline: null, source: { name: 'Wire Service', url: 'https://wire.example/story', attribution: null, licenseName: null, licenseUrl: null } }),
    );
    assert.deepEqual(article!.author, [{ '@type': 'Organization', name: 'Wire Service', url: 'https://wire.example/story' }]);
    assert.equal(article!.isBasedOn, 'https://wire.example/story');
  });

  it('text that closes the script block stays inside it', () => {
    const html = page({ headline: 'Breaking </script><script>alert(1)</script> <!-- news' });
    const inline = (html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []);
    assert.deepEqual(inline, ['<script type="application/ld+json">', '<script type="application/ld+json">'], 'only the two JSON-LD blocks are inline');
    const [article] = jsonLd(html);
    assert.equal(article!.headline, 'Breaking </script><script>alert(1)</script> <!-- news');
  });

  it('says what kind of share card to show', () => {
    assert.match(page(), /<meta name="twitter:card" content="summary(_large_image)?"\/>/);
  });
});

/** The page's OpenGraph properties, in order. */
function openGraph(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<meta property="(og:[^"]+)" content="([^"]*)"\/>/g)].map((match) => [match[1]!, match[2]!]));
}

describe('the share image of an article page', () => {
  it('an article without a photo shows its drawn card, 1200×630, in OpenGraph and JSON-LD alike', () => {
    const html = page({ hero: null });
    const og = openGraph(html);
    assert.match(og.get('og:image') ?? '', /^https:\/\/news\.example\/media\/cards\/7\/[0-9a-f]{20}\.png$/);
    assert.equal(og.get('og:image:width'), '1200');
    assert.equal(og.get('og:image:height'), '630');
    assert.ok(og.get('og:image:alt'));
    assert.match(html, /<meta name="twitter:card" content="summary_large_image"\/>/);
    const [article] = jsonLd(html);
    assert.deepEqual(article!.image, [og.get('og:image')]);
  });

  it('the same article keeps its card address; a changed headline gets a new one', () => {
    const image = (html: string) => openGraph(html).get('og:image');
    assert.equal(image(page({ hero: null })), image(page({ hero: null })));
    assert.notEqual(image(page({ hero: null })), image(page({ hero: null, headline: 'A corrected headline' })));
  });

  it('an article with a photo of ours shows the photo, with its size', () => {
    const html = page({ hero: { url: '/media/images/0123456789abcdef0123/1600x900.jpg', alt: 'The harbour at dawn', caption: null, credit: null } });
    const og = openGraph(html);
    assert.equal(og.get('og:image'), 'https://news.example/media/images/0123456789abcdef0123/1600x900.jpg');
    assert.equal(og.get('og:image:width'), '1600');
    assert.equal(og.get('og:image:height'), '900');
    assert.equal(og.get('og:image:alt'), 'The harbour at dawn');
    assert.deepEqual(jsonLd(html)[0]!.image, ['https://news.example/media/images/0123456789abcdef0123/1600x900.jpg']);
  });
});
