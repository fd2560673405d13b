import assert from 'node:assert/strict';
import { it } from 'node:test';
import { paragraphSection } from '../../domain/index.ts';
import { publishedFromDraft } from '../testing/articles.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { articleHtml } from './articleHtml.tsx';

const SITE_URL = 'https://news.example';

it('renders the body with section titles, escaped text and the source credit', () => {
  const article = publishedFromDraft({
    ...SEED_DRAFT,
    dek: 'A <dek> & more',
    body: [paragraphSection('First <part>', ['One & two <script>alert(1)</script>'])],
    source: { name: 'Wikinews', url: 'https://en.wikinews.org/wiki/X', attribution: null, licenseName: 'CC BY 2.5', licenseUrl: 'https://creativecommons.org/licenses/by/2.5/' },
  });
  const html = articleHtml(article, SITE_URL);
  assert.ok(html.includes('<p><strong>A &lt;dek> &amp; more</strong></p>'), html);
  assert.ok(html.includes('<h2>First &lt;part></h2>'));
  assert.ok(html.includes('<p>One &amp; two &lt;script>alert(1)&lt;/script></p>'));
  assert.ok(!html.includes('<script>'));
  assert.match(html, /Source: <a href="https:\/\/en\.wikinews\.org\/wiki\/X">Wikinews<\/a>/);
  assert.match(html, /rel="license"/);
});

it('draws photos with files at absolute addresses and leaves out photos without one', () => {
  const withFile = publishedFromDraft({ ...SEED_DRAFT, hero: { url: '/media/a.jpg', alt: 'Alt', caption: 'A caption.', credit: 'AP' } });
  assert.match(articleHtml(withFile, SITE_URL), /<figure><img src="https:\/\/news\.example\/media\/a\.jpg" alt="Alt"\/><figcaption>A caption\. AP<\/figcaption><\/figure>/);
  const hostileUrl = publishedFromDraft({ ...SEED_DRAFT, hero: { url: 'javascript:alert(1)', alt: 'x', caption: 'c', credit: null } });
  assert.ok(!articleHtml(hostileUrl, SITE_URL).includes('<figure'));
  const noFile = publishedFromDraft({ ...SEED_DRAFT, hero: { url: null, alt: 'x', caption: 'Only words', credit: null } });
  assert.ok(!articleHtml(noFile, SITE_URL).includes('Only words'));
});
