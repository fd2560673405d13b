import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parsePageText } from '../../extract/index.ts';
import { sectionParagraphs } from '../../domain/index.ts';
import { sectionize, MIN_PARAGRAPHS_TO_CUT, type TitledSection } from './index.ts';
import { loadWikinewsParagraphs } from './segmentationScore.ts';

const SEED = new URL('../../../../shared/fixtures/crbc-security-article.txt', import.meta.url);
const seed = parsePageText(readFileSync(SEED, 'utf8'));
const seedBody = seed.body.map(sectionParagraphs);

/** Every word of every title stands in its own section (case aside), and the shape rules hold. */
function assertTitlesFromTheirSections(paragraphs: readonly string[], headline: string, sections: readonly TitledSection[]): void {
  const titles: string[] = [];
  for (const section of sections) {
    if (section.title === null) continue;
    const text = section.paragraphs.map((p) => paragraphs[p]).join(' ').toLowerCase();
    const words = section.title.split(/\s+/);
    assert.ok(words.length >= 2 && words.length <= 6, `title "${section.title}" has ${words.length} words`);
    for (const word of words) {
      assert.ok(text.includes(word.toLowerCase()), `"${word}" of "${section.title}" is not in its section`);
      assert.match(word, /^[^\p{Ll}]/u, `"${word}" of "${section.title}" is not Title Case`);
    }
    assert.notEqual(section.title.toLowerCase(), headline.toLowerCase());
    titles.push(section.title.toLowerCase());
  }
  assert.equal(new Set(titles).size, titles.length, `titles repeat: ${titles.join(' | ')}`);
}

function assertCoversInOrder(count: number, sections: readonly TitledSection[]): void {
  assert.deepEqual(sections.flatMap((s) => s.paragraphs), Array.from({ length: count }, (_, i) => i));
  for (const section of sections) assert.ok(section.paragraphs.length > 0, 'an empty section');
}

describe('sectionize', () => {
  test('the seed keeps its 8 titled sections', () => {
    const paragraphs = seedBody.flat();
    let next = 0;
    const sections = seedBody.map((texts, i) => ({ title: seed.body[i]!.title, paragraphs: texts.map(() => next++) }));
    const result = sectionize({ headline: seed.headline, paragraphs, sections });
    assert.equal(result.length, 8);
    assert.deepEqual(result, sections);
  });

  test('the seed with its lede in front: an untitled lead, then the same 8 sections', () => {
    const paragraphs = [seed.lede!, ...seedBody.flat()];
    let next = 1;
    const sections = seedBody.map((texts, i) => ({ title: seed.body[i]!.title, paragraphs: texts.map(() => next++) }));
    const result = sectionize({ headline: seed.headline, paragraphs, sections });
    assert.deepEqual(result, [{ title: null, paragraphs: [0] }, ...sections]);
  });

  test('the seed without its titles is cut into 3–8 sections titled from their own words', () => {
    const paragraphs = [seed.lede!, ...seedBody.flat()];
    const result = sectionize({ headline: seed.headline, paragraphs });
    assert.ok(result.length >= 3 && result.length <= 8, `${result.length} sections`);
    assertCoversInOrder(paragraphs.length, result);
    assert.equal(result[0]!.title, null, 'the lead stays untitled');
    for (const section of result.slice(1)) assert.ok(section.title, 'a section after the lead without a title');
    for (const section of result) assert.ok(section.paragraphs.length >= 2, 'a one-paragraph section where two fit');
    assertTitlesFromTheirSections(paragraphs, seed.headline, result);
  });

  test('a short article is one untitled section', () => {
    const paragraphs = seedBody.flat().slice(0, MIN_PARAGRAPHS_TO_CUT - 1);
    assert.deepEqual(sectionize({ headline: seed.headline, paragraphs }), [{ title: null, paragraphs: [0, 1, 2, 3, 4] }]);
    assert.deepEqual(sectionize({ headline: 'Nothing', paragraphs: [] }), []);
  });

  test('sections given without any title are cut afresh', () => {
    const paragraphs = [seed.lede!, ...seedBody.flat()];
    const result = sectionize({ headline: seed.headline, paragraphs, sections: [{ title: null, paragraphs: paragraphs.map((_, i) => i) }] });
    assert.ok(result.length >= 3);
  });

  test('every long Wikinews story gets 3–8 sections of 2+ paragraphs whose titles come from their own words', () => {
    const stories = loadWikinewsParagraphs().filter((story) => story.paragraphs.length >= MIN_PARAGRAPHS_TO_CUT);
    assert.ok(stories.length > 500);
    for (const story of stories) {
      const result = sectionize({ headline: story.title, paragraphs: story.paragraphs });
      assertCoversInOrder(story.paragraphs.length, result);
      assert.ok(result.length >= 3 && result.length <= 8, `${story.title}: ${result.length} sections`);
      for (const section of result) assert.ok(section.paragraphs.length >= 2, `${story.title}: a one-paragraph section`);
      assertTitlesFromTheirSections(story.paragraphs, story.title, result);
    }
  });

  test('any list of paragraphs is covered once, in order, in contiguous sections', () => {
    const paragraph = fc.oneof(fc.string(), fc.lorem({ maxCount: 40, mode: 'sentences' }), fc.constantFrom(...seedBody.flat()));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 40 }), fc.string(), (paragraphs, headline) => {
        const result = sectionize({ headline, paragraphs });
        assertCoversInOrder(paragraphs.length, result);
        if (paragraphs.length >= MIN_PARAGRAPHS_TO_CUT) assert.ok(result.length >= 3 && result.length <= 8);
        for (const section of result) if (section.title !== null) assert.ok(section.title.trim().length > 0);
      }),
      { numRuns: 300 },
    );
  });

  test('given sections with gaps, overlaps and disorder still come back whole and in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.record({ title: fc.option(fc.string({ minLength: 1 }), { nil: null }), paragraphs: fc.array(fc.integer({ min: -2, max: 32 })) }), { minLength: 1 }),
        (count, given) => {
          const sections = [{ title: 'Titled', paragraphs: [] as number[] }, ...given];
          const result = sectionize({ headline: 'H', paragraphs: Array.from({ length: count }, (_, i) => `Paragraph ${i}.`), sections });
          assertCoversInOrder(count, result);
        },
      ),
    );
  });
});

test('words that name Object.prototype members are words like any other', () => {
  // "constructor" once reached the lexicon's prototype and crashed the title finder.
  const paragraphs = ['constructor', 'The constructor said __proto__ and toString met on Monday.', 'hasOwnProperty valueOf prototype', 'CRBC News'];
  assert.doesNotThrow(() => sectionize({ headline: 'constructor', paragraphs: [...paragraphs, ...paragraphs, ...paragraphs] }));
});
