import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StoredStory } from '../domain/index.ts';
import { storyIndexContract } from '../domain/testing/storyIndexContract.ts';
import type { NewArticle, Store } from './index.ts';
import { describeOnBothDialects, postgresTarget, sqliteTarget } from './testing/targets.ts';

let serial = 0;
function newArticle(overrides: Partial<NewArticle> = {}): NewArticle {
  serial += 1;
  const at = new Date(Date.UTC(2024, 4, 1, 10, serial)).toISOString();
  return {
    slug: `story-article-${serial}`,
    section: 'world',
    sourceKey: `test:story-${serial}`,
    contentHash: `hash-${serial}`,
    headline: `Story article ${serial}`,
    dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null, provenance: null,
    status: 'published',
    publishedAt: at, createdAt: at, updatedAt: at,
    ...overrides,
  };
}

/** An article with an (empty) enrichment row: what the index files documents against. */
async function enrichedArticle(store: Store, overrides: Partial<NewArticle> = {}): Promise<number> {
  const article = await store.articles.insert(newArticle(overrides));
  await store.enrichments.save({
    articleId: article.id, version: 1, enrichedAt: article.createdAt, summary: null, sections: null, entities: [],
    timeline: [], suggestedSection: null, sectionConfidence: null, simhash: null,
  });
  return article.id;
}

const firstTitle = (story: StoredStory) => story.titles[0] ?? '';

describeOnBothDialects('story index', (store) => {
  test('a placed article is its story\'s member on the site; a merge moves it; the listing follows', async () => {
    const index = store().stories.index({ headline: firstTitle });
    const a = await enrichedArticle(store(), { headline: 'Harbour bridge closes' });
    const b = await enrichedArticle(store(), { headline: 'Harbour bridge reopens' });
    const story = (id: string, opened: number, member: number, title: string): StoredStory => ({
      id, opened, members: [String(member)], titles: [title], centroid: new Map([['bridge', 1]]), centroidNorm: 1,
      vectorCount: 1, firstSeen: Date.parse('2024-05-01T10:00:00Z'), lastSeen: Date.parse('2024-05-02T10:00:00Z'),
    });
    const print = { simhash: 5n, minhash: new Uint32Array(4) };
    await index.saveStory(story('story-a', 1, a, 'Harbour bridge closes'));
    await index.fileDocument({ id: String(a), storyId: 'story-a', fingerprint: print, nearDuplicateOf: null }, ['m0:x']);
    await index.saveStory(story('story-b', 2, b, 'Harbour bridge reopens'));
    await index.fileDocument({ id: String(b), storyId: 'story-b', fingerprint: print, nearDuplicateOf: String(a) }, ['m0:x']);
    assert.equal((await store().enrichments.find(b))?.nearDuplicateOf, a);
    assert.deepEqual((await store().stories.articles('story-b', 10)).map((card) => card.id), [b]);

    await index.saveStory({ ...story('story-a', 1, a, 'Harbour bridge closes'), members: [String(a), String(b)] });
    await index.retireStory('story-b', 'story-a');
    assert.deepEqual((await store().stories.articles('story-a', 10)).map((card) => card.id), [a, b], 'oldest first');
    assert.equal((await store().stories.find('story-b'))?.id, 'story-a', 'an old story link finds the survivor');
    assert.deepEqual(await store().stories.find('story-a'), {
      id: 'story-a', headline: 'Harbour bridge closes', articleCount: 2,
      firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-02T10:00:00.000Z',
    });
    const largest = await store().stories.largest({ since: '2024-05-01T00:00:00.000Z', limit: 5 });
    assert.deepEqual(largest.map((listing) => listing.id), ['story-a'], 'retired stories are not listed');
    assert.deepEqual(await store().stories.largest({ since: '2024-06-01T00:00:00.000Z', limit: 5 }), [], 'quiet stories are not');
  });

  test("a story's timelines show an editor's timeline in place of the computed one", async () => {
    const a = await enrichedArticle(store());
    await store().stories.index({ headline: firstTitle }).fileDocument(
      { id: String(a), storyId: 'story-timeline', fingerprint: { simhash: 1n, minhash: new Uint32Array(2) }, nearDuplicateOf: null },
      [],
    );
    assert.deepEqual(await store().stories.timelines('story-timeline', 10), [{ articleId: a, timeline: [] }]);
    const fact = {
      date: '2011', precision: 'year' as const, label: 'withdrawal', figures: [],
      sentence: { text: 'In 2011 the troops withdrew.', paragraph: 0, start: 0, end: 28 },
    };
    await store().enrichments.setOverride(a, 'timeline', [fact]);
    assert.deepEqual(await store().stories.timelines('story-timeline', 10), [{ articleId: a, timeline: [fact] }]);
  });

  test('copies from other sources are recorded once per address', async () => {
    const a = await enrichedArticle(store());
    const copy = { url: 'https://wire.example/story', sourceName: 'Wire', headline: 'Copy', seenAt: '2024-05-03T00:00:00.000Z' };
    await store().stories.addCopy(a, copy);
    await store().stories.addCopy(a, { ...copy, headline: 'Copy again' });
    assert.deepEqual(await store().stories.copiesOf(a), [copy]);
  });

  test('related lists are stored with the enrichment and read back by id', async () => {
    const a = await enrichedArticle(store());
    const b = await enrichedArticle(store());
    await store().stories.setRelated(a, [{ id: b, score: 0.5 }]);
    assert.deepEqual((await store().enrichments.find(a))?.related, [{ id: b, score: 0.5 }]);
    assert.deepEqual(await store().stories.relatedOf([a, b]), new Map([[a, [{ id: b, score: 0.5 }]], [b, []]]));
  });

  test('placements take turns inside transactions', async () => {
    // On PostgreSQL the lock is real; on SQLite a no-op: both must let a transaction through.
    const order: string[] = [];
    await Promise.all(
      ['first', 'second'].map((name) =>
        store().transaction(async (trx) => {
          await trx.stories.lockPlacement();
          order.push(`${name}:start`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`${name}:end`);
        }),
      ),
    );
    // Whoever went first finished before the other started.
    assert.deepEqual(order.map((step) => step.split(':')[1]), ['start', 'end', 'start', 'end']);
  });
});

// Each contract test gets a store of its own: its counters and posting lists start empty.
for (const target of [sqliteTarget, postgresTarget]) {
  describe(`story index contract on ${target().dialect}`, () => {
    storyIndexContract(async () => {
      const opened = target();
      const store = await opened.open();
      return {
        index: store.stories.index({ headline: firstTitle }),
        documentId: async () => String(await enrichedArticle(store)),
        close: async () => {
          await store.close();
          await opened.cleanup();
        },
      };
    });
  });
}
