import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from './errors.ts';
import { DEFAULT_SECTIONS, RESERVED_SECTION_SLUGS, requireFreeSectionSlug, sectionFromName } from './section.ts';
import { isSlug } from './slug.ts';

describe('reserved section slugs', () => {
  it('refuse a section at one of the site\'s own addresses, saying what is served there', () => {
    assert.throws(() => requireFreeSectionSlug(sectionFromName('Topic')), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.message, 'Section "Topic" cannot be created: its address /topic is where the site serves topic pages. Choose another name.');
      return true;
    });
    for (const slug of RESERVED_SECTION_SLUGS.keys()) {
      assert.ok(isSlug(slug), `${slug} is a slug, or no section could take it anyway`);
      assert.throws(() => requireFreeSectionSlug({ slug, name: slug }), ValidationError, slug);
    }
  });

  it('let every other name through: near misses, the demo sections, and names an object already has', () => {
    for (const name of ['Topics', 'Stories', 'Sources', 'Archives', 'Video', 'Research', 'Constructor', 'To String', '__proto__']) {
      assert.doesNotThrow(() => requireFreeSectionSlug(sectionFromName(name)), name);
    }
    for (const section of DEFAULT_SECTIONS) assert.doesNotThrow(() => requireFreeSectionSlug(section), section.name);
  });
});
