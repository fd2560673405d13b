import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, ValidationError, type ArticleEnrichment, type ArticleEntity } from '../domain/index.ts';
import type { NewArticle } from './index.ts';
import { describeOnBothDialects } from './testing/targets.ts';

let serial = 0;
function newArticle(slug?: string): NewArticle {
  serial += 1;
  slug ??= `overridden-${serial}`;
  const at = new Date(Date.UTC(2024, 5, 1, 10, serial)).toISOString();
  return {
    slug,
    section: 'world',
    sourceKey: `test:overridden-${serial}`,
    contentHash: `hash-${serial}`,
    headline: `Overridden ${serial}`,
    dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null, provenance: null,
    status: 'published',
    publishedAt: at, createdAt: at, updatedAt: at,
  };
}

const COMPUTED: ArticleEntity = { slug: 'baghdad', name: 'Baghdad', type: 'place', aliases: [], mentions: 3 };
const EDITOR: ArticleEntity = { slug: 'ain-al-asad-air-base', name: 'Ain al-Asad Air Base', type: 'place', aliases: ['Al-Asad'], mentions: 2 };

function computed(articleId: number, entities: ArticleEntity[] = [COMPUTED]): Omit<ArticleEnrichment, 'overrides'> {
  return {
    articleId,
    version: 1,
    enrichedAt: '2024-06-02T08:00:00.000Z',
    summary: null,
    sections: null,
    entities,
    timeline: [],
    suggestedSection: 'world',
    sectionConfidence: 0.5,
    simhash: null,
    storyId: null,
    nearDuplicateOf: null,
  };
}

describeOnBothDialects('enrichment overrides', (store) => {
  const idsFor = (slug: string) => store().enrichments.articleIdsForEntity(slug, 1000);

  test('a value of the wrong shape is refused and nothing is stored', async () => {
    const article = await store().articles.insert(newArticle());
    await store().enrichments.save(computed(article.id));
    await assert.rejects(store().enrichments.setOverride(article.id, 'summary', { short: 'No sentences.' }), ValidationError);
    await assert.rejects(
      store().enrichments.setOverride(article.id, 'entities', [{ slug: 'Not a slug', name: 'X', type: 'place' }]),
      /entities\[0\]\.slug: must be a slug/,
    );
    assert.deepEqual((await store().enrichments.find(article.id))?.overrides, {});
    assert.ok((await idsFor('baghdad')).includes(article.id));
  });

  test('an entities override rewrites the topic index, survives re-enrichment, and clearing it restores the computed one', async () => {
    const article = await store().articles.insert(newArticle());
    await store().enrichments.save(computed(article.id));
    await store().enrichments.setOverride(article.id, 'entities', [EDITOR]);
    assert.ok((await idsFor(EDITOR.slug)).includes(article.id));
    assert.ok(!(await idsFor(COMPUTED.slug)).includes(article.id), 'the computed entity no longer lists it');
    assert.deepEqual(await store().enrichments.findEntity(EDITOR.slug), { slug: EDITOR.slug, name: EDITOR.name, type: 'place' });

    // Re-enrichment computes its own list again; the editor's is what stays indexed.
    await store().enrichments.save(computed(article.id, [COMPUTED, { ...COMPUTED, slug: 'iraq', name: 'Iraq' }]));
    assert.ok((await idsFor(EDITOR.slug)).includes(article.id));
    assert.ok(!(await idsFor('iraq')).includes(article.id));
    assert.deepEqual((await store().enrichments.find(article.id))?.overrides.entities, [EDITOR]);
    assert.equal((await store().enrichments.find(article.id))?.entities.length, 2, 'the computed list is kept beside it');

    await store().enrichments.setOverride(article.id, 'entities', undefined);
    assert.ok(!(await idsFor(EDITOR.slug)).includes(article.id));
    assert.ok((await idsFor('iraq')).includes(article.id));
  });

  test('a section override moves the article; re-enrichment does not move it back', async () => {
    const article = await store().articles.insert(newArticle());
    await store().enrichments.save(computed(article.id));
    await store().enrichments.setOverride(article.id, 'section', 'security');
    assert.equal((await store().articles.findPublished('security', article.slug))?.id, article.id);
    assert.equal(await store().articles.findPublished('world', article.slug), undefined);
    await store().enrichments.save(computed(article.id));
    assert.equal((await store().articles.findById(article.id))?.section, 'security');
    assert.equal((await store().enrichments.find(article.id))?.overrides.section, 'security');

    // Clearing the override leaves the article where the editor put it.
    await store().enrichments.setOverride(article.id, 'section', undefined);
    assert.equal((await store().articles.findById(article.id))?.section, 'security');
  });

  test('a section override to a missing section, or onto a taken slug, changes nothing', async () => {
    const article = await store().articles.insert(newArticle('same-slug'));
    await store().articles.insert({ ...newArticle('same-slug'), section: 'politics' });
    await store().enrichments.save(computed(article.id));
    await assert.rejects(store().enrichments.setOverride(article.id, 'section', 'gardening'), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.message, /no section "gardening"/);
      return true;
    });
    await assert.rejects(store().enrichments.setOverride(article.id, 'section', 'politics'), ConflictError);
    assert.equal((await store().articles.findById(article.id))?.section, 'world');
    assert.deepEqual((await store().enrichments.find(article.id))?.overrides, {}, 'the override was rolled back with the move');
  });
});
