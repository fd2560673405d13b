import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleEnrichment, TimelineFact } from './enrichment.ts';
import { effectiveEnrichment, parseOverride } from './enrichmentOverrides.ts';
import { ValidationError } from './errors.ts';

const FACT: TimelineFact = {
  date: '2020-01',
  precision: 'month',
  label: 'ballistic-missile strike',
  figures: [],
  sentence: { text: 'In January 2020 Iran struck the base.', paragraph: 3, start: 0, end: 37 },
};

function enrichment(overrides: ArticleEnrichment['overrides']): ArticleEnrichment {
  return {
    articleId: 1,
    version: 1,
    enrichedAt: '2026-01-18T10:00:00.000Z',
    summary: { sentences: [{ text: 'Computed.', paragraph: 1, start: 0, end: 9, trimmed: false }], short: 'Computed.' },
    sections: [{ title: null, paragraphs: [0, 1] }, { title: 'Computed Title', paragraphs: [2, 3] }],
    entities: [{ slug: 'iraq', name: 'Iraq', type: 'place', aliases: [], mentions: 4 }],
    timeline: [FACT],
    suggestedSection: 'world',
    sectionConfidence: 0.6,
    simhash: '0123456789abcdef',
    storyId: null,
    nearDuplicateOf: null,
    overrides,
  };
}

/** The ValidationError message `parse` throws; fails the test when it throws nothing or something else. */
function problem(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    assert.ok(error instanceof ValidationError, String(error));
    return error.message;
  }
  assert.fail('expected a ValidationError');
}

describe('parseOverride', () => {
  it('accepts each field in its stored shape and keeps only the keys the field has', () => {
    const summary = { sentences: [{ text: 'Edited.', paragraph: 0, start: 0, end: 7, trimmed: false, extra: 1 }], short: 'Edited.' };
    assert.deepEqual(parseOverride('summary', summary), {
      sentences: [{ text: 'Edited.', paragraph: 0, start: 0, end: 7, trimmed: false }],
      short: 'Edited.',
    });
    assert.deepEqual(parseOverride('sections', [{ title: null, paragraphs: [0] }, { title: 'Later', paragraphs: [1, 2] }]), [
      { title: null, paragraphs: [0] },
      { title: 'Later', paragraphs: [1, 2] },
    ]);
    assert.deepEqual(parseOverride('entities', [{ slug: 'erbil', name: 'Erbil', type: 'place' }]), [
      { slug: 'erbil', name: 'Erbil', type: 'place', aliases: [], mentions: 1 },
    ]);
    assert.deepEqual(parseOverride('timeline', [{ ...FACT, date: '2003/2011', precision: undefined }]), [
      { ...FACT, date: '2003/2011', precision: 'year' },
    ]);
    assert.equal(parseOverride('section', 'security'), 'security');
  });

  it('names the field and the problem of a bad shape', () => {
    assert.match(problem(() => parseOverride('summary', 'just text')), /^summary: must be an object/);
    assert.match(problem(() => parseOverride('summary', { sentences: [], short: 'x'.repeat(301) })), /summary\.short: must be at most 300/);
    assert.match(
      problem(() => parseOverride('summary', { sentences: [{ text: 'A.', paragraph: -1, start: 0, end: 2, trimmed: false }], short: 'A.' })),
      /summary\.sentences\[0\]\.paragraph: must be a whole number/,
    );
    assert.match(
      problem(() => parseOverride('summary', { sentences: [{ text: 'A.', paragraph: 0, start: 5, end: 2, trimmed: false }], short: 'A.' })),
      /\.end: must not be before start/,
    );
    assert.match(problem(() => parseOverride('sections', [{ title: 'A', paragraphs: [1, 2] }])), /^sections: must take paragraphs 0, 1, 2/);
    assert.match(problem(() => parseOverride('sections', [{ title: '  ', paragraphs: [0] }])), /sections\[0\]\.title: must be non-empty/);
    assert.match(
      problem(() => parseOverride('entities', [{ slug: 'Not A Slug', name: 'X', type: 'place' }])),
      /entities\[0\]\.slug: must be a slug/,
    );
    assert.match(problem(() => parseOverride('entities', [{ slug: 'x', name: 'X', type: 'thing' }])), /entities\[0\]\.type: must be one of/);
    assert.match(
      problem(() =>
        parseOverride('entities', [
          { slug: 'iraq', name: 'Iraq', type: 'place' },
          { slug: 'iraq', name: 'Republic of Iraq', type: 'place' },
        ]),
      ),
      /entities\[1\]\.slug: "iraq" is listed twice/,
    );
    assert.match(problem(() => parseOverride('timeline', [{ ...FACT, date: '2021-02-30' }])), /timeline\[0\]\.date: "2021-02-30" has no day 30/);
    assert.match(problem(() => parseOverride('timeline', [{ ...FACT, date: 'last year' }])), /is not a date like 2003/);
    assert.match(problem(() => parseOverride('timeline', [{ ...FACT, precision: 'day' }])), /timeline\[0\]\.precision: must be "month"/);
    assert.match(problem(() => parseOverride('section', 'Sport & Leisure')), /^section: must be a slug/);
  });
});

describe('effectiveEnrichment', () => {
  it('shows the computed values when there is no override', () => {
    const computed = enrichment({});
    assert.deepEqual(effectiveEnrichment(computed), computed);
  });

  it('puts every valid override in place of the computed value', () => {
    const summary = { sentences: [], short: 'Written by an editor.' };
    const sections = [{ title: 'Editor Title', paragraphs: [0, 1, 2, 3] }];
    const entities = [{ slug: 'erbil', name: 'Erbil', type: 'place', aliases: [], mentions: 2 }];
    const effective = effectiveEnrichment(enrichment({ summary, sections, entities, timeline: [], section: 'security' }));
    assert.deepEqual(effective.summary, summary);
    assert.deepEqual(effective.sections, sections);
    assert.deepEqual(effective.entities, entities);
    assert.deepEqual(effective.timeline, []);
    assert.equal(effective.suggestedSection, 'security');
    assert.equal(effective.sectionConfidence, null);
  });

  it('ignores an override that does not pass, field by field', () => {
    const computed = enrichment({});
    const effective = effectiveEnrichment(
      enrichment({
        summary: { sentences: 'not a list', short: 'Broken.' },
        entities: [{ slug: 'BAD SLUG', name: 'x', type: 'place' }],
        timeline: [FACT, FACT],
        section: 42,
      }),
    );
    assert.deepEqual(effective.summary, computed.summary);
    assert.deepEqual(effective.entities, computed.entities);
    assert.deepEqual(effective.timeline, [FACT, FACT], 'the valid override still applies');
    assert.equal(effective.suggestedSection, 'world');
    assert.equal(effective.sectionConfidence, 0.6);
  });
});
