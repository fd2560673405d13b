/** What enrichment adds to an article page: the Timeline box and proposed headings over an untitled body. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  paragraphSection,
  type ArticleSummary,
  type ProposedSection,
  type PublishedArticle,
  type Section,
  type TimelineFact,
} from '../../domain/index.ts';
import { enrichArticle } from '../../enrich/enrichArticle.ts';
import { renderDocument } from '../render.ts';
import { anatomyCheckerAvailable, checkAnatomy, publishedFromDraft } from '../testing/articles.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { ArticlePage } from './ArticlePage.tsx';

const site = { name: 'CRBC News', url: 'https://news.example' };
const sections: Section[] = [{ slug: 'world', name: 'World', position: 10 }];
const seed = publishedFromDraft(SEED_DRAFT, { id: 7 });
const seedEnrichment = enrichArticle(SEED_DRAFT, { now: new Date('2026-01-18T10:00:00Z') });

interface Enrichment {
  timeline?: TimelineFact[];
  proposedSections?: ProposedSection[] | null;
  automaticSummary?: ArticleSummary | null;
}

/** The seed's page lists related stories (an empty list leaves the region out, as the page does). */
const RELATED = [
  { id: 901, slug: 'iran-strikes-al-asad-air-base', section: 'security', headline: 'Iran strikes Al-Asad air base', publishedAt: '2020-01-08T00:00:00.000Z' },
];

function render(article: PublishedArticle, enrichment: Enrichment = {}): string {
  return renderDocument(
    <ArticlePage
      site={site}
      sections={sections}
      section={{ slug: article.section, name: article.section }}
      article={article}
      related={RELATED}
      trending={[]}
      {...enrichment}
    />,
  );
}

function fact(date: string, label: string, paragraph: number, figures: string[] = []): TimelineFact {
  const precision = date.split('/')[0]!.length === 4 ? 'year' : date.split('/')[0]!.length === 7 ? 'month' : 'day';
  return { date, precision, label, figures, sentence: { text: `${label}.`, paragraph, start: 0, end: label.length + 1 } };
}

/** The HTML between the opening of the element that starts with `start` and the next `end` after it. */
function slice(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `expected the page to contain ${start}`);
  return html.slice(from, html.indexOf(end, from) + end.length);
}

/** Ids a `#fragment` link on the page can land on. */
function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!));
}

describe('Timeline box', () => {
  it('lists the seed’s dated facts in an ordered list under a labelled heading, each linked to its paragraph', () => {
    assert.ok(seedEnrichment.timeline.length >= 2);
    const html = render(seed, { timeline: seedEnrichment.timeline });
    const box = slice(html, '<section class="timeline-box"', '</section>');
    assert.match(box, /^<section class="timeline-box" aria-labelledby="timeline-heading"><h2 id="timeline-heading">Timeline<\/h2>/);
    const items = [...box.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1]!);
    assert.equal(items.length, seedEnrichment.timeline.length);
    assert.match(box, /<a href="#p-\d+"><span class="timeline-date"><time datetime="2003">2003<\/time><\/span> <span class="timeline-label">2003 invasion<\/span><\/a>/);
    assert.match(box, /<time datetime="2020-01">January 2020<\/time>/);
    assert.match(box, /<time datetime="2003">2003<\/time>–<time datetime="2011">2011<\/time>/, 'an interval');
    const anchors = ids(html);
    for (const [, target] of box.matchAll(/href="#([^"]+)"/g)) assert.ok(anchors.has(target!), `#${target} exists on the page`);
    assert.ok(html.indexOf('</div>', html.indexOf('class="story-body"')) < html.indexOf('timeline-box'), 'after the body');
    assert.ok(html.indexOf('timeline-box') < html.indexOf('</article>'), 'inside the story');
  });

  it('leaves the seed’s anatomy as it was', () => {
    assert.ok(anatomyCheckerAvailable, 'the shared anatomy checker is beside the project');
    const html = render(seed, { timeline: seedEnrichment.timeline, proposedSections: seedEnrichment.sections });
    const { ok, report } = checkAnatomy(html);
    assert.ok(ok, report);
    assert.match(report, /anatomy 14\/14/);
    const withoutBox = html.replace(slice(html, '<section class="timeline-box"', '</section>'), '');
    assert.equal(withoutBox, render(seed), 'the timeline box is the only change');
  });

  it('shows figures the label does not already say, and a day as "5 Dec 2021"', () => {
    const html = render(seed, {
      timeline: [fact('2021-12', 'end of its combat mission', 4, ['2,500 personnel']), fact('2021-12-05/2022-01-03', 'talks', 2, ['talks'])],
    });
    const box = slice(html, '<section class="timeline-box"', '</section>');
    assert.match(box, /end of its combat mission<\/span><\/a><span class="timeline-figures"> · 2,500 personnel<\/span>/);
    assert.match(box, /<time datetime="2021-12-05">5 Dec 2021<\/time> – <time datetime="2022-01-03">3 Jan 2022<\/time>/);
    assert.doesNotMatch(box, /timeline-figures"> · talks/);
  });

  it('needs two facts, and links a fact only to a paragraph the page has', () => {
    assert.doesNotMatch(render(seed, { timeline: [fact('2003', 'invasion', 4)] }), /timeline-box/);
    const html = render(seed, { timeline: [fact('2003', 'invasion', 4), fact('2011', 'withdrawal', 99)] });
    assert.match(html, /<a href="#p-4"><span class="timeline-date">/);
    assert.doesNotMatch(html, /href="#p-99"/);
    assert.match(html, /<li><span class="timeline-date"><time datetime="2011">2011<\/time><\/span> <span class="timeline-label">withdrawal<\/span><\/li>/);
  });
});

describe('proposed headings', () => {
  const untitled = publishedFromDraft(
    {
      ...SEED_DRAFT,
      headline: 'Port strike enters second week',
      summary: null,
      body: [paragraphSection(null, ['First body.', 'Second body.', 'Third body.', 'Fourth body.', 'Fifth body.'])],
    },
    { id: 9 },
  );
  const proposed: ProposedSection[] = [
    { title: null, paragraphs: [0, 1, 2] },
    { title: 'Talks Stall', paragraphs: [3, 4] },
    { title: 'Shipping Backs Up', paragraphs: [5] },
  ];
  const summary: ArticleSummary = {
    sentences: [{ text: 'Fourth body.', paragraph: 4, start: 0, end: 12, trimmed: false }],
    short: 'Fourth body.',
  };

  it('groups an untitled body under the proposed titles as h2 sections, with a note that they were added', () => {
    const html = render(untitled, { proposedSections: proposed, automaticSummary: summary });
    const body = slice(html, '<div class="story-body">', '</div>');
    assert.match(body, /<p class="headings-note">The headings below were added automatically, from the article’s own words.<\/p>/);
    assert.match(
      body,
      /<section aria-labelledby="part-2"><h2 id="part-2">Talks Stall<\/h2><p id="p-3">Third body.<\/p><p id="p-4">Fourth body.<\/p><\/section>/,
    );
    assert.match(body, /<h2 id="part-3">Shipping Backs Up<\/h2><p id="p-5">Fifth body.<\/p>/);
    assert.match(body, /<section><p id="p-1">First body.<\/p><p id="p-2">Second body.<\/p><\/section>/, 'the lead stays untitled');
    assert.ok(body.indexOf('class="lede"') < body.indexOf('headings-note'), 'the note follows the lede');
    // The summary's link still lands on its sentence's paragraph.
    assert.match(html, /<a href="#p-4">Fourth body.<\/a>/);
    assert.ok(ids(html).has('p-4'));
  });

  it('keeps the body as it came when the proposal does not fit it, and never shows the note then', () => {
    const html = render(untitled, { proposedSections: [{ title: 'Too Short', paragraphs: [0, 1] }] });
    assert.doesNotMatch(html, /headings-note|Too Short/);
    assert.equal(html, render(untitled));
  });
});
