import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parsePageText } from '../extract/index.ts';
import { DEMO_WIKINEWS_FILE, draftFromWikinews, type WikinewsRecord } from '../ingest/index.ts';
import { SEED_PAGE_FILE } from '../ingest/index.ts';
import { articleText } from './articleText.ts';
import { ENRICHMENT_VERSION, enrichArticle } from './enrichArticle.ts';

const seed = parsePageText(readFileSync(SEED_PAGE_FILE, 'utf8'));

test('the seed: its own sections kept, summary grounded in its paragraphs, entities, timeline, Security', () => {
  const enrichment = enrichArticle(seed, { now: new Date('2026-01-18T10:00:00Z') });
  assert.equal(enrichment.version, ENRICHMENT_VERSION);
  assert.equal(enrichment.sections, null, 'titled sections of its own are kept');
  assert.equal(enrichment.suggestedSection, 'security');
  assert.match(enrichment.simhash ?? '', /^[0-9a-f]{16}$/);

  const { paragraphs } = articleText(seed);
  assert.ok(enrichment.summary && enrichment.summary.sentences.length >= 3);
  for (const sentence of enrichment.summary.sentences) {
    const source = paragraphs[sentence.paragraph]!.slice(sentence.start, sentence.end);
    if (sentence.trimmed) assert.ok(source.includes(sentence.text) || source.endsWith(sentence.text.slice(1)), sentence.text);
    else assert.equal(sentence.text, source);
  }
  assert.ok(enrichment.summary.short.length <= 300);

  const slugs = new Set(enrichment.entities.map((e) => e.slug));
  for (const slug of ['kataib-hezbollah', 'erbil', 'iraq', 'united-states']) assert.ok(slugs.has(slug), `entity ${slug}`);
  const years = enrichment.timeline.map((fact) => fact.date.slice(0, 4));
  for (const year of ['2003', '2011', '2014', '2020', '2021', '2024']) assert.ok(years.includes(year), `timeline ${year}`);
  assert.deepEqual([...years].sort(), years, 'in time order');
});

test('every demo story enriches; an untitled long story is cut into titled sections', () => {
  const records = readFileSync(DEMO_WIKINEWS_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WikinewsRecord);
  let sectioned = 0;
  for (const record of records) {
    const draft = draftFromWikinews(record);
    const enrichment = enrichArticle(draft);
    const { paragraphs } = articleText(draft);
    for (const sentence of enrichment.summary?.sentences ?? []) {
      assert.ok(sentence.trimmed || paragraphs[sentence.paragraph]?.slice(sentence.start, sentence.end) === sentence.text);
    }
    if (enrichment.sections && enrichment.sections.some((s) => s.title)) sectioned += 1;
  }
  assert.ok(sectioned > 0, 'some long demo stories get titled sections');
});
