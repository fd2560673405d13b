import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionParagraphs } from '../../domain/index.ts';
import { parsePageText } from '../../extract/index.ts';
import { findEntities, HEADLINE } from './findEntities.ts';
import type { Entity } from './types.ts';

const SEED = new URL('../../../../shared/fixtures/crbc-security-article.txt', import.meta.url);

/** The seed's headline and paragraphs; with `sectionTitles`, each section's title as a paragraph before it. */
function seedArticle(sectionTitles = false): { headline: string; paragraphs: string[] } {
  const draft = parsePageText(readFileSync(SEED, 'utf8'));
  const sections = draft.body.flatMap((section) => [...(sectionTitles ? [section.title] : []), ...sectionParagraphs(section)]);
  const paragraphs = [draft.summary, draft.lede, ...sections].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
  return { headline: draft.headline, paragraphs };
}

function bySlug(entities: readonly Entity[], slug: string): Entity {
  const entity = entities.find((e) => e.slug === slug);
  assert.ok(entity, `${slug} among ${entities.map((e) => e.slug).join(', ')}`);
  return entity;
}

describe('findEntities on the seed article', () => {
  const article = seedArticle();
  const entities = findEntities(article);

  test('finds the people, places and organisations the story names, typed', () => {
    const expected: [string, string, Entity['type']][] = [
      ['united-states', 'United States', 'place'],
      ['iraq', 'Iraq', 'place'],
      ['syria', 'Syria', 'place'],
      ['baghdad', 'Baghdad', 'place'],
      ['erbil', 'Erbil', 'place'],
      ['anbar', 'Anbar', 'place'],
      ['iran', 'Iran', 'place'],
      ['kurdistan', 'Kurdistan', 'place'],
      ['al-asad-air-base', 'Al-Asad Air Base', 'place'],
      ['harir-air-base', 'Harir Air Base', 'place'],
      ['kataib-hezbollah', 'Kataib Hezbollah', 'organization'],
      ['harakat-al-nujaba', 'Harakat al-Nujaba', 'organization'],
      ['iraqi-ministry-of-defense', 'Iraqi Ministry of Defense', 'organization'],
      ['us-central-command', 'US Central Command', 'organization'],
      ['joint-operations-command', 'Joint Operations Command', 'organization'],
      ['islamic-state', 'Islamic State', 'organization'],
      ['cnn', 'CNN', 'organization'],
      ['qasem-soleimani', 'Qasem Soleimani', 'person'],
    ];
    for (const [slug, name, type] of expected) {
      const entity = bySlug(entities, slug);
      assert.equal(entity.name, name);
      assert.equal(entity.type, type, slug);
    }
  });

  test('merges aliases: US and United States are one entity, the most mentioned', () => {
    const us = bySlug(entities, 'united-states');
    assert.deepEqual(us.aliases, ['US']);
    assert.equal(entities[0], us);
    assert.deepEqual(new Set(us.mentions.map((m) => m.text)), new Set(['US', 'United States']));
    assert.deepEqual(bySlug(entities, 'al-asad-air-base').aliases, ['Al-Asad'], 'the short form joins the base');
    assert.deepEqual(bySlug(entities, 'islamic-state').aliases, ['ISIS']);
  });

  test('names nothing that is only capitalised by position or title case', () => {
    const names = new Set(entities.flatMap((e) => [e.name, ...e.aliases]));
    for (const word of ['Says', 'Forces', 'Troops', 'Federal Territory', 'Units', 'Background', 'Notably', 'Coalition', 'Iraqi', 'Sunday']) {
      assert.ok(!names.has(word), word);
    }
  });

  test('every mention points at its text, in the headline or a paragraph', () => {
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        const source = mention.paragraph === HEADLINE ? article.headline : article.paragraphs[mention.paragraph]!;
        assert.equal(source.slice(mention.start, mention.end), mention.text);
      }
    }
    assert.ok(bySlug(entities, 'kurdistan').mentions.some((m) => m.paragraph === HEADLINE));
  });

  test('slugs are unique, and most mentioned comes first', () => {
    assert.equal(new Set(entities.map((e) => e.slug)).size, entities.length);
    for (let n = 1; n < entities.length; n++) assert.ok(entities[n - 1]!.mentions.length >= entities[n]!.mentions.length);
  });
});

describe('findEntities on the seed with its section titles as paragraphs', () => {
  const entities = findEntities(seedArticle(true));

  test('"Remaining U.S. Presence" adds U.S. to United States', () => {
    assert.deepEqual([...bySlug(entities, 'united-states').aliases].sort(), ['U.S.', 'US']);
  });

  test('title-cased heads name nothing new', () => {
    const names = new Set(entities.flatMap((e) => [e.name, ...e.aliases]));
    for (const word of ['Units', 'Remaining', 'Presence', 'Official Confirmations', 'Background', 'Security Context', 'Political', 'Strategic Implications', 'Impact', 'Militias', 'Outlook']) {
      assert.ok(!names.has(word), word);
    }
    assert.deepEqual(
      entities.map((e) => e.slug).sort(),
      findEntities(seedArticle(false)).map((e) => e.slug).sort(),
    );
  });
});

describe('slugs', () => {
  test('are the same for the same entity whatever form an article uses', () => {
    const slugOf = (text: string): string[] => findEntities({ headline: '', paragraphs: [text] }).map((e) => e.slug);
    assert.deepEqual(slugOf('Officials in the U.S. said so.'), ['united-states']);
    assert.deepEqual(slugOf('Officials in the United States said so.'), ['united-states']);
    assert.deepEqual(slugOf('Officials in the US said so.'), ['united-states']);
    assert.deepEqual(slugOf('The WHO and the World Health Organisation met.'), ['world-health-organization']);
  });

  test('an empty article, or names in a script slugs cannot spell, give no entities rather than empty slugs', () => {
    assert.deepEqual(findEntities({ headline: '', paragraphs: [] }), []);
    for (const entity of findEntities({ headline: 'Талибан', paragraphs: ['Встреча в Кабуле прошла спокойно.'] })) assert.ok(entity.slug.length > 0);
  });

  test('are stable from run to run', () => {
    const article = seedArticle();
    assert.deepEqual(findEntities(article), findEntities(article));
  });

  test('a surname alone joins the full name earlier in the article', () => {
    const entities = findEntities({ headline: 'Ministers meet', paragraphs: ['Suella Braverman spoke on Monday.', 'Later, Braverman said the plan would go ahead.'] });
    assert.equal(entities.length, 1);
    assert.equal(entities[0]!.slug, 'suella-braverman');
    assert.equal(entities[0]!.type, 'person');
    assert.equal(entities[0]!.mentions.length, 2);
  });
});
