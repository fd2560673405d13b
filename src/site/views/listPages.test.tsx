import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Section } from '../../domain/index.ts';
import { renderDocument } from '../render.ts';
import { cardOf, publishedFromDraft } from '../testing/articles.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { ErrorPage } from './ErrorPage.tsx';
import { Home } from './Home.tsx';
import { SectionFront } from './SectionFront.tsx';

const site = { name: 'CRBC News', url: 'https://news.example' };
const security: Section = { slug: 'security', name: 'Security', position: 40 };
const world: Section = { slug: 'world', name: 'World', position: 10 };
const lead = cardOf(publishedFromDraft(SEED_DRAFT, { id: 1 }));
const second = cardOf(publishedFromDraft({ ...SEED_DRAFT, headline: 'Second story', summary: null, dek: 'A dek.' }, { id: 2 }));

describe('Home', () => {
  const html = renderDocument(
    <Home site={site} sections={[world, security]} lead={lead} blocks={[{ section: security, articles: [second] }]} />,
  );

  it('leads with the newest story, then one block per section linking to its front', () => {
    assert.ok(html.indexOf('class="lead-story"') < html.indexOf('class="section-block"'));
    assert.match(html, /<h2 class="lead-headline"><a href="\/security\/iraq-says/);
    assert.match(html, /<img src="\/media\/placeholder\/security.svg" alt(="")? width="1200" height="675" loading="eager"/);
    assert.match(html, /<h2 class="section-heading" id="block-security"><a href="\/security">Security<\/a><\/h2>/);
    assert.match(html, /<h3 class="card-headline"><a href="\/security\/second-story">Second story<\/a><\/h3>/);
    assert.match(html, /<p class="card-text">A dek.<\/p>/);
  });

  it('has exactly one h1, a brand link that is not a heading, and the section nav', () => {
    assert.equal(html.match(/<h1/g)?.length, 1);
    assert.match(html, /<a class="brand" href="\/">CRBC News<\/a>/);
    assert.match(html, /<nav class="site-nav" aria-label="Sections">.*href="\/world">World<\/a>.*href="\/security">Security<\/a>/);
    assert.match(html, /<a class="skip-link" href="#main">/);
  });

  it('says so when nothing is published yet', () => {
    const empty = renderDocument(<Home site={site} sections={[]} lead={null} blocks={[]} />);
    assert.match(empty, /No stories have been published yet/);
    assert.doesNotMatch(empty, /aria-label="Sections"/);
  });
});

describe('SectionFront', () => {
  const page = (n: number, pageCount: number) =>
    renderDocument(
      <SectionFront site={site} sections={[security]} section={security} articles={[lead, second]} page={n} pageCount={pageCount} total={45} />,
    );

  it('links the neighbouring pages in head and in a visible nav', () => {
    const html = page(2, 3);
    assert.match(html, /<link rel="prev" href="\/security"\/>/);
    assert.match(html, /<link rel="next" href="\/security\?page=3"\/>/);
    assert.match(html, /<nav class="pagination" aria-label="Pages">/);
    assert.match(html, /<a href="\/security" rel="prev">/);
    assert.match(html, /<a href="\/security\?page=3" rel="next">/);
    assert.match(html, /<link rel="canonical" href="https:\/\/news.example\/security\?page=2"\/>/);
    assert.match(html, /<title>Security \(page 2\) — CRBC News<\/title>/);
  });

  it('has no prev on the first page and no next on the last', () => {
    assert.doesNotMatch(page(1, 3), /rel="prev"/);
    assert.doesNotMatch(page(3, 3), /rel="next"/);
    assert.doesNotMatch(page(1, 1), /class="pagination"/);
  });

  it('lists cards as h2 under the section h1, marking the section current in the nav', () => {
    const html = page(1, 1);
    assert.match(html, /<h1 class="front-title">Security<\/h1>/);
    assert.equal(html.match(/<h2 class="card-headline">/g)?.length, 2);
    assert.match(html, /<time datetime="2026-01-18T09:30:00.000Z">18 January 2026<\/time>/);
    assert.match(html, /href="\/security" aria-current="page"/);
  });
});

describe('ErrorPage', () => {
  it('explains a 404 with a way home', () => {
    const html = renderDocument(<ErrorPage site={site} sections={[]} statusCode={404} />);
    assert.match(html, /<h1>Page not found<\/h1>/);
    assert.match(html, /<a href="\/">Go to the CRBC News home page<\/a>/);
    assert.match(html, /Demo articles are from Wikinews/);
  });

  it('never shows detail on a 500', () => {
    const html = renderDocument(<ErrorPage site={site} sections={[]} statusCode={500} detail="secret internals" />);
    assert.match(html, /Something went wrong/);
    assert.doesNotMatch(html, /secret internals/);
  });
});
