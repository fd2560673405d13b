import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFoundError, type ArticleEnrichment, type ArticleEntity } from '../domain/index.ts';
import type { NewArticle } from './index.ts';
import { describeOnBothDialects } from './testing/targets.ts';

let serial = 0;
function newArticle(): NewArticle {
  serial += 1;
  const at = new Date(Date.UTC(2024, 4, 1, 10, serial)).toISOString();
  return {
    slug: `enriched-${serial}`,
    section: 'world',
    sourceKey: `test:enriched-${serial}`,
    contentHash: `hash-${serial}`,
    headline: `Enriched ${serial}`,
    dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null, provenance: null,
    status: 'published',
    publishedAt: at, createdAt: at, updatedAt: at,
  };
}

function enrichmentOf(articleId: number, version: number, entities: ArticleEnrichment['entities']): Omit<ArticleEnrichment, 'overrides'> {
  return {
    articleId,
    version,
    enrichedAt: '2024-05-02T08:00:00.000Z',
    summary: { sentences: [{ text: 'The base closed.', paragraph: 1, start: 0, end: 16, trimmed: false }], short: 'The base closed.' },
    sections: [{ title: null, paragraphs: [0, 1] }, { title: 'Last Units Leave', paragraphs: [2] }],
    entities,
    timeline: [
      {
        date: '2003',
        precision: 'year',
        label: 'US-led invasion',
        figures: [],
        sentence: { text: 'In 2003 the US-led invasion began.', paragraph: 2, start: 0, end: 34 },
      },
    ],
    suggestedSection: 'security',
    sectionConfidence: 0.82,
    simhash: '0123456789abcdef',
    storyId: null,
    nearDuplicateOf: null,
  };
}

const IRAQ: ArticleEntity = { slug: 'iraq', name: 'Iraq', type: 'place', aliases: [], mentions: 3 };
const US: ArticleEntity = { slug: 'united-states', name: 'United States', type: 'place', aliases: ['US', 'U.S.'], mentions: 2 };

describeOnBothDialects('enrichments', (store) => {

  test('save round-trips every field; entities index the topic pages', async () => {
    const a = await store().articles.insert(newArticle());
    const b = await store().articles.insert(newArticle());
    const saved = enrichmentOf(a.id, 1, [{ ...IRAQ }, { ...US, aliases: [...US.aliases] }]);
    await store().enrichments.save(saved);
    await store().enrichments.save(enrichmentOf(b.id, 1, [{ ...IRAQ, mentions: 1 }]));
    assert.deepEqual(await store().enrichments.find(a.id), { ...saved, related: [], overrides: {} });
    assert.deepEqual(await store().enrichments.articleIdsForEntity('iraq', 10), [b.id, a.id]);
    assert.deepEqual(await store().enrichments.articleIdsForEntity('united-states', 10), [a.id]);
    assert.equal(await store().enrichments.find(999_999), undefined);
  });

  test('a topic lists published articles only: newer drafts naming it take none of its places', async () => {
    const published = await store().articles.insert(newArticle());
    await store().enrichments.save(enrichmentOf(published.id, 1, [{ ...IRAQ, slug: 'mosul' }]));
    for (let n = 0; n < 3; n++) {
      const draft = await store().articles.insert({ ...newArticle(), status: 'draft', publishedAt: null });
      await store().enrichments.save(enrichmentOf(draft.id, 1, [{ ...IRAQ, slug: 'mosul' }]));
    }
    assert.deepEqual(await store().enrichments.articleIdsForEntity('mosul', 2), [published.id]);
  });

  test('re-enrichment replaces the computed fields and the entity index, and keeps overrides', async () => {
    const a = await store().articles.insert(newArticle());
    await store().enrichments.save(enrichmentOf(a.id, 1, [{ ...IRAQ }]));
    await store().enrichments.setOverride(a.id, 'summary', { sentences: [], short: 'Written by an editor.' });
    await store().enrichments.save({ ...enrichmentOf(a.id, 2, [{ ...US, aliases: [] }]), suggestedSection: 'politics' });
    const after = await store().enrichments.find(a.id);
    assert.equal(after?.version, 2);
    assert.equal(after?.suggestedSection, 'politics');
    assert.deepEqual(after?.overrides, { summary: { sentences: [], short: 'Written by an editor.' } });
    assert.ok(!(await store().enrichments.articleIdsForEntity('iraq', 100)).includes(a.id));
    await store().enrichments.setOverride(a.id, 'summary', undefined);
    assert.deepEqual((await store().enrichments.find(a.id))?.overrides, {});
    await assert.rejects(store().enrichments.setOverride(999_999, 'section', 'sport'), NotFoundError);
  });

  test('stale articles: not enriched, or by an older version, in id order after a point', async () => {
    const fresh = await store().articles.insert(newArticle());
    const old = await store().articles.insert(newArticle());
    const never = await store().articles.insert(newArticle());
    await store().enrichments.save(enrichmentOf(fresh.id, 5, []));
    await store().enrichments.save(enrichmentOf(old.id, 4, []));
    const stale = await store().enrichments.staleArticleIds(5, fresh.id - 1, 1000);
    assert.ok(!stale.includes(fresh.id));
    assert.ok(stale.includes(old.id) && stale.includes(never.id));
    assert.deepEqual(await store().enrichments.staleArticleIds(5, old.id, 1000), stale.filter((id) => id > old.id));
    assert.ok((await store().enrichments.countStale(5)) >= 2);
  });
});
