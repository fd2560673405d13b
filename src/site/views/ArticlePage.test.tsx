import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Section } from '../../domain/index.ts';
import { renderDocument } from '../render.ts';
import { anatomyCheckerAvailable, cardOf, checkAnatomy, publishedFromDraft } from '../testing/articles.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { FEEDBACK_SCRIPT_SRC } from '../assets/feedbackScript.ts';
import { ArticlePage } from './ArticlePage.tsx';

const site = { name: 'CRBC News', url: 'https://news.example' };
const sections: Section[] = [
  { slug: 'world', name: 'World', position: 10 },
  { slug: 'security', name: 'Security', position: 40 },
];
const seed = publishedFromDraft(SEED_DRAFT, { id: 7 });
const other = cardOf(publishedFromDraft({ ...SEED_DRAFT, headline: 'Another story' }, { id: 8 }));

function render(article = seed, related = [other], trending = [other]): string {
  return renderDocument(
    <ArticlePage
      site={site}
      sections={sections}
      section={{ slug: 'security', name: 'Security' }}
      article={article}
      related={related}
      trending={trending}
    />,
  );
}

/** Index of `needle` in `html`, failing the test when it is absent. */
function at(html: string, needle: string): number {
  const index = html.indexOf(needle);
  assert.ok(index >= 0, `expected the page to contain ${needle}`);
  return index;
}

describe('ArticlePage', () => {
  it('passes the official anatomy check', () => {
    assert.ok(anatomyCheckerAvailable, 'the shared anatomy checker is beside the project');
    const { ok, report } = checkAnatomy(render());
    assert.ok(ok, report);
    assert.match(report, /anatomy 14\/14/);
  });

  it('is a whole document with head metadata', () => {
    const html = render();
    assert.ok(html.startsWith('<!doctype html><html lang="en">'));
    assert.match(html, /<meta charset="utf-8"\/>/);
    assert.match(html, /<meta name="viewport"/);
    assert.match(html, /<title>Iraq Says US Forces .* — CRBC News<\/title>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/news.example\/security\/iraq-says-us-forces/);
    assert.match(html, /<meta name="description" content="Iraq announced that US forces/);
    assert.match(html, /<meta property="og:type" content="article"\/>/);
    assert.match(html, /<meta property="og:title" content="Iraq Says/);
    // Structured data rides in script blocks of a data type, which browsers never run; the one program is the
    // feedback form's, a deferred file of this origin (the CSP allows no inline script).
    const programs = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '').match(/<script\b[^>]*>[^<]*<\/script>/gi);
    assert.deepEqual(programs, [`<script src="${FEEDBACK_SCRIPT_SRC}" defer></script>`]);
  });

  it('shows the story parts in reading order inside main > article', () => {
    const html = render();
    const order = [
      '<main id="main"',
      '<article class="story">',
      '<p class="kicker"><a href="/security">Security</a></p>',
      '<h1 class="headline">Iraq Says',
      '<time datetime="2026-01-18T09:30:00.000Z">',
      '<figure class="hero"><img src="/media/placeholder/security.svg"',
      '<figcaption><span class="caption">This aerial photo',
      '<span class="credit">Nasser Nasser/AP/File</span>',
      '<p class="summary-label" id="summary-label">Summary</p>',
      '<p>Iraq announced that US forces',
      '<p class="lede" id="p-0">Iraq’s government announced on Sunday',
      '<h2 id="part-1">Last Units Leave Al-Asad</h2>',
      '<h2 id="part-8">Outlook</h2>',
      '</article>',
      'Help us improve.',
      'Related Articles',
      'Trending',
      '</main>',
    ];
    const positions = order.map((needle) => at(html, needle));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
    assert.equal(html.match(/<h1/g)?.length, 1);
  });

  it('gives the hero image its alt text, size and eager loading', () => {
    const html = render();
    assert.match(html, /<img src="\/media\/placeholder\/security.svg" alt="This aerial photo[^"]*" width="1200" height="675" loading="eager"/);
  });

  it('prints the credit once even when the caption carries it', () => {
    const hero = { ...SEED_DRAFT.hero!, caption: `${SEED_DRAFT.hero!.caption} - Nasser Nasser/AP/File` };
    const html = render({ ...seed, hero });
    const figcaption = html.slice(at(html, '<figcaption>'), at(html, '</figcaption>'));
    assert.equal(figcaption.split('Nasser Nasser/AP/File').length - 1, 1);
  });

  it('keeps related and trending outside the story and never links the story itself', () => {
    const html = render(seed, [other], [other]);
    const afterStory = html.slice(at(html, '</article>'));
    assert.match(afterStory, /<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related Articles<\/h2>/);
    assert.match(afterStory, /<section class="trending" aria-labelledby="trending-heading"><h2 id="trending-heading">Trending<\/h2>/);
    assert.match(afterStory, /href="\/security\/another-story"/);
  });

  it('escapes hostile text instead of running it', () => {
    const html = render({ ...seed, headline: '<script>alert(1)</script> & "quotes"' });
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /<h1 class="headline">&lt;script>alert\(1\)&lt;\/script> &amp; &quot;quotes&quot;<\/h1>/);
  });

  it('credits a syndicated story to its source, with article and licence links', () => {
    const html = render({
      ...seed,
      byline: null,
      source: {
        name: 'Wikinews',
        url: 'https://en.wikinews.org/wiki/Example',
        attribution: 'From Wikinews, the free news source: "Example" (https://en.wikinews.org/wiki/Example), CC BY 2.5',
        licenseName: 'CC BY 2.5',
        licenseUrl: 'https://creativecommons.org/licenses/by/2.5/',
      },
    });
    assert.match(html, /<p class="byline">By Wikinews<\/p>/);
    assert.match(
      html,
      /From Wikinews, the free news source: &quot;Example&quot; \(<a href="https:\/\/en.wikinews.org\/wiki\/Example">https:\/\/en.wikinews.org\/wiki\/Example<\/a>\), CC BY 2.5 \(<a href="https:\/\/creativecommons.org\/licenses\/by\/2.5\/" rel="license">https:\/\/creativecommons.org\/licenses\/by\/2.5\/<\/a>\). Adapted for this site./,
    );
    assert.ok(at(html, 'Adapted for this site.') < at(html, '</article>'));
  });

  it('never turns a hostile stored URL into a link or an image source', () => {
    const html = render({
      ...seed,
      hero: { ...seed.hero!, url: 'javascript:alert(1)' },
      source: { name: 'Feed', url: 'javascript:alert(2)', attribution: null, licenseName: 'CC BY', licenseUrl: 'data:text/html,x' },
    });
    assert.doesNotMatch(html, /javascript:|data:text/);
    assert.match(html, /<img src="\/media\/placeholder\/security\.svg"/, 'the placeholder instead');
    assert.match(html, /<footer class="source-credit"><p>Source: Feed\.<\/p><\/footer>/, 'credited, unlinked');
  });

  it('shows an update time only for a real later edit', () => {
    assert.equal(render().match(/<time /g)?.length, 3, 'published time plus two list items');
    const edited = render({ ...seed, updatedAt: '2026-01-18T15:00:00.000Z' });
    assert.match(edited, /Updated <time datetime="2026-01-18T15:00:00.000Z">18 January 2026, 15:00 UTC<\/time>/);
    assert.match(edited, /<meta property="article:modified_time" content="2026-01-18T15:00:00.000Z"\/>/);
  });

  it('leaves out parts the article does not have', () => {
    const html = render({ ...seed, hero: null, summary: null, dek: null, byline: null });
    assert.doesNotMatch(html, /<figure/);
    assert.doesNotMatch(html, /summary-box/);
    assert.doesNotMatch(html, /class="byline"/);
    assert.match(html, /<meta name="description" content="Iraq’s government announced/);
  });

  it('shows the footer demo notice once, with Wikinews as a link', () => {
    const html = render();
    assert.equal(html.split('Demo articles are from Wikinews').length - 1, 1);
    assert.match(html, /Wikinews \(<a href="https:\/\/en.wikinews.org">https:\/\/en.wikinews.org<\/a>\), used under CC BY 2.5/);
    assert.match(html, /compilations "Wikinews sample articles" by Wouter van Atteveldt/);
  });
});
